// EventClusterer: groups a stream of articles into events, online.
//
// Each article is assigned, in arrival order and without looking ahead, to the
// live event it most likely belongs to, or opens a new one. Its text is
// cleaned first (the shared Cleaner's boilerplate rules); an article with no
// body left after cleaning (a crawl notice, a captcha form, a player error)
// has no content to compare: it opens an event of its own, joins none and is
// never a copy, so such pages are not glued together.
//
// Articles are represented by TF-IDF vectors of Porter stems from the shared
// Tokenizer (all terms, the headline's, the name-like ones) and the numbers
// they give, IDF learned incrementally from the stream itself. Events keep
// bounded centroids of each, and candidate events come from an inverted index
// over their top terms (events no article joined for a long stretch of the
// stream retire from it), so the cost per article stays roughly constant as
// the stream grows. For each candidate the clusterer computes how the two
// compare (cosines of each vector, the best match among recent members, the
// time gap to the event's span, the event's size, whether the outlet is
// already in it, ...) and a learned model (EventModel, trained on labelled
// streams by `chorus train-clusterer`) ranks the candidates and decides
// whether the article joins the best one or opens a new event
// (SimilarityRule::kLearned; the model shipped with chorus unless the options
// name another). Under it, when the model carries a merge cut (or the options
// set one), a young event that the model then places in an older one (a
// story that split early) is merged into it: the assignment that caused it
// says so (merged_into) and CurrentEvent() follows merges; the shipped model
// carries one (0.85). The default is still the fixed cosine rule of earlier
// releases (SimilarityRule::kCosine): the shipped model does not yet beat it
// on DUC 2004 and Multi-News 200.
// Syndicated or re-published copies are caught first with MinHash over word
// shingles and LSH banding: they join their original's event as
// `duplicate_of` it and do not count as an independent source.
//
//   chorus::EventClusterer clusterer;                 // default options (cosine rule)
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
class EventModel;

// How the clusterer judges an article against its candidate events.
enum class SimilarityRule {
  // The learned model (ClustererOptions::model) ranks the candidates and
  // decides whether the article joins the best one.
  kLearned,
  // Earlier releases' fixed rule: the time-adjusted TF-IDF cosine of the
  // article and an event's centroid must reach `threshold`.
  kCosine,
};

struct ClustererOptions {
  // Boilerplate rules applied to each article's text before it is compared.
  // nullptr: Cleaner::Default(). Not owned; must outlive the clusterer.
  const Cleaner* cleaner = nullptr;
  // Which rule judges candidates. Default kCosine: the shipped model still
  // scores below the cosine rule on DUC 2004 and Multi-News 200 (B-cubed F1
  // 0.825 / 0.840 against 0.862 / 0.859), so it is chosen, not the default.
  SimilarityRule rule = SimilarityRule::kCosine;
  // The learned model (kLearned). nullptr: EventModel::Default(), the model
  // shipped with chorus. Shared, immutable: one model may serve many
  // clusterers.
  std::shared_ptr<const EventModel> model;
  // kLearned: the model's probability that the article belongs to its best
  // candidate event at or above which it joins it; below, it opens a new
  // event. Unset (default): the model's own cut, chosen when it was trained
  // on held-out later articles of its training streams.
  std::optional<double> join_probability;
  // kLearned: candidate events (those sharing the most of the article's
  // weight among their indexed terms) the model judges per article. Default 16.
  uint32_t candidates = 16;
  // kLearned: an event that no article joined in this many arrivals leaves the
  // inverted index (it is still described and stored), which keeps the cost
  // per article bounded on an endless stream. 0 keeps every event. Default
  // 20000.
  uint32_t retire_after = 20000;
  // kLearned: stories split early are merged. After an article joins an
  // event of 2..merge_members members, the model judges that young event (its
  // centroids, as if it were one article) against the older live events it
  // shares indexed terms with; at the merge probability it folds into the best
  // (which keeps its id; ArticleAssignment::merged_into, CurrentEvent). Bounded
  // like one more article. 0: never merge. Default 5.
  uint32_t merge_members = 5;
  // kLearned: that merge cut. Unset (default): the model's own, chosen in
  // training on held-out later articles; a model without one never merges.
  std::optional<double> merge_probability;
  // kCosine: cosine similarity (TF-IDF, time-adjusted) an article needs with an
  // event to join it; below it the article opens a new event. Default 0.2.
  double threshold = 0.2;
  // Events whose time span lies more than this many days from an article's
  // date are not candidates for it. 0 disables the window. Articles or events
  // without dates are never excluded. Default 30.
  double window_days = 30;
  // kCosine: similarity is multiplied by exp(-gap / decay_days), gap being the days
  // between the article's date and the event's span (0 inside it). Default 30.
  double decay_days = 30;
  // kCosine: when both the article and the event are dated, similarity is also
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

// Names the featurizer whose ArticleRecords a store holds: a store written
// with another (an earlier release's) has its records re-derived from the
// stored text when it is opened for writing.
inline constexpr std::string_view kArticleFeatures = "article-features/2";

// What the clusterer keeps of one article: enough to replay it exactly.
// Term vectors hold term ids (EventClusterer's dictionary) with weights,
// sorted by id.
struct ArticleRecord {
  // Every content term with its log-tf weight, title terms and names weighted up.
  std::vector<std::pair<uint32_t, float>> terms;
  // The headline's terms (the title, else the text's opening line), log-tf.
  std::vector<std::pair<uint32_t, float>> headline;
  // Name-like terms (capitalized where capitals mark names), log-tf.
  std::vector<std::pair<uint32_t, float>> names;
  // Numbers written in digits, as terms ("5,000" -> "5000"), log-tf.
  std::vector<std::pair<uint32_t, float>> numbers;
  std::vector<uint32_t> minhash;  // MinHash signature (empty: too short for duplicate detection)
  int32_t day = kNoDay;           // days since 1970-01-01, or kNoDay
  uint32_t words = 0;             // word tokens in title and text
  static constexpr int32_t kNoDay = INT32_MIN;
};

struct ArticleAssignment {
  int64_t event = 0;  // event id (1, 2, ... in order of creation)
  bool new_event = false;
  // Index (arrival order, from 0) of the article this one copies, if any.
  std::optional<uint64_t> duplicate_of;
  // How sure the clusterer is of the event it chose: the model's probability
  // (kLearned) or the cosine (kCosine); 1 for duplicates, 0 for new events.
  double similarity = 0;
  bool no_content = false;  // nothing was left of the body after cleaning (a new event of its own)
  // Set when `event`, young, was merged into this older event right after
  // the article joined it (kLearned, ClustererOptions::merge_members): the
  // whole of `event`, earlier articles too, now belongs to `merged_into`.
  std::optional<int64_t> merged_into;
  ArticleRecord record;  // for persistence
};

// Document frequencies of a run of a stream, keyed by stem so that runs
// counted by different clusterers add up (AddTermCounts). A clusterer that
// starts mid-stream is seeded with those of everything before it
// (EventClusterer::SeedTermCounts), so its IDF is the one a clusterer that
// read the whole stream would have there.
struct TermCounts {
  // Terms (stems, and numbers as written in digits) in order of first
  // appearance in the run, with df 0 for terms seen only in copies.
  std::vector<std::string> terms;
  std::vector<std::string> labels;  // by term: the first form seen ("hurricane")
  std::vector<uint32_t> df;         // by term: non-copy articles using it
  uint64_t docs = 0;                // non-copy articles
};

// A live view of one event.
struct EventInfo {
  int64_t id = 0;
  std::vector<std::string> top_terms;  // highest-weight centroid terms (their labels), best first
  std::string first_date;              // "YYYY-MM-DD" or empty
  std::string last_date;
  uint32_t articles = 0;             // all members, duplicates included
  uint32_t duplicates = 0;           // members that copy an earlier article
  uint32_t independent_sources = 0;  // distinct outlets among non-duplicates
  // 0 while the event is live; else the event it was merged into (which may
  // itself have merged since: EventClusterer::CurrentEvent follows them).
  int64_t merged_into = 0;
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

