// The claim model file: the shipped one loads; every kind of damage is a
// clear error naming the line, never a crash; the evaluator walks trees as
// XGBoost does (x < threshold goes to "yes").
#include "represent/claim_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace chorus::represent {
namespace {

std::string TwoTreeModel() {
  // Tree 0 splits on feature 0 (word1_min) at 0.5; tree 1 is one leaf.
  std::vector<std::vector<TreeNode>> trees(2);
  TreeNode split;
  split.feature = 0;
  split.threshold = 0.5f;
  split.yes = 1, split.no = 2, split.missing = 2;
  TreeNode low, high, only;
  low.leaf = -1.0f;
  high.leaf = 1.0f;
  only.leaf = 0.25f;
  trees[0] = {split, low, high};
  trees[1] = {only};
  const ClaimTermWeights weights({{"troop", 0.25f}, {"vote", 0.5f}}, 0.125f);
  return ClaimModel::Format("test pairs", "hand-made", 0.5, 0.0, weights, trees);
}

TEST(ClaimModelTest, ShippedModelLoadsAndNamesItsData) {
  const ClaimModel& model = ClaimModel::Default();
  ASSERT_FALSE(model.empty());
  EXPECT_GE(model.trees(), 50u);
  EXPECT_NE(model.data().find("msrp-train.tsv"), std::string::npos);
  EXPECT_NE(model.trainer().find("xgboost"), std::string::npos);
  EXPECT_DOUBLE_EQ(model.threshold(), 0.5);  // chorus-train-claim-model --threshold default
}

TEST(ClaimModelTest, KeepsItsTermWeights) {
  Result<ClaimModel> model = ClaimModel::Parse(TwoTreeModel(), "two.txt");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->term_weights().size(), 2u);
  EXPECT_EQ(model->term_weights().Of("vote"), 0.5f);
  EXPECT_EQ(model->term_weights().Of("troop"), 0.25f);
  EXPECT_EQ(model->term_weights().Of("parliament"), 0.125f);  // unseen
  // The shipped model weighs the words of its training pairs.
  EXPECT_GT(ClaimModel::Default().term_weights().size(), 1000u);
}

TEST(ClaimModelTest, EvaluatesTreesLikeXgboost) {
  Result<ClaimModel> model = ClaimModel::Parse(TwoTreeModel(), "two.txt");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ClaimFeatures f{};
  f[0] = 0.4f;  // < 0.5: yes branch
  EXPECT_NEAR(model->Probability(f), 1 / (1 + std::exp(-(-1.0 + 0.25))), 1e-9);
  f[0] = 0.5f;  // not < 0.5: no branch
  EXPECT_NEAR(model->Probability(f), 1 / (1 + std::exp(-(1.0 + 0.25))), 1e-9);
  f[0] = NAN;  // missing
  EXPECT_NEAR(model->Probability(f), 1 / (1 + std::exp(-(1.0 + 0.25))), 1e-9);
}

// Leaves and splits interleaved across trees of several depths: every walk
// ends at the leaf the file names, whichever branch it takes.
TEST(ClaimModelTest, WalksDeeperTreesAfterOthers) {
  auto split = [](int32_t feature, float threshold, uint32_t yes, uint32_t no, uint32_t missing) {
    TreeNode n;
    n.feature = feature;
    n.threshold = threshold;
    n.yes = yes, n.no = no, n.missing = missing;
    return n;
  };
  auto leaf = [](float value) {
    TreeNode n;
    n.leaf = value;
    return n;
  };
  std::vector<std::vector<TreeNode>> trees = {
      {leaf(0.5f)},
      {split(0, 0.5f, 1, 2, 1), split(1, 0.2f, 3, 4, 4), leaf(-2.0f), leaf(1.0f), leaf(3.0f)},
      {split(1, 0.7f, 2, 1, 2), leaf(0.125f), leaf(-0.25f)}};
  Result<ClaimModel> model = ClaimModel::Parse(
      ClaimModel::Format("test pairs", "hand-made", 0.5, 0.1, ClaimTermWeights(), trees), "t.txt");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto expect_margin = [&](float f0, float f1, double margin) {
    ClaimFeatures f{};
    f[0] = f0;
    f[1] = f1;
    EXPECT_NEAR(model->Probability(f), 1 / (1 + std::exp(-margin)), 1e-12) << f0 << " " << f1;
  };
  expect_margin(0.4f, 0.1f, 0.1 + 0.5 + 1.0 - 0.25);
  expect_margin(0.4f, 0.3f, 0.1 + 0.5 + 3.0 - 0.25);
  expect_margin(0.4f, 0.8f, 0.1 + 0.5 + 3.0 + 0.125);
  expect_margin(0.6f, 0.8f, 0.1 + 0.5 - 2.0 + 0.125);
  expect_margin(NAN, 0.1f, 0.1 + 0.5 + 1.0 - 0.25);
  expect_margin(0.4f, NAN, 0.1 + 0.5 + 3.0 - 0.25);
}

