#include "summarize/baselines/centroid.h"

#include <algorithm>
#include <limits>

#include "summarize/baselines/extractive_summary.h"

namespace chorus::baselines {

std::vector<double> CentroidSummarizer::Scores(const AnalyzedCluster& cluster,
                                               const ClusterTerms& terms) const {
  const double docs = std::max<uint32_t>(terms.num_documents(), 1);
  std::vector<double> centroid(terms.num_terms());
  double top = 0;
  for (uint32_t t = 0; t < terms.num_terms(); ++t) {
    centroid[t] = terms.cluster_counts()[t] / docs * terms.idf(t);
    top = std::max(top, centroid[t]);
  }
  for (double& c : centroid) {
    if (c < options_.min_centroid_fraction * top) c = 0;
  }
  const uint32_t n = terms.num_sentences();
  std::vector<double> centroid_value(n, 0.0);
  for (uint32_t s = 0; s < n; ++s) {
    for (const auto& [t, count] : terms.vector(s)) centroid_value[s] += centroid[t];
  }
  std::vector<double> scores(n, 0.0);
  for (uint32_t d = 0; d + 1 < cluster.doc_first_sentence.size(); ++d) {
    const uint32_t first = cluster.doc_first_sentence[d];
    const uint32_t last = cluster.doc_first_sentence[d + 1];
    if (first >= last) continue;
    const double c_max = *std::max_element(&centroid_value[first], &centroid_value[first] + (last - first));
    const double length = last - first;
    for (uint32_t s = first; s < last; ++s) {
      const double position = (length - (s - first)) / length * c_max;
      const double overlap =
          WeightedDot(terms.vector(s), terms.vector(first), [](uint32_t) { return 1.0; });
      scores[s] = options_.centroid_weight * centroid_value[s] +
                  options_.position_weight * position +
                  options_.first_sentence_weight * overlap;
    }
  }
  return scores;
}

Result<Summary> CentroidSummarizer::Summarize(const AnalyzedCluster& cluster,
                                              const SummaryOptions& options) const {
  RETURN_IF_ERROR(ValidateSummaryOptions(options));
  const ClusterTerms terms(cluster, options_.filter, options_.idf);
  const std::vector<double> scores = Scores(cluster, terms);
  std::vector<uint32_t> remaining = terms.candidates();
  double top = 0;
  for (uint32_t s : remaining) top = std::max(top, scores[s]);

  BudgetMeter meter(options.budget);
  std::vector<uint32_t> picked;
  while (!remaining.empty() && !meter.Full()) {
    double best_score = -std::numeric_limits<double>::infinity();
    size_t best = remaining.size();
    for (size_t r = 0; r < remaining.size(); ++r) {
      const uint32_t s = remaining[r];
      if (!meter.Fits(cluster.sentences[s].sentence.text)) continue;
      double redundancy = 0;
      for (uint32_t c : picked) {
        const double sizes = terms.vector(s).size() + terms.vector(c).size();
        redundancy = std::max(redundancy, 2.0 * SharedTerms(terms.vector(s), terms.vector(c)) / sizes);
      }
      const double score = scores[s] - options_.redundancy_weight * redundancy * top;
      if (score > best_score) best_score = score, best = r;
    }
    if (best == remaining.size()) break;  // nothing left fits
    meter.TryAdd(cluster.sentences[remaining[best]].sentence.text);
    picked.push_back(remaining[best]);
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return AssembleSummary(cluster, name(), InClusterOrder(picked));
}

}  // namespace chorus::baselines
