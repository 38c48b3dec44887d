#include "summarize/baselines/positional.h"

#include <vector>

#include "summarize/baselines/extractive_summary.h"

namespace chorus::baselines {
namespace {

// Sentence indices [first, last) of document `doc`.
std::pair<uint32_t, uint32_t> DocumentSentences(const AnalyzedCluster& cluster, uint32_t doc) {
  if (doc + 1 >= cluster.doc_first_sentence.size()) return {0, 0};
  return {cluster.doc_first_sentence[doc], cluster.doc_first_sentence[doc + 1]};
}

}  // namespace

uint32_t MostRecentDocument(const AnalyzedCluster& cluster) {
  uint32_t best = 0;
  for (uint32_t d = 1; d < cluster.documents.size(); ++d) {
    // Later-or-equal date wins, so ties and undated clusters go to the later article.
    if (cluster.documents[d].date >= cluster.documents[best].date) best = d;
  }
  return best;
}

Result<Summary> LeadSummarizer::Summarize(const AnalyzedCluster& cluster,
                                          const SummaryOptions& options) const {
  RETURN_IF_ERROR(ValidateSummaryOptions(options));
  std::vector<uint32_t> picked;
  if (!cluster.documents.empty()) {
    BudgetMeter meter(options.budget);
    const auto [first, last] = DocumentSentences(cluster, MostRecentDocument(cluster));
    for (uint32_t s = first; s < last; ++s) {
      if (!meter.TryAdd(cluster.sentences[s].sentence.text)) break;
      picked.push_back(s);
    }
  }
  return AssembleSummary(cluster, name(), picked);
}

Result<Summary> FirstKSummarizer::Summarize(const AnalyzedCluster& cluster,
                                            const SummaryOptions& options) const {
  RETURN_IF_ERROR(ValidateSummaryOptions(options));
  BudgetMeter meter(options.budget);
  std::vector<uint32_t> picked;
  bool full = false;
  for (uint32_t d = 0; d < cluster.documents.size() && !full; ++d) {
    const auto [first, last] = DocumentSentences(cluster, d);
    for (uint32_t s = first; s < last && s < first + options_.k; ++s) {
      if (!meter.TryAdd(cluster.sentences[s].sentence.text)) {
        full = true;
        break;
      }
      picked.push_back(s);
    }
  }
  return AssembleSummary(cluster, name(), picked);
}

}  // namespace chorus::baselines