  // Assigns the next article from its record, as Represent made it (term ids
  // this clusterer's: InternTerm maps another clusterer's) and its source.
  // Add(article) is Add(Represent(article), article.source) with no_content
  // set: featurizing can run elsewhere, ahead of the decisions
  // (chorus/featurized_partition.h).
  ArticleAssignment Add(ArticleRecord record, std::string_view source);

  // The record Add would make of `article` (cleaned, featurized; new terms
  // enter the dictionary), without assigning it. For re-deriving the features
  // of articles stored by an earlier release before Restore, and for
  // featurizing ahead of Add(record).
  ArticleRecord Represent(const Document& article);
  // Represent, also saying whether cleaning left no body
  // (ArticleAssignment::no_content).
  ArticleRecord Represent(const Document& article, bool* no_content);

  // Adds `counts` (the stream before the first article this clusterer sees)
  // to its document frequencies, and their terms to its dictionary in their
  // order: term ids and labels then are those of a clusterer that read the
  // stream from its start. Call before the first Add. kInvalidArgument when
  // the counts' lists differ in length.
  Status SeedTermCounts(const TermCounts& counts);

  // Replays an article stored earlier (its record, its event, whether it was a
  // duplicate and its source), rebuilding state without tokenizing. Records
  // must come in their original order; event ids must be those Add returned.
  Status Restore(const ArticleRecord& record, int64_t event, std::optional<uint64_t> duplicate_of,
                 std::string_view source);

  // Term dictionary: id -> stem, and the word first seen with that stem (its
  // label in event descriptions: "hurricane", not "hurrican"). New terms
  // appear as articles are added; RestoreTerm re-creates them (ids dense, in
  // order).
  const std::string& Term(uint32_t id) const;
  const std::string& TermLabel(uint32_t id) const;
  uint32_t TermCount() const;
  Status RestoreTerm(uint32_t id, std::string_view stem, std::string_view label);
  // The id of `stem`, entering the dictionary with `label` when it is new:
  // a record featurized by another clusterer maps its term ids through this.
  uint32_t InternTerm(std::string_view stem, std::string_view label);

  uint64_t ArticleCount() const;
  int64_t EventCount() const;
  // The event that event `id` is now part of: itself, unless a later article
  // merged it into an older one (ArticleAssignment::merged_into).
  int64_t CurrentEvent(int64_t id) const;
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