TEST(ClaimModelTest, EveryTruncationIsAnErrorNamingTheFile) {
  const std::string text = TwoTreeModel();
  for (size_t cut = 0; cut + 1 < text.size(); ++cut) {
    // Cutting inside the last line's number can still parse ("leaf 0.2").
    if (cut >= text.rfind("leaf")) break;
    Result<ClaimModel> model = ClaimModel::Parse(text.substr(0, cut), "cut.txt");
    ASSERT_FALSE(model.ok()) << "cut at " << cut;
    EXPECT_EQ(model.status().code(), StatusCode::kParseError);
    EXPECT_NE(model.status().message().find("cut.txt:"), std::string::npos);
  }
}

TEST(ClaimModelTest, RejectsDamage) {
  const std::string good = TwoTreeModel();
  auto replaced = [&](std::string_view from, std::string_view to) {
    std::string s = good;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  const std::pair<std::string, std::string> cases[] = {
      {replaced("chorus claim_model v2", "chorus claim_model v9"),
       "expected \"chorus claim_model v2\""},
      {replaced("term_weights: 2", "term_weights: 3"), "expected \"term <stem> <weight>\""},
      {replaced("term_weights: 2 0.125", "term_weights: 2"), "expected \"term_weights: <count"},
      {replaced("term troop 0.25", "term troop inf"), "expected \"term <stem> <weight>\""},
      {replaced("term vote", "term troop"), "sorted by stem, each stem once"},
      {replaced("word1_min", "word9_min"), "feature 0 is \"word9_min\""},
      {replaced("split 0 0.5 1 2 2", "split 0 0.5 0 2 2"), "child node must come after node 0"},
      {replaced("split 0 0.5 1 2 2", "split 0 0.5 1 3 2"), "child node must come after node 0"},
      {replaced("split 0 0.5 1 2 2", "split 99 0.5 1 2 2"), "feature index must be below"},
      {replaced("split 0 0.5 1 2 2", "split 0 nan 1 2 2"), "threshold is not a finite number"},
      {replaced("threshold: 0.5", "threshold: 2"), "threshold must be a probability"},
      {replaced("trees: 2", "trees: 3"), "truncated: 2 of 3 trees"},
      {replaced("leaf 0.25", "leaf 0.25\nleaf 1"), "unexpected text after the last tree"},
      {replaced("tree 1 1", "tree 1 99999999999"), "expected \"tree 1 <node count>\""},
  };
  for (const auto& [text, message] : cases) {
    Result<ClaimModel> model = ClaimModel::Parse(text, "bad.txt");
    ASSERT_FALSE(model.ok()) << message;
    EXPECT_NE(model.status().message().find(message), std::string::npos)
        << model.status().ToString();
  }
}

TEST(ClaimModelTest, LoadNamesAMissingFile) {
  Result<ClaimModel> model = ClaimModel::Load("/nonexistent/claim_model.txt");
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kNotFound);
  EXPECT_NE(model.status().message().find("/nonexistent/claim_model.txt"), std::string::npos);
}

}  // namespace
}  // namespace chorus::represent
