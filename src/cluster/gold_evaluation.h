// Scoring the online clusterer against gold events: the articles of gold
// clusters (files ReadClusters understands) become one stream in a shuffled
// order (fixed seed), are clustered one at a time, and the result is scored
// with B-cubed and ARI. Used by the quality test and cluster_bench.
#ifndef CHORUS_CLUSTER_GOLD_EVALUATION_H_
#define CHORUS_CLUSTER_GOLD_EVALUATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "chorus/cluster_metrics.h"
#include "chorus/clusterer.h"
#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

struct GoldArticle {
  Document document;
  int64_t gold = 0;  // index of its gold cluster, from 1
};

// All articles of the clusters in `path`, shuffled with `seed`. Article ids
// become "<cluster id>/<article id>": DUC 2004 files a few articles under two
// topics, and each copy is scored against its own topic.
Result<std::vector<GoldArticle>> ReadGoldStream(const std::string& path, uint32_t seed);

// Clusters `articles` in order with a fresh EventClusterer and scores it.
ClusteringScores ScoreOnlineClustering(const std::vector<GoldArticle>& articles,
                                       const ClustererOptions& options);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_GOLD_EVALUATION_H_
