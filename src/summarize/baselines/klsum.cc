#include "summarize/baselines/klsum.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "summarize/baselines/extractive_summary.h"

namespace chorus::baselines {

// KL(P_D || P_S) = sum P_D log P_D - G(S), with
// G(S) = sum_w P_D(w) log(c_S(w) + delta) - log(|S| + delta |V|) (as P_D sums to
// one). Minimising KL is maximising G, and adding sentence s changes G only
// through s's own terms and the length, so each candidate costs O(|s|).
Result<Summary> KLSumSummarizer::Summarize(const AnalyzedCluster& cluster,
                                           const SummaryOptions& options) const {
  RETURN_IF_ERROR(ValidateSummaryOptions(options));
  const ClusterTerms terms(cluster, options_.filter);
  const std::vector<double>& counts = terms.cluster_counts();
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  const double delta = options_.delta;
  const double vocabulary_mass = delta * static_cast<double>(counts.size());
  std::vector<double> p(counts.size()), summary_counts(counts.size(), 0.0);
  double base = 0;  // sum_w P_D(w) log(c_S(w) + delta)
  for (size_t t = 0; t < counts.size(); ++t) {
    p[t] = total > 0 ? counts[t] / total : 0;
    base += p[t] * std::log(delta);
  }
  double summary_length = 0;

  std::vector<uint32_t> remaining = terms.candidates();
  BudgetMeter meter(options.budget);
  std::vector<uint32_t> picked;
  while (!meter.Full()) {
    double best_gain = -std::numeric_limits<double>::infinity();
    size_t best = remaining.size();
    for (size_t r = 0; r < remaining.size(); ++r) {
      const uint32_t s = remaining[r];
      if (!meter.Fits(cluster.sentences[s].sentence.text)) continue;
      double g = base - std::log(summary_length + terms.length(s) + vocabulary_mass);
      for (const auto& [t, count] : terms.vector(s)) {
        g += p[t] * (std::log(summary_counts[t] + count + delta) -
                     std::log(summary_counts[t] + delta));
      }
      if (g > best_gain) best_gain = g, best = r;
    }
    if (best == remaining.size()) break;  // nothing left fits
    const uint32_t s = remaining[best];
    for (const auto& [t, count] : terms.vector(s)) {
      base += p[t] * (std::log(summary_counts[t] + count + delta) - std::log(summary_counts[t] + delta));
      summary_counts[t] += count;
    }
    summary_length += terms.length(s);
    meter.TryAdd(cluster.sentences[s].sentence.text);
    picked.push_back(s);
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return AssembleSummary(cluster, name(), picked);
}

}  // namespace chorus::baselines
