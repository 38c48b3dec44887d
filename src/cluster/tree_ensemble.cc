#include "cluster/tree_ensemble.h"

#include <cmath>

namespace chorus {

double TreeEnsemble::Predict(std::span<const float> features) const {
  double margin = base_margin;
  for (uint32_t root : roots) {
    const TreeNode* node = &nodes[root];
    while (!node->leaf) {
      const float x = features[node->feature];
      const bool left = std::isnan(x) ? node->missing_left : x < node->value;
      node = &nodes[left ? node->left : node->right];
    }
    margin += node->value;
  }
  return margin;
}

}  // namespace chorus
