// TreeEnsemble: a sum of regression trees over a feature vector, as gradient
// boosting (XGBoost) trains them, evaluated without XGBoost.
//
// Nodes of all trees live in one array; a split sends a value below its
// threshold to `left`, others to `right`, and a missing value (NaN) the way
// training chose. Children always come after their parent, which the parser
// checks, so every walk ends.
//
// Thread safety: immutable after building; Predict may run on many threads.
#ifndef CHORUS_CLUSTER_TREE_ENSEMBLE_H_
#define CHORUS_CLUSTER_TREE_ENSEMBLE_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace chorus {

struct TreeNode {
  float value = 0;       // split threshold, or the leaf's output
  uint16_t feature = 0;  // split feature
  bool leaf = true;
  bool missing_left = true;  // where NaN goes
  uint32_t left = 0;         // absolute node indices
  uint32_t right = 0;
};

struct TreeEnsemble {
  double base_margin = 0;
  std::vector<uint32_t> roots;  // index of each tree's first node
  std::vector<TreeNode> nodes;

  // base_margin plus every tree's leaf for `features`.
  double Predict(std::span<const float> features) const;
};

}  // namespace chorus

#endif  // CHORUS_CLUSTER_TREE_ENSEMBLE_H_
