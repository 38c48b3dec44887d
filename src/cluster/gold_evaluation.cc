#include "cluster/gold_evaluation.h"

#include <algorithm>
#include <random>

#include "chorus/diagnostics.h"
#include "chorus/ingest.h"

namespace chorus {

Result<std::vector<GoldArticle>> ReadGoldStream(const std::string& path, uint32_t seed) {
  std::vector<GoldArticle> out;
  Diagnostics diagnostics;
  int64_t cluster = 0;
  IngestOptions options;
  options.strict = true;
  RETURN_IF_ERROR(ReadClusters({path}, options, &diagnostics, [&](Cluster&& c) {
    ++cluster;
    for (Document& d : c.documents) {
      GoldArticle a;
      a.document = std::move(d);
      a.document.id = c.id + "/" + a.document.id;
      a.gold = cluster;
      out.push_back(std::move(a));
    }
    return Status::Ok();
  }));
  // A fixed generator and a hand-written Fisher-Yates, so the order is the
  // same with every standard library.
  std::mt19937 rng(seed);
  for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[rng() % i]);
  return out;
}

ClusteringScores ScoreOnlineClustering(const std::vector<GoldArticle>& articles,
                                       const ClustererOptions& options) {
  EventClusterer clusterer(options);
  std::vector<int64_t> gold, predicted;
  gold.reserve(articles.size());
  predicted.reserve(articles.size());
  for (const GoldArticle& a : articles) {
    gold.push_back(a.gold);
    predicted.push_back(clusterer.Add(a.document).event);
  }
  return ScoreClustering(gold, predicted);
}

}  // namespace chorus
