#include "boosted_trees.h"

#include <fmt/format.h>
#include <xgboost/c_api.h>

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

namespace chorus::train {
namespace {

Status XgbError(std::string_view what) {
  return InternalError(fmt::format("xgboost: {}: {}", what, XGBGetLastError()));
}

struct MatrixCloser {
  void operator()(void* h) const { XGDMatrixFree(h); }
};
struct BoosterCloser {
  void operator()(void* h) const { XGBoosterFree(h); }
};

// XGBoost's JSON model -> our trees. In that format a leaf's value sits in
// split_conditions and children are allocated after their parent.
Result<BoostedTrees> FromJson(const nlohmann::json& model) {
  BoostedTrees out;
  const auto& learner = model.at("learner");
  const double base_score =
      std::stod(learner.at("learner_model_param").at("base_score").get<std::string>());
  out.base_margin = std::log(base_score / (1 - base_score));
  for (const auto& tree : learner.at("gradient_booster").at("model").at("trees")) {
    const auto left = tree.at("left_children").get<std::vector<int>>();
    const auto right = tree.at("right_children").get<std::vector<int>>();
    const auto feature = tree.at("split_indices").get<std::vector<int>>();
    const auto cond = tree.at("split_conditions").get<std::vector<float>>();
    const auto default_left = tree.at("default_left").get<std::vector<int>>();
    std::vector<represent::TreeNode> nodes(left.size());
    for (size_t n = 0; n < nodes.size(); ++n) {
      if (left[n] < 0) {
        nodes[n].leaf = cond[n];
        continue;
      }
      if (static_cast<size_t>(left[n]) <= n || static_cast<size_t>(right[n]) <= n) {
        return InternalError("xgboost tree whose child precedes its parent");
      }
      nodes[n].feature = feature[n];
      nodes[n].threshold = cond[n];
      nodes[n].yes = static_cast<uint32_t>(left[n]);
      nodes[n].no = static_cast<uint32_t>(right[n]);
      nodes[n].missing = default_left[n] ? nodes[n].yes : nodes[n].no;
    }
    out.trees.push_back(std::move(nodes));
  }
  return out;
}

}  // namespace

std::string BoostingOptions::Describe() const {
  int major = 0, minor = 0, patch = 0;
  XGBoostVersion(&major, &minor, &patch);
  return fmt::format(
      "xgboost {}.{}.{} binary:logistic hist rounds={} max_depth={} eta={} "
      "subsample={} colsample_bytree={} min_child_weight={} seed={}",
      major, minor, patch, rounds, max_depth, eta, subsample, colsample, min_child_weight, seed);
}

Result<BoostedTrees> TrainBoostedTrees(const std::vector<float>& rows, size_t features,
                                       const std::vector<float>& labels,
                                       const BoostingOptions& options) {
  DMatrixHandle raw_matrix = nullptr;
  if (XGDMatrixCreateFromMat(rows.data(), labels.size(), features, NAN, &raw_matrix) != 0) {
    return XgbError("creating the training matrix");
  }
  std::unique_ptr<void, MatrixCloser> matrix(raw_matrix);
  if (XGDMatrixSetFloatInfo(raw_matrix, "label", labels.data(), labels.size()) != 0) {
    return XgbError("setting labels");
  }
  BoosterHandle raw_booster = nullptr;
  if (XGBoosterCreate(&raw_matrix, 1, &raw_booster) != 0) return XgbError("creating the booster");
  std::unique_ptr<void, BoosterCloser> booster(raw_booster);
  const std::pair<std::string, std::string> params[] = {
      {"objective", "binary:logistic"},
      {"tree_method", "hist"},
      {"nthread", "1"},  // one thread: the same data gives the same model
      {"max_depth", std::to_string(options.max_depth)},
      {"eta", fmt::format("{}", options.eta)},
      {"subsample", fmt::format("{}", options.subsample)},
      {"colsample_bytree", fmt::format("{}", options.colsample)},
      {"min_child_weight", fmt::format("{}", options.min_child_weight)},
      {"seed", std::to_string(options.seed)},
      {"verbosity", "0"},
  };
  for (const auto& [key, value] : params) {
    if (XGBoosterSetParam(raw_booster, key.c_str(), value.c_str()) != 0) {
      return XgbError(fmt::format("setting {}", key));
    }
  }
  for (int round = 0; round < options.rounds; ++round) {
    if (XGBoosterUpdateOneIter(raw_booster, round, raw_matrix) != 0) return XgbError("training");
  }
  bst_ulong size = 0;
  const char* buffer = nullptr;
  if (XGBoosterSaveModelToBuffer(raw_booster, R"({"format": "json"})", &size, &buffer) != 0) {
    return XgbError("saving the model");
  }
  nlohmann::json json = nlohmann::json::parse(std::string_view(buffer, size), nullptr, false);
  if (json.is_discarded()) return InternalError("xgboost wrote a model that is not JSON");
  try {
    return FromJson(json);
  } catch (const nlohmann::json::exception& e) {
    return InternalError(fmt::format("unexpected xgboost model layout: {}", e.what()));
  }
}

}  // namespace chorus::train
