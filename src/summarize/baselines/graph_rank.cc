#include "summarize/baselines/graph_rank.h"

#include <algorithm>
#include <cmath>

namespace chorus::baselines {

std::vector<double> GraphRank(const std::vector<double>& weights, uint32_t n,
                              const GraphRankOptions& options) {
  if (n == 0) return {};
  std::vector<double> row_sum(n, 0.0);
  for (uint32_t j = 0; j < n; ++j) {
    for (uint32_t i = 0; i < n; ++i) row_sum[j] += weights[size_t{j} * n + i];
  }
  std::vector<double> p(n, 1.0 / n), next(n);
  for (uint32_t iter = 0; iter < options.max_iterations; ++iter) {
    double dangling = 0;  // mass of rows without edges, spread uniformly
    for (uint32_t j = 0; j < n; ++j) {
      if (row_sum[j] == 0) dangling += p[j];
    }
    const double base = (1 - options.damping) / n + options.damping * dangling / n;
    for (uint32_t i = 0; i < n; ++i) next[i] = base;
    for (uint32_t j = 0; j < n; ++j) {
      if (row_sum[j] == 0) continue;
      const double share = options.damping * p[j] / row_sum[j];
      const double* row = &weights[size_t{j} * n];
      for (uint32_t i = 0; i < n; ++i) next[i] += share * row[i];
    }
    double change = 0;
    for (uint32_t i = 0; i < n; ++i) change += std::fabs(next[i] - p[i]);
    p.swap(next);
    if (change < options.tolerance) break;
  }
  return p;
}

std::vector<uint32_t> GraphCandidates(const AnalyzedCluster& cluster,
                                      const std::vector<uint32_t>& candidates,
                                      const GraphRankOptions& options) {
  if (candidates.size() <= options.max_sentences) return candidates;
  std::vector<uint32_t> kept = candidates;
  std::stable_sort(kept.begin(), kept.end(), [&](uint32_t a, uint32_t b) {
    return cluster.sentences[a].sentence.index < cluster.sentences[b].sentence.index;
  });
  kept.resize(options.max_sentences);
  std::sort(kept.begin(), kept.end());
  return kept;
}

}  // namespace chorus::baselines
