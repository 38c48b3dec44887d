#include "chorus/cluster_metrics.h"

#include <gtest/gtest.h>

#include <vector>

namespace chorus {
namespace {

TEST(ClusterMetricsTest, IdenticalPartitionsScoreOne) {
  const std::vector<int64_t> gold = {1, 1, 2, 2, 2, 3};
  const std::vector<int64_t> pred = {7, 7, 9, 9, 9, 4};  // same partition, other labels
  const ClusteringScores s = ScoreClustering(gold, pred);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 1.0);
  EXPECT_DOUBLE_EQ(s.adjusted_rand, 1.0);
  EXPECT_EQ(s.gold_clusters, 3u);
  EXPECT_EQ(s.predicted_clusters, 3u);
}

TEST(ClusterMetricsTest, AllInOneClusterHasPerfectRecallOnly) {
  const std::vector<int64_t> gold = {1, 1, 2, 2};
  const std::vector<int64_t> pred = {5, 5, 5, 5};
  const ClusteringScores s = ScoreClustering(gold, pred);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 0.5);
  EXPECT_NEAR(s.bcubed_f1, 2 * 0.5 / 1.5, 1e-12);
  EXPECT_DOUBLE_EQ(s.adjusted_rand, 0.0);
}

TEST(ClusterMetricsTest, HandComputedExample) {
  // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
  const std::vector<int64_t> gold = {1, 1, 1, 2, 2};
  const std::vector<int64_t> pred = {1, 1, 2, 2, 2};
  const ClusteringScores s = ScoreClustering(gold, pred);
  // Precision: a,b 1; c 1/3; d,e 2/3 -> (2 + 1/3 + 4/3) / 5.
  EXPECT_NEAR(s.bcubed_precision, (2 + 1.0 / 3 + 4.0 / 3) / 5, 1e-12);
  // Recall: a,b 2/3; c 1/3; d,e 1 -> (4/3 + 1/3 + 2) / 5.
  EXPECT_NEAR(s.bcubed_recall, (4.0 / 3 + 1.0 / 3 + 2) / 5, 1e-12);
  // ARI: index = C(2,2)+C(1,2)+C(2,2) = 2; gold pairs 3+1 = 4; pred pairs 1+3 = 4;
  // expected 4*4/10 = 1.6; max 4 -> (2-1.6)/(4-1.6).
  EXPECT_NEAR(s.adjusted_rand, 0.4 / 2.4, 1e-12);
}

TEST(ClusterMetricsTest, SingletonsAgainstPairsScoreBelowChanceFreeValue) {
  const std::vector<int64_t> gold = {1, 1, 2, 2};
  const std::vector<int64_t> pred = {1, 2, 3, 4};
  const ClusteringScores s = ScoreClustering(gold, pred);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 0.5);
  EXPECT_DOUBLE_EQ(s.adjusted_rand, 0.0);
}

TEST(ClusterMetricsTest, MismatchedOrEmptyInputScoresZero) {
  EXPECT_EQ(ScoreClustering({}, {}).items, 0u);
  const std::vector<int64_t> a = {1, 2};
  const std::vector<int64_t> b = {1};
  EXPECT_EQ(ScoreClustering(a, b).bcubed_f1, 0.0);
}

}  // namespace
}  // namespace chorus
