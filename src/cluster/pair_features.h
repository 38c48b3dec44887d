// What the learned event model reads: the features of one (article,
// candidate event) pair, and of the decision whether an article joins its
// best candidate. The lists and their order are the model file's contract
// (kFeatureSet names their version): change either and the version, and
// retrain.
//
// Missing values are NaN (a date, a source the article lacks); the trees send
// them their learned default way.
#ifndef CHORUS_CLUSTER_PAIR_FEATURES_H_
#define CHORUS_CLUSTER_PAIR_FEATURES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "chorus/clusterer.h"
#include "cluster/event_index.h"

namespace chorus {

inline constexpr std::string_view kFeatureSet = "event-pair/2";

enum PairFeature : uint32_t {
  kCosineTerms,     // TF-IDF cosine of the article's terms and the event's centroid
  kCosineHeadline,  // ... of the article's headline and the event's headlines
  kCosineNames,     // ... of its name-like terms and the event's
  kCosineNumbers,   // ... of its numbers and the event's
  kBestMember,      // best TF-IDF cosine with one of the event's recent members (top terms)
  kCoveredWeight,   // share of the article's squared TF-IDF weight on terms of the centroid
  kSharedNames,     // the article's names found among the event's
  kSharedNumbers,   // the article's numbers found among the event's
  kArticleNumbers,  // numbers the article gives
  kDaysOutside,     // days between the article's date and the event's span (0 inside)
  kDaysFromMiddle,  // days between the article's date and the event's mean date
  kEventSpan,       // days from the event's first to its last article
  kEventMembers,    // ln(1 + the event's non-duplicate members)
  kSourceInEvent,   // 1 when the article's outlet already reports the event, else 0
  kArticleWords,    // ln(1 + words of the article)
  kEventWords,      // ln(1 + mean words of the event's members)
  // Length-free signals (event-pair/2): a 600-word article and a 60-word lead
  // of one story should look alike, so these compare equal-sized bags or
  // ratios rather than counts that grow with the text.
  kBestMemberTop,  // best cosine of the article's top terms and a recent member's (same size)
  kNameOverlap,    // shared names / the fewer names of the two (NaN: either has none)
  kNumberOverlap,  // shared numbers / the fewer numbers of the two (NaN: either has none)
  kPairFeatureCount
};

enum DecisionFeature : uint32_t {
  kBestRank = kPairFeatureCount,  // the ranker's score of the best candidate
  kRunnerUpRank,                  // ... of the second best (NaN: no second)
  kRunnerUpCosine,                // kCosineTerms of the second best
  kCandidateCount,                // candidates judged
  kDecisionFeatureCount
};

using PairFeatures = std::array<float, kPairFeatureCount>;
using DecisionFeatures = std::array<float, kDecisionFeatureCount>;

// Every feature's name, pair features then decision features.
const std::vector<std::string_view>& FeatureNames();

// +1 for a feature that measures how alike the article and the event are
// (cosines, shared and overlapping names, numbers and terms, the ranker's
// score), whose rise must never lower the model's "same story" score; 0 for
// the rest. Trees cannot extrapolate: a long article's cosines and overlaps
// fall in ranges short training texts rarely reach, and the constraint keeps
// "more alike, more likely one story" true there. `feature` < kDecisionFeatureCount.
int SimilarityDirection(uint32_t feature);

// The current article's TF-IDF vectors, dense by term id, for quick dot
// products with centroids. Set() for each article; the arrays are reused.
class ArticleVectors {
 public:
  void Set(const ArticleRecord& record, const EventIndex& index);

  // kPairFeatureCount values for `event`.
  PairFeatures Compare(const Event& event, std::string_view source, const EventIndex& index) const;

 private:
  struct Bag {
    std::vector<float> dense;     // by term id, 0 elsewhere
    std::vector<uint32_t> terms;  // ids set in `dense`
    double norm = 0;
    void Set(const TermVector& v, const EventIndex& index);
    double Cosine(const TermVector& centroid, const EventIndex& index, uint32_t* shared) const;
  };
  Bag terms_, headline_, names_, numbers_;
  Bag top_terms_;  // the article's top terms, as a recent member's are kept
  const ArticleRecord* record_ = nullptr;
};

// The best and second-best of `ranks` (indices; second == ranks.size() when
// there is one rank). Ties go to the earlier.
struct BestTwo {
  size_t best = 0;
  size_t second = 0;
};
BestTwo FindBestTwo(std::span<const double> ranks);

// The decision features: `best`'s pair features, then the context.
DecisionFeatures MakeDecisionFeatures(const PairFeatures& best, double best_rank,
                                      const PairFeatures* runner_up, double runner_up_rank,
                                      size_t candidates);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_PAIR_FEATURES_H_
