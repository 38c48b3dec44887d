#include "summarize/baselines/extractive_summary.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "summarize/baselines/cluster_terms.h"
#include "summarize/budget.h"
#include "summarize/summary_builder.h"

namespace chorus::baselines {

bool BudgetMeter::TryAdd(std::string_view text) {
  if (!Fits(text)) return false;
  spent_ += SentenceCost(text, budget_.unit);
  return true;
}

bool BudgetMeter::Full() const {
  // The cheapest possible sentence: one word, or one byte plus its separator.
  const uint64_t smallest = budget_.unit == BudgetUnit::kBytes ? 2 : 1;
  return spent_ + smallest > capacity_;
}

Status ValidateSummaryOptions(const SummaryOptions& options) {
  if (options.budget.amount == 0) {
    return InvalidArgumentError("summary budget must be at least 1 (got 0)");
  }
  if (options.stop.stop_requested()) return CancelledError("summary stopped");
  return Status::Ok();
}

Summary AssembleSummary(const AnalyzedCluster& cluster, std::string_view method,
                        const std::vector<uint32_t>& picked) {
  Summary summary;
  summary.cluster_id = cluster.id;
  summary.method = std::string(method);
  if (picked.empty()) return summary;
  summary.sentences.reserve(picked.size());
  for (uint32_t s : picked) {
    const Sentence& sentence = cluster.sentences[s].sentence;
    SummarySentence out;
    out.text = sentence.text;
    out.doc = sentence.doc;
    if (sentence.doc < cluster.documents.size()) out.doc_id = cluster.documents[sentence.doc].id;
    out.sentence = sentence.index;
    FindSupport(cluster, s, &out);
    summary.sentences.push_back(std::move(out));
  }
  return summary;
}

std::vector<uint32_t> RankByScore(const std::vector<uint32_t>& items,
                                  const std::vector<double>& scores) {
  std::vector<uint32_t> order(items.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return scores[a] > scores[b]; });
  std::vector<uint32_t> ranked;
  ranked.reserve(order.size());
  for (uint32_t i : order) ranked.push_back(items[i]);
  return ranked;
}

std::vector<uint32_t> InClusterOrder(std::vector<uint32_t> picked) {
  // AnalyzedCluster::sentences is already document by document, in order.
  std::sort(picked.begin(), picked.end());
  return picked;
}

}  // namespace chorus::baselines
