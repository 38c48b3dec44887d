#include "chorus/cluster_metrics.h"

#include <map>
#include <unordered_map>
#include <utility>

namespace chorus {
namespace {

double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

ClusteringScores ScoreClustering(std::span<const int64_t> gold,
                                 std::span<const int64_t> predicted) {
  ClusteringScores s;
  if (gold.empty() || gold.size() != predicted.size()) return s;
  std::unordered_map<int64_t, double> gold_size, pred_size;
  std::map<std::pair<int64_t, int64_t>, double> both;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++gold_size[gold[i]];
    ++pred_size[predicted[i]];
    ++both[{predicted[i], gold[i]}];
  }
  const auto n = static_cast<double>(gold.size());
  double precision = 0, recall = 0, index = 0;
  for (const auto& [key, count] : both) {
    // Each of the `count` items in this cell sees `count` correct neighbours.
    precision += count * count / pred_size[key.first];
    recall += count * count / gold_size[key.second];
    index += Pairs(count);
  }
  s.bcubed_precision = precision / n;
  s.bcubed_recall = recall / n;
  s.bcubed_f1 = 2 * s.bcubed_precision * s.bcubed_recall / (s.bcubed_precision + s.bcubed_recall);
  double gold_pairs = 0, pred_pairs = 0;
  for (const auto& [label, size] : gold_size) gold_pairs += Pairs(size);
  for (const auto& [label, size] : pred_size) pred_pairs += Pairs(size);
  const double expected = n > 1 ? gold_pairs * pred_pairs / Pairs(n) : 0;
  const double maximum = (gold_pairs + pred_pairs) / 2;
  s.adjusted_rand = maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
  s.items = gold.size();
  s.gold_clusters = gold_size.size();
  s.predicted_clusters = pred_size.size();
  return s;
}

}  // namespace chorus
