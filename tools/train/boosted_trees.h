// Trains a gradient-boosted tree ensemble with XGBoost's C API and returns
// its trees in chorus's own form (represent::TreeNode), so the library can
// evaluate the model without linking XGBoost.
#ifndef CHORUS_TOOLS_TRAIN_BOOSTED_TREES_H_
#define CHORUS_TOOLS_TRAIN_BOOSTED_TREES_H_

#include <string>
#include <vector>

#include "chorus/status.h"
#include "represent/claim_model.h"

namespace chorus::train {

struct BoostingOptions {
  // Defaults: the claim model's, chosen among four settings by 5 x 10-fold
  // cross-validation on msrp-train (accuracy 0.7775 vs 0.7725 for 150 trees of
  // depth 4, eta 0.1, all features at 0.8; notes/issue-12.md).
  int rounds = 400;        // trees
  int max_depth = 5;       // depth of each tree
  double eta = 0.03;       // learning rate
  double subsample = 0.8;  // rows per tree
  double colsample = 0.5;  // features per tree
  double min_child_weight = 3;
  int seed = 7;                  // XGBoost's sampling seed (one thread: same seed, same model)
  std::string Describe() const;  // "xgboost binary:logistic rounds=... " for the model header
};

struct BoostedTrees {
  double base_margin = 0;
  std::vector<std::vector<represent::TreeNode>> trees;
};

// rows: n x features (row-major), labels: n of 0/1.
Result<BoostedTrees> TrainBoostedTrees(const std::vector<float>& rows, size_t features,
                                       const std::vector<float>& labels,
                                       const BoostingOptions& options);

}  // namespace chorus::train

#endif  // CHORUS_TOOLS_TRAIN_BOOSTED_TREES_H_
