#include "summarize/baselines/textrank.h"

#include <algorithm>
#include <cmath>

#include "summarize/baselines/extractive_summary.h"

namespace chorus::baselines {

std::vector<double> TextRankSummarizer::Scores(const ClusterTerms& terms,
                                               const std::vector<uint32_t>& cand) const {
  const uint32_t n = static_cast<uint32_t>(cand.size());
  std::vector<double> log_length(n);
  for (uint32_t i = 0; i < n; ++i) log_length[i] = std::log(std::max(terms.words(cand[i]), 1u));
  std::vector<double> weights(size_t{n} * n, 0.0);
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t j = i + 1; j < n; ++j) {
      const double denominator = log_length[i] + log_length[j];
      if (denominator <= 0) continue;
      const double w = SharedTerms(terms.vector(cand[i]), terms.vector(cand[j])) / denominator;
      weights[size_t{i} * n + j] = w;
      weights[size_t{j} * n + i] = w;
    }
  }
  return GraphRank(weights, n, options_.rank);
}

Result<Summary> TextRankSummarizer::Summarize(const AnalyzedCluster& cluster,
                                              const SummaryOptions& options) const {
  RETURN_IF_ERROR(ValidateSummaryOptions(options));
  const ClusterTerms terms(cluster, options_.filter);
  const std::vector<uint32_t> cand = GraphCandidates(cluster, terms.candidates(), options_.rank);
  const std::vector<double> scores = Scores(terms, cand);
  const std::vector<uint32_t> ranked = RankByScore(cand, scores);
  const std::vector<uint32_t> picked =
      FillInRankOrder(cluster, ranked, options.budget,
                      [](uint32_t, const std::vector<uint32_t>&) { return false; });
  return AssembleSummary(cluster, name(), picked);
}

}  // namespace chorus::baselines
