#include "summarize/baselines/graph_rank.h"

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

}  // namespace chorus::baselines
