#include "summarize/baselines/sumbasic.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "summarize/baselines/extractive_summary.h"

namespace chorus::baselines {
namespace {

double AverageProbability(const TermVector& v, double length, const std::vector<double>& p) {
  if (length == 0) return 0;
  double sum = 0;
  for (const auto& [t, count] : v) sum += count * p[t];
  return sum / length;
}

// One SumBasic step: the best-weighted fitting sentence among those holding
// the most probable term that any fitting sentence holds; -1 when none fits.
int64_t PickSumBasic(const AnalyzedCluster& cluster, const ClusterTerms& terms,
                     const std::vector<double>& p, const std::vector<uint32_t>& remaining,
                     const BudgetMeter& meter) {
  std::vector<uint32_t> fitting;
  for (uint32_t s : remaining) {
    if (meter.Fits(cluster.sentences[s].sentence.text)) fitting.push_back(s);
  }
  if (fitting.empty()) return -1;
  // The top term among fitting sentences: the highest p(w) of any term they hold.
  double top_p = -1;
  uint32_t top_term = 0;
  for (uint32_t s : fitting) {
    for (const auto& [t, count] : terms.vector(s)) {
      if (p[t] > top_p || (p[t] == top_p && t < top_term)) top_p = p[t], top_term = t;
    }
  }
  int64_t best = -1;
  double best_weight = -1;
  for (uint32_t s : fitting) {
    const TermVector& v = terms.vector(s);
    const bool holds = std::binary_search(
        v.begin(), v.end(), std::make_pair(top_term, 0.0),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    if (!holds) continue;
    const double weight = AverageProbability(v, terms.length(s), p);
    if (weight > best_weight) best_weight = weight, best = s;
  }
  return best;
}

}  // namespace

Result<Summary> SumBasicSummarizer::Summarize(const AnalyzedCluster& cluster,
                                              const SummaryOptions& options) const {
  RETURN_IF_ERROR(ValidateSummaryOptions(options));
  const ClusterTerms terms(cluster, options_.filter);
  const std::vector<double>& counts = terms.cluster_counts();
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  std::vector<double> p(counts.size());
  for (size_t t = 0; t < counts.size(); ++t) p[t] = total > 0 ? counts[t] / total : 0;

  if (!options_.update) {  // FreqSum: one ranking by average probability
    std::vector<double> weights;
    for (uint32_t s : terms.candidates()) {
      weights.push_back(AverageProbability(terms.vector(s), terms.length(s), p));
    }
    const std::vector<uint32_t> picked =
        FillInRankOrder(cluster, RankByScore(terms.candidates(), weights), options.budget,
                        [](uint32_t, const std::vector<uint32_t>&) { return false; });
    return AssembleSummary(cluster, name(), picked);
  }

  std::vector<uint32_t> remaining = terms.candidates();
  BudgetMeter meter(options.budget);
  std::vector<uint32_t> picked;
  while (!meter.Full()) {
    const int64_t best = PickSumBasic(cluster, terms, p, remaining, meter);
    if (best < 0) break;
    const uint32_t s = static_cast<uint32_t>(best);
    meter.TryAdd(cluster.sentences[s].sentence.text);
    picked.push_back(s);
    remaining.erase(std::find(remaining.begin(), remaining.end(), s));
    for (const auto& [t, count] : terms.vector(s)) p[t] *= p[t];
  }
  return AssembleSummary(cluster, name(), picked);
}

}  // namespace chorus::baselines
