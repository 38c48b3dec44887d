// EventClusterer: groups a stream of articles into events, online.
//
// Each article is assigned, in arrival order and without looking ahead, to the
// most similar live event or opens a new one. Its text is cleaned first (the
// shared Cleaner's boilerplate rules); an article with no body left after
// cleaning (a crawl notice, a captcha form, a player error) has no content to
// compare: it opens an event of its own, joins none and is never a copy, so
// such pages are not glued together. Articles are represented as
// TF-IDF vectors of Porter stems from the shared Tokenizer (title terms and
// capitalized, name-like tokens weighted up; IDF learned incrementally from the
// stream itself). Events keep bounded centroids (their top terms), and
// candidate events come from an inverted index over those top terms, so the
// cost per article stays roughly constant as the stream grows. Syndicated or
// re-published copies are caught first with MinHash over word shingles and LSH
// banding: they join their original's event as `duplicate_of` it and do not
// count as an independent source.
//
//   chorus::EventClusterer clusterer;                 // default options
//   for (chorus::Document& d : stream) {
//     chorus::ArticleAssignment a = clusterer.Add(d);
//     Print(d.id, a.event, a.duplicate_of);
//   }
//
// State can be saved and restored exactly without re-tokenizing: every Add
// returns the article's features (ArticleRecord), and Restore() replays
// records in their original order (EventStore does this).
//
// Thread safety: not thread-safe; one clusterer per stream. Movable, not
// copyable (its state can be large).
#ifndef CHORUS_CLUSTERER_H_
#define CHORUS_CLUSTERER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

class Cleaner;

struct ClustererOptions {
  // Boilerplate rules applied to each article's text before it is compared.
  // nullptr: Cleaner::Default(). Not owned; must outlive the clusterer.
  const Cleaner* cleaner = nullptr;
  // Cosine similarity (TF-IDF, time-adjusted) an article needs with an event
  // to join it; below it the article opens a new event. Default 0.2.
  double threshold = 0.2;
  // Events whose time span lies more than this many days from an article's
  // date are not candidates for it. 0 disables the window. Articles or events
  // without dates are never excluded. Default 30.
  double window_days = 30;
  // Similarity is multiplied by exp(-gap / decay_days), gap being the days
  // between the article's date and the event's span (0 inside it). Default 30.
  double decay_days = 30;
  // When both the article and the event are dated, similarity is also
  // multiplied by (1 + dated_boost): being published close together is
  // evidence of one event that an undated stream lacks, so the same threshold
  // asks less word overlap of articles a few days apart (with the decay, the
  // factor is 1.5 at 0 days, 1 at 12 days, 0.55 at 30). Default 0.5.
  double dated_boost = 0.5;
  // Terms kept in an event's centroid (the highest TF-IDF ones). Default 100.
  uint32_t centroid_terms = 100;
  // An event's top terms posted in the inverted index. Default 20.
  uint32_t index_terms = 20;
  // An article's top terms looked up in the inverted index. Default 20.
  uint32_t query_terms = 20;
  // Weight of title terms relative to body terms. Default 2.
  double title_weight = 2.0;
  // Weight of capitalized (name-like) tokens inside sentences. Default 1.5.
  double name_weight = 1.5;
  // Estimated Jaccard similarity of word shingles at or above which an article
  // is a near-duplicate of an earlier one. Default 0.8.
  double duplicate_jaccard = 0.8;
  // Articles with fewer word shingles than this are never marked duplicates
  // (tiny texts match by accident). Default 20.
  uint32_t min_duplicate_shingles = 20;
};

// What the clusterer keeps of one article: enough to replay it exactly.
struct ArticleRecord {
  // Term ids (EventClusterer's dictionary) with their boosted log-tf weight,
  // sorted by id.
  std::vector<std::pair<uint32_t, float>> terms;
  std::vector<uint32_t> minhash;  // MinHash signature (empty: too short for duplicate detection)
  int32_t day = kNoDay;           // days since 1970-01-01, or kNoDay
  static constexpr int32_t kNoDay = INT32_MIN;
};

struct ArticleAssignment {
  int64_t event = 0;  // event id (1, 2, ... in order of creation)
  bool new_event = false;
  // Index (arrival order, from 0) of the article this one copies, if any.
  std::optional<uint64_t> duplicate_of;
  double similarity = 0;  // similarity to the chosen event (1 for duplicates, 0 for new events)
  bool no_content = false;  // nothing was left of the body after cleaning (a new event of its own)
  ArticleRecord record;   // for persistence
};

// A live view of one event.
struct EventInfo {
  int64_t id = 0;
  std::vector<std::string> top_terms;  // highest-weight centroid terms (their labels), best first
  std::string first_date;              // "YYYY-MM-DD" or empty
  std::string last_date;
  uint32_t articles = 0;      // all members, duplicates included
  uint32_t duplicates = 0;    // members that copy an earlier article
  uint32_t independent_sources = 0;  // distinct outlets among non-duplicates
};

class EventClusterer {
 public:
  explicit EventClusterer(ClustererOptions options = {});
  ~EventClusterer();
  EventClusterer(EventClusterer&&) noexcept;
  EventClusterer& operator=(EventClusterer&&) noexcept;
  EventClusterer(const EventClusterer&) = delete;
  EventClusterer& operator=(const EventClusterer&) = delete;

  // Assigns the next article of the stream.
  ArticleAssignment Add(const Document& article);

  // Replays an article stored earlier (its record, its event, whether it was a
  // duplicate and its source), rebuilding state without tokenizing. Records
  // must come in their original order; event ids must be those Add returned.
  Status Restore(const ArticleRecord& record, int64_t event,
                 std::optional<uint64_t> duplicate_of, std::string_view source);

  // Term dictionary: id -> stem, and the word first seen with that stem (its
  // label in event descriptions: "hurricane", not "hurrican"). New terms
  // appear as articles are added; RestoreTerm re-creates them (ids dense, in
  // order).
  const std::string& Term(uint32_t id) const;
  const std::string& TermLabel(uint32_t id) const;
  uint32_t TermCount() const;
  Status RestoreTerm(uint32_t id, std::string_view stem, std::string_view label);

  uint64_t ArticleCount() const;
  int64_t EventCount() const;
  // Describes event `id` (1..EventCount()); label terms limited to `terms`.
  EventInfo Describe(int64_t id, uint32_t terms = 5) const;

  const ClustererOptions& options() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// "YYYY-MM-DD" (optionally followed by anything) -> days since 1970-01-01, or
// ArticleRecord::kNoDay when it is not such a date.
int32_t ParseDay(std::string_view date);
// Days since 1970-01-01 -> "YYYY-MM-DD".
std::string FormatDay(int32_t day);

}  // namespace chorus

#endif  // CHORUS_CLUSTERER_H_
