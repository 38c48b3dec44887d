// Quality of the event clusterer on the shared gold corpora: every article of
// every gold cluster, shuffled with a fixed seed, fed one at a time with the
// default options (one threshold for both corpora).
#include <gtest/gtest.h>

#include <iostream>

#include "cluster/gold_evaluation.h"
#include "fmt/format.h"
#include "shared_data.h"

namespace chorus {
namespace {

ClusteringScores ScoreCorpus(const std::string& path, const std::string& name) {
  auto articles = ReadGoldStream(path, 42);
  EXPECT_TRUE(articles.ok()) << articles.status().ToString();
  if (!articles.ok()) return {};
  const ClusteringScores s = ScoreOnlineClustering(*articles, ClustererOptions());
  std::cout << fmt::format(
      "{}: B-cubed P {:.3f} R {:.3f} F1 {:.3f}, ARI {:.3f} ({} articles, {} gold events, {} "
      "found)\n",
      name, s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, s.adjusted_rand, s.items,
      s.gold_clusters, s.predicted_clusters);
  return s;
}

// Floors: what this clusterer reaches today (DUC 2004 F1 0.862 / ARI 0.812,
// Multi-News 0.859 / 0.667) minus a small margin, so a regression fails. The
// issue's targets (0.90 on DUC 2004, 0.88 on Multi-News) are NOT met: an
// offline average-link clusterer over the same features, seeing the whole
// corpus, reaches 0.856 / 0.876 (cluster_bench's "Offline reference").
TEST(EventClustererQualityTest, Duc2004) {
  CHORUS_REQUIRE_SHARED_DATA(path, "duc2004/clusters.jsonl");
  const ClusteringScores s = ScoreCorpus(path, "DUC 2004");
  EXPECT_EQ(s.items, 500u);
  EXPECT_GE(s.bcubed_f1, 0.855);
  EXPECT_GE(s.adjusted_rand, 0.805);
  if (s.bcubed_f1 < 0.90) std::cout << "*** below the issue's DUC 2004 target of 0.90 ***\n";
}

TEST(EventClustererQualityTest, MultiNews200) {
  CHORUS_REQUIRE_SHARED_DATA(path, "multinews200/clusters.jsonl");
  const ClusteringScores s = ScoreCorpus(path, "Multi-News 200");
  EXPECT_EQ(s.items, 570u);
  EXPECT_GE(s.bcubed_f1, 0.855);
  EXPECT_GE(s.adjusted_rand, 0.66);
  if (s.bcubed_f1 < 0.88) std::cout << "*** below the issue's Multi-News target of 0.88 ***\n";
}

}  // namespace
}  // namespace chorus
