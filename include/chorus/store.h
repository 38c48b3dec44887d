// EventStore: the SQLite database that keeps clustered articles and events.
//
// One file (default chorus.db) in WAL mode. A store written by an earlier
// release (schema 1) opens: read as it is, or migrated when opened for writing. Articles are stored
// whole (id, source, date, title, url, text) with their event, the article they copy (if any) and
// the clusterer's features, so a later run continues the same events and `chorus summarize/compare
// --store PATH --event ID` can read an event back. Writes come in batches, one transaction each: a
// crash or kill loses at most the batch in flight (never an acknowledged one) and leaves the file
// readable.
//
//   ASSIGN_OR_RETURN(auto store, chorus::EventStore::Open("chorus.db", {}));
//   ASSIGN_OR_RETURN(chorus::Cluster event, store->LoadEvent(17));
//   ASSIGN_OR_RETURN(auto events, store->ListEvents());
//
// Thread safety: not thread-safe; one EventStore per thread (SQLite itself
// allows several processes to read while one writes). Not copyable; owned by
// unique_ptr, closes the database when destroyed.
#ifndef CHORUS_STORE_H_
#define CHORUS_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

struct StoreOptions {
  // Open without writing; fails with kNotFound when the file does not exist.
  bool read_only = false;
  // Milliseconds to wait for another process's write lock before kUnavailable.
  int busy_timeout_ms = 5000;
};

// One article as stored, with what the clusterer decided about it.
struct StoredArticle {
  uint64_t seq = 0;  // arrival number in the store, from 0
  Document document;
  int64_t event = 0;
  std::optional<uint64_t> duplicate_of;  // seq of the original
  ArticleRecord record;
};

// One entry of the clusterer's term dictionary.
struct StoredTerm {
  uint32_t id = 0;
  std::string stem;
  std::string label;  // the word shown for it in event labels
};

// Which events ListEvents returns: a page of ids above a cursor, so a client
// can walk a store of any size (ids only grow, so pages never shift).
struct EventPage {
  // Only events with an id greater than this. Default 0: from the first.
  int64_t after = 0;
  // At most this many events. Default 0: no limit.
  uint32_t limit = 0;
};

// At most how much of an event LoadEvent returns (0: no limit): a server
// answers for an event of 100k articles within the bounds of one request.
// The articles kept are spread evenly over the event's date order (its
// first and last among them), so they span the whole story.
struct EventSample {
  uint32_t max_articles = 0;
  size_t max_text_bytes = 0;
};

// Everything one batch transaction writes.
struct StoreBatch {
  std::vector<StoredArticle> articles;  // new articles, ascending seq
  std::vector<StoredTerm> terms;        // new dictionary entries
  std::vector<EventInfo> events;        // events created or changed
};

class EventStore {
 public:
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path, StoreOptions options);
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // Writes a batch in one transaction; nothing of it is visible on error.
  Status Write(const StoreBatch& batch);

  // The term dictionary, by ascending id.
  Status ForEachTerm(const std::function<Status(uint32_t, std::string_view stem,
                                                std::string_view label)>& visit) const;
  // Every article in arrival order (for replaying the clusterer): its id,
  // source, decisions and features; with `with_documents` also its date,
  // title, url and text. A schema 1 store opened read-only cannot be
  // replayed (kParseError saying how to migrate it).
  Status ForEachArticle(const std::function<Status(StoredArticle&&)>& visit,
                        bool with_documents = false) const;

  // Which featurizer computed the stored features (kArticleFeatures when this
  // release's; empty for a store migrated from schema 1). Stale features are
  // re-derived from the stored text (EventStream does it when it opens a
  // store) and written back with ReplaceFeatures.
  const std::string& features() const { return features_; }
  // Replaces the term dictionary with `terms` and the features of each of
  // `articles` (by seq; their documents and decisions are left as stored),
  // and marks the features as this release's, in one transaction.
  Status ReplaceFeatures(const std::vector<StoredTerm>& terms,
                         const std::vector<StoredArticle>& articles);

  // The articles of event `event` as a cluster, in date then arrival order;
  // copies of other articles are left out unless `include_duplicates`; within
  // `sample` (`*omitted`, when given, is set to how many were left out of it).
  // An event merged into an older one (EventInfo::merged_into) is read as
  // the event it is now part of (CurrentEvent; the cluster's id says which),
  // with the articles of every event merged into that one. kNotFound when the
  // event does not exist.
  Result<Cluster> LoadEvent(int64_t event, bool include_duplicates = false, EventSample sample = {},
                            uint64_t* omitted = nullptr) const;
  // The live events of `page` (not those merged into another), by ascending
  // id (all of them by default).
  Result<std::vector<EventInfo>> ListEvents(EventPage page = {}) const;
  // The event that event `event` is now part of: itself, unless it was
  // merged into an older one (as EventClusterer::CurrentEvent says of the
  // clusterer that wrote the store). kInternal for a corrupt merge record.
  Result<int64_t> CurrentEvent(int64_t event) const;
  Result<uint64_t> ArticleCount() const;

  const std::string& path() const { return path_; }

 private:
  struct Db;
  EventStore(std::string path, std::unique_ptr<Db> db);
  std::string path_;
  std::unique_ptr<Db> db_;
  int schema_ = 2;
  std::string features_;
  // The store has a merges table (stores written before merges existed,
  // read-only, have none: nothing in them is merged).
  bool has_merges_ = true;
};

// Opens the store at `path` read-only and loads event `event` as
// EventStore::LoadEvent does (what `chorus summarize/compare --store PATH
// --event ID` read). kNotFound names the missing store or the unknown event and
// says how to list the events.
Result<Cluster> LoadStoredEvent(const std::string& path, int64_t event,
                                bool include_duplicates = false, EventSample sample = {},
                                uint64_t* omitted = nullptr);

}  // namespace chorus

#endif  // CHORUS_STORE_H_
