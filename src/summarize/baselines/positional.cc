#include "summarize/baselines/positional.h"

#include <string_view>
#include <vector>

#include "summarize/baselines/extractive_summary.h"

namespace chorus::baselines {
namespace {

// Sentence indices [first, last) of document `doc`.
std::pair<uint32_t, uint32_t> DocumentSentences(const AnalyzedCluster& cluster, uint32_t doc) {
  if (doc + 1 >= cluster.doc_first_sentence.size()) return {0, 0};
  return {cluster.doc_first_sentence[doc], cluster.doc_first_sentence[doc + 1]};
}

// The number after the last '.' of a wire id ("APW19981213.0720" -> 720), or
// -1: DUC/TDT ids number a wire's stories through the day.
int64_t WireSequence(std::string_view id) {
  const size_t dot = id.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == id.size()) return -1;
  int64_t n = 0;
  for (char c : id.substr(dot + 1)) {
    if (c < '0' || c > '9' || n > (int64_t{1} << 40)) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

uint32_t MostRecentDocument(const AnalyzedCluster& cluster) {
  auto later_or_same = [&](const Document& a, const Document& b) {  // a at least as recent as b
    if (a.date != b.date) return a.date > b.date;
    const int64_t sa = WireSequence(a.id), sb = WireSequence(b.id);
    return sa < 0 || sb < 0 || sa >= sb;
  };
  uint32_t best = 0;
  for (uint32_t d = 1; d < cluster.documents.size(); ++d) {
    // Ties go to the later article in input order.
    if (later_or_same(cluster.documents[d], cluster.documents[best])) best = d;
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
