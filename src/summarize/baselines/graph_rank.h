// Power iteration for the stationary distribution of a weighted sentence
// graph, as LexRank and TextRank use it:
//   p(i) = (1 - d) / n + d * sum_j p(j) * w(j, i) / sum_k w(j, k)
// with damping d (the probability of following an edge; 0.85 in both papers).
// Rows with no weight (isolated sentences) jump uniformly. TextRank writes the
// teleport term as (1 - d) instead of (1 - d) / n; that scales every score by n
// and changes no ranking.
#ifndef CHORUS_SUMMARIZE_BASELINES_GRAPH_RANK_H_
#define CHORUS_SUMMARIZE_BASELINES_GRAPH_RANK_H_

#include <cstdint>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus::baselines {

struct GraphRankOptions {
  double damping = 0.85;          // probability of following an edge
  double tolerance = 1e-6;        // stop when the L1 change of p falls below this
  uint32_t max_iterations = 200;  // hard stop for graphs that converge slowly
  // Sentences in the graph at most (it is n x n: 2000 is 32 MB and ~0.1 s;
  // all of DUC 2004's clusters fit; 500 articles in one request do not).
  uint32_t max_sentences = 2000;
};

// `weights` is n x n, row-major, non-negative. Returns p, summing to 1.
std::vector<double> GraphRank(const std::vector<double>& weights, uint32_t n,
                              const GraphRankOptions& options);

// The candidates a graph ranks: all of `candidates`, or when there are more
// than options.max_sentences, the first sentences of every document, then
// the second ones, and so on (news puts what matters first), in cluster order.
std::vector<uint32_t> GraphCandidates(const AnalyzedCluster& cluster,
                                      const std::vector<uint32_t>& candidates,
                                      const GraphRankOptions& options);

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_GRAPH_RANK_H_
