// ClaimTermWeights: how much each word (stem) tells about whether two
// sentences state the same claim, learned from labelled pairs — TF-KLD (Ji
// and Eisenstein, EMNLP 2013). For a stem w, among the pairs where one
// sentence contains it, p = P(the other contains it too | same claim) and
// q = the same among different claims; w's weight is the Kullback-Leibler
// divergence KL(Bernoulli(p) || Bernoulli(q)). A stem whose sharing separates
// paraphrases from non-paraphrases ("said" hardly, a verb naming the event
// much) weighs more; the claim features then weigh overlap by it.
//
// Counts are smoothed with `alpha` pseudo-pairs on each side, so a stem seen
// in a handful of pairs weighs almost nothing; a stem never seen weighs the
// median of the learned weights.
//
// The shipped weights live in the claim model file (represent/claim_model.h)
// beside the trees trained on features they weighed. A model's training pairs
// must be weighed out-of-fold (the trainer does: a pair's own label must not
// make its words heavy).
//
// Thread safety: immutable after construction; share freely.
#ifndef CHORUS_REPRESENT_CLAIM_TERM_WEIGHTS_H_
#define CHORUS_REPRESENT_CLAIM_TERM_WEIGHTS_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chorus::represent {

// One labelled pair as its sentences' content stems (each sorted and unique
// by value).
struct StemsPair {
  std::span<const std::string_view> a, b;
  bool same = false;
};

class ClaimTermWeights {
 public:
  // 5 x 10-fold accuracy on msrp-train (bench/claim_model_cv.sh) with
  // alpha 1 / 5 / 20 / 50 / 100: 0.7749 / 0.7757 / 0.7797 / 0.7793 / 0.7791
  // (no weighted features: 0.7767).
  static constexpr double kDefaultAlpha = 20;

  // No learned weights: every stem weighs 0 (the weighted features are 0).
  ClaimTermWeights() = default;
  static ClaimTermWeights Learn(std::span<const StemsPair> pairs, double alpha = kDefaultAlpha);
  // From stored (stem, weight) pairs and the weight of unseen stems.
  ClaimTermWeights(std::vector<std::pair<std::string, float>> weights, float unseen);

  float Of(std::string_view stem) const {
    const auto it = weights_.find(stem);
    return it == weights_.end() ? unseen_ : it->second;
  }
  float unseen() const { return unseen_; }
  size_t size() const { return weights_.size(); }
  // (stem, weight) sorted by stem: the stored form, the same every run.
  std::vector<std::pair<std::string, float>> Sorted() const;

 private:
  struct StemHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, float, StemHash, std::equal_to<>> weights_;
  float unseen_ = 0;
};

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_CLAIM_TERM_WEIGHTS_H_
