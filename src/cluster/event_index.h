// EventIndex: the live events of one stream, their centroids and the inverted
// index that finds an article's candidate events; also the stream's document
// frequencies (IDF is learned from the stream itself).
//
// Centroids are sums of members' unit log-tf vectors, kept to their top terms
// by TF-IDF; an event's top terms are posted in the inverted index. Events no
// article joined for `retire_after` arrivals leave the index (lazily, as their
// posting lists are walked) and drop what only candidates need.
//
// Thread safety: not thread-safe. Movable.
#ifndef CHORUS_CLUSTER_EVENT_INDEX_H_
#define CHORUS_CLUSTER_EVENT_INDEX_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/clusterer.h"
#include "represent/article_features.h"

namespace chorus {

struct Event {
  TermVector centroid;  // all terms
  TermVector headline;  // headline terms
  TermVector names;     // name-like terms
  TermVector numbers;   // numbers
  // The last few members' top terms (log-tf), in a ring from `recent_next`.
  std::vector<TermVector> recent;
  uint32_t recent_next = 0;
  std::vector<uint32_t> indexed;  // terms posted in the inverted index for this event
  int32_t min_day = ArticleRecord::kNoDay;
  int32_t max_day = ArticleRecord::kNoDay;
  int64_t day_sum = 0;               // over dated non-duplicate members
  uint32_t dated = 0;                // dated non-duplicate members
  uint32_t articles = 0;             // all members
  uint32_t duplicates = 0;           // members that copy an earlier article
  uint32_t anonymous = 0;            // non-duplicate members without a source
  uint64_t words = 0;                // words of non-duplicate members
  uint64_t last_join = 0;            // arrival number of the last non-duplicate member
  bool retired = false;              // out of the inverted index for good
  std::vector<std::string> sources;  // distinct sources of non-duplicate members, sorted

  uint32_t members() const { return articles - duplicates; }
  bool HasSource(std::string_view source) const;
};

struct EventIndexOptions {
  uint32_t centroid_terms = 100;  // terms kept in the all-terms centroid
  uint32_t bag_terms = 50;        // terms kept in the headline, names and numbers centroids
  uint32_t index_terms = 20;      // an event's top terms posted in the index
  uint32_t query_terms = 20;      // an article's top terms looked up
  uint32_t recent_members = 8;    // members whose top terms are kept
  uint32_t member_terms = 24;     // top terms kept per recent member
  uint32_t retire_after = 0;      // arrivals without a join before an event retires; 0: never
  double window_days = 0;         // dated candidates at most this far from the article; 0: any
};

class EventIndex {
 public:
  explicit EventIndex(EventIndexOptions options) : options_(options) {}

  // Counts the document frequencies of a non-duplicate article.
  void Count(const ArticleRecord& record);
  // Adds `df` to `term`'s document frequency and `docs` to the articles
  // counted: the counts of a stream's earlier articles (a seed).
  void CountTerm(uint32_t term, uint32_t df);
  void CountDocs(uint64_t docs);
  // ln((docs + 1) / (df + 1)) + 1, from cached logarithms (it is on the hot path).
  double Idf(uint32_t term) const {
    return log_docs_ - (term < log_df_.size() ? log_df_[term] : 0.0) + 1;
  }
  uint64_t docs() const { return docs_; }

  // `terms`' top `member_terms` by TF-IDF, as given (log-tf), sorted by term:
  // what an event keeps of each recent member.
  TermVector TopTerms(const TermVector& terms) const;

  // The events sharing indexed terms with `record`'s top terms, within the
  // date window, not retired at arrival `arrival`: the `limit` (0: all) with
  // the most of the article's TF-IDF weight among their indexed terms, that
  // weight highest first (ties: the newer event first).
  void Candidates(const ArticleRecord& record, uint64_t arrival, uint32_t limit,
                  std::vector<uint32_t>* out);

  // A new, empty event; returns its index.
  uint32_t Create();
  // Adds a non-duplicate member (arrival number `arrival`).
  void Join(uint32_t event, const ArticleRecord& record, std::string_view source, uint64_t arrival);
  // Adds a copy of an earlier member: counted, dated, nothing else.
  void JoinAsDuplicate(uint32_t event, int32_t day);
  // Folds event `from` into `into` (centroids added, members, sources, span
  // and recent members taken over) and retires `from`: a story that split
  // early becomes one event again. Later joins go to `into`.
  void Merge(uint32_t from, uint32_t into, uint64_t arrival);

  const Event& event(uint32_t index) const { return events_[index]; }
  uint32_t size() const { return static_cast<uint32_t>(events_.size()); }
  const EventIndexOptions& options() const { return options_; }

 private:
  bool Retired(uint32_t event, uint64_t arrival);
  void AddToCentroid(const TermVector& add, uint32_t limit, TermVector* centroid,
                     std::vector<std::pair<float, uint32_t>>* ranked, bool unit = true) const;
  void PostTopTerms(uint32_t event, std::vector<std::pair<float, uint32_t>>* ranked);
  void AddRecent(Event& event, TermVector member) const;

  EventIndexOptions options_;
  std::vector<uint32_t> df_;    // by term id, over non-duplicate articles
  std::vector<double> log_df_;  // by term id: ln(df + 1)
  uint64_t docs_ = 0;           // non-duplicate articles
  double log_docs_ = 0;         // ln(docs + 1)
  std::vector<Event> events_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings_;  // term -> event indices
  // Scratch for Candidates: accumulated weight per event and which events
  // have an accumulator for the current article.
  std::vector<float> accumulated_;
  std::vector<uint64_t> stamp_;
  uint64_t current_stamp_ = 0;
};

// Days between `day` and the span [min_day, max_day] (0 inside it); -1 when
// either is undated.
int32_t DaysOutside(int32_t day, const Event& event);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_EVENT_INDEX_H_
