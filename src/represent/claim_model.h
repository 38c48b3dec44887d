// ClaimModel: the learned same-claim model, a gradient-boosted tree ensemble
// (trained with XGBoost's C API by tools/train/train_claim_model.cc on the
// MSRP training split) over the ClaimFeatures, compiled in as
// data/claim_model.txt.
//
// The file is text: a header naming the training data, the features (which
// must be this build's, in order), the trainer and its parameters, the
// decision threshold, the learned term weights the weighted-overlap features
// read (represent/claim_term_weights.h: a stem and its weight a line, and the
// weight of stems not listed), then the trees, one node a line:
//
//   chorus claim_model v2
//   data: <what it was trained on>
//   features: 45 word1_min word1_max ...
//   trainer: <library, objective, parameters>
//   threshold: 0.5
//   base_margin: 0
//   term_weights: 11735 0.0021     # stems listed, weight of any other stem
//   term vote 0.0315
//   ...
//   trees: 300
//   tree 3
//   split 20 0.61 1 2 1      # feature, threshold, yes (x < t), no, missing
//   leaf -0.0421
//
// Node 0 of each tree is its root and children come after their parent, so
// every walk ends. Parse checks all of this and names the line at fault.
//
// Thread safety: immutable after Parse; share freely. Movable.
#ifndef CHORUS_REPRESENT_CLAIM_MODEL_H_
#define CHORUS_REPRESENT_CLAIM_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"
#include "represent/claim_features.h"
#include "represent/claim_term_weights.h"

namespace chorus::represent {

struct TreeNode {
  int32_t feature = -1;  // -1: leaf
  float threshold = 0;   // go to `yes` when feature value < threshold
  uint32_t yes = 0, no = 0, missing = 0;
  float leaf = 0;  // leaf value (margin contribution)
};

class ClaimModel {
 public:
  // Parses and validates a model file's text; `name` names it in errors.
  static Result<ClaimModel> Parse(std::string_view text, std::string_view name);
  // Reads and parses a model file.
  static Result<ClaimModel> Load(const std::string& path);
  // The compiled-in model (parsed once; a build whose embedded model does
  // not parse gets an empty model that never matches, and a message on
  // stderr; the claim model test guards this).
  static const ClaimModel& Default();

  // Probability that the two sentences state the same claim.
  double Probability(const ClaimFeatures& features) const;
  double threshold() const { return threshold_; }
  const std::string& data() const { return data_; }
  const std::string& trainer() const { return trainer_; }
  // The weights its features were computed with: profile sentences with
  // these (ProfileSentence).
  const ClaimTermWeights& term_weights() const { return term_weights_; }
  size_t trees() const { return tree_first_.size(); }
  bool empty() const { return tree_first_.empty(); }

  // Writes the model in the format Parse reads (the trainer's output).
  static std::string Format(std::string_view data, std::string_view trainer, double threshold,
                            double base_margin, const ClaimTermWeights& term_weights,
                            const std::vector<std::vector<TreeNode>>& trees);

 private:
  // The trees as Probability walks them when no feature is missing: split
  // nodes only, 16 bytes each, children numbered across all trees; a child
  // with kLeafBit set is an index into leaves_. Compare scores thousands of
  // pairs per cluster through 400 trees, and the walk was a tenth of it.
  struct FlatSplit {
    float threshold = 0;
    uint32_t feature = 0;
    uint32_t child[2] = {0, 0};  // [0]: value < threshold; indexed, not branched on
  };
  static constexpr uint32_t kLeafBit = 0x80000000u;

  ClaimModel() = default;
  // Fills flat_, leaves_ and flat_roots_ from nodes_ (after Parse).
  void Flatten();
  // `margin` plus the leaves the flat trees reach, added in tree order (no
  // feature may be NaN).
  double FlatMargin(const ClaimFeatures& features, double margin) const;
  // The walk of the file's nodes, which follows `missing` for NaN features.
  double MarginWithMissing(const ClaimFeatures& features) const;

  std::string data_, trainer_;
  ClaimTermWeights term_weights_;
  double threshold_ = 1.0;
  double base_margin_ = 0;
  std::vector<TreeNode> nodes_;       // all trees' nodes
  std::vector<uint32_t> tree_first_;  // index of each tree's root in nodes_
  std::vector<FlatSplit> flat_;
  std::vector<float> leaves_;
  std::vector<uint32_t> flat_roots_;  // per tree: its root in flat_, or a leaf
};

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_CLAIM_MODEL_H_
