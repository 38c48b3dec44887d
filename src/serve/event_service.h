// EventService: the server's side of the event store: adds articles (they
// are clustered into events online and committed before the call returns)
// and reads events back, from any number of request threads.
//
//   ASSIGN_OR_RETURN(auto events, EventService::Open("chorus.db", {.max_articles = 1000}));
//   ASSIGN_OR_RETURN(AddedArticles added, events->AddArticles(std::move(docs)));
//
// It hands back the library's own types; the routes render them with the
// library's renderers (chorus/event_json.h), so every face prints the same
// bytes.
//
// Thread safety: all methods may be called concurrently; the store and the
// clusterer (not thread-safe themselves) are used under one mutex, held only
// for store work, never while summarizing. Counts are readable without it
// (for /metrics). Not copyable; closing the store happens on destruction.
#ifndef CHORUS_SERVE_EVENT_SERVICE_H_
#define CHORUS_SERVE_EVENT_SERVICE_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/mutex.h"
#include "chorus/document.h"
#include "chorus/event_stream.h"
#include "chorus/status.h"
#include "chorus/store.h"

namespace chorus::serve {

// What one AddArticles call stored: an assignment per stored article, in
// order, and the ids of those already in the store (not added again).
struct AddedArticles {
  std::vector<StreamAssignment> assignments;
  std::vector<std::string> skipped;
};

// One page of events by ascending id; `next_after` is the cursor of the next
// page, none when this page holds the last event.
struct EventListPage {
  std::vector<EventInfo> events;
  std::optional<int64_t> next_after;
};

class EventService {
 public:
  // `path` "" opens an in-memory store. LoadEvent returns at most `view` of
  // an event (the bounds of one request).
  static Result<std::unique_ptr<EventService>> Open(const std::string& path, EventSample view);
  EventService(const EventService&) = delete;
  EventService& operator=(const EventService&) = delete;

  // Stores and clusters `articles`; returns once they are committed.
  Result<AddedArticles> AddArticles(std::vector<Document> articles);
  // The events of `page` by ascending id.
  Result<EventListPage> ListEvents(EventPage page) const;
  // One event's description and its articles, without copies, within the
  // view Open was given (kNotFound for an unknown id).
  Result<std::pair<EventInfo, Cluster>> LoadEvent(int64_t id) const;

  uint64_t article_count() const { return articles_.load(); }
  int64_t event_count() const { return events_.load(); }

 private:
  EventService(std::unique_ptr<EventStream> stream, EventSample view);
  void UpdateCounts() REQUIRES(mu_);

  mutable Mutex mu_;
  std::unique_ptr<EventStream> stream_ GUARDED_BY(mu_);
  const EventSample view_;
  std::atomic<uint64_t> articles_{0};
  std::atomic<int64_t> events_{0};
};

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_EVENT_SERVICE_H_
