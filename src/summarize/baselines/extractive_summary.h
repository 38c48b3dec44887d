// What every extractive baseline shares: spending a budget without ever
// cutting a sentence, and turning chosen sentence indices into a Summary with
// citations.
//
//   BudgetMeter meter(options.budget);
//   for (uint32_t s : ranked) if (meter.TryAdd(cluster.sentences[s].sentence.text))
//   picked.push_back(s); return AssembleSummary(cluster, "lexrank", picked);
//
// Thread safety: BudgetMeter is a value owned by one call; AssembleSummary is
// reentrant.
#ifndef CHORUS_SUMMARIZE_BASELINES_EXTRACTIVE_SUMMARY_H_
#define CHORUS_SUMMARIZE_BASELINES_EXTRACTIVE_SUMMARY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "chorus/status.h"
#include "chorus/summarizer.h"
#include "summarize/budget.h"

namespace chorus::baselines {

// Tracks what a summary has spent of its budget. Words are whitespace pieces
// (ROUGE -l's count); bytes are the sentences' bytes plus one separator between
// consecutive sentences; sentences count one each.
class BudgetMeter {
 public:
  explicit BudgetMeter(const SummaryBudget& budget)
      : budget_(budget), capacity_(BudgetCapacity(budget)) {}

  bool Fits(std::string_view text) const {
    return spent_ + SentenceCost(text, budget_.unit) <= capacity_;
  }
  // Adds `text` if it fits; returns whether it did.
  bool TryAdd(std::string_view text);
  // True when not even a one-word, one-byte sentence could be added.
  bool Full() const;

 private:
  SummaryBudget budget_;
  uint64_t capacity_;   // in SentenceCost's units (summarize/budget.h)
  uint64_t spent_ = 0;  // the same units
};

// kInvalidArgument when the options cannot be honoured (a zero budget).
Status ValidateSummaryOptions(const SummaryOptions& options);

// The summary of `cluster` made of sentences `picked` (indices into
// AnalyzedCluster::sentences) in the given order, each with its support as the
// strong summarizer decides it (SupportingDocuments, summary_builder.h), so a
// citation means the same whatever method made the summary. (BuildSummary is
// not used because it imposes chronological order; the baselines keep their
// papers' orders.)
Summary AssembleSummary(const AnalyzedCluster& cluster, std::string_view method,
                        const std::vector<uint32_t>& picked);

// Walks `ranked` best first, adding each sentence that fits the budget and that
// `redundant(s, picked_so_far)` does not reject, until the budget is full.
template <typename Redundant>
std::vector<uint32_t> FillInRankOrder(const AnalyzedCluster& cluster,
                                      const std::vector<uint32_t>& ranked,
                                      const SummaryBudget& budget, Redundant redundant) {
  BudgetMeter meter(budget);
  std::vector<uint32_t> picked;
  for (uint32_t s : ranked) {
    if (meter.Full()) break;
    const std::string& text = cluster.sentences[s].sentence.text;
    if (!meter.Fits(text) || redundant(s, picked)) continue;
    meter.TryAdd(text);
    picked.push_back(s);
  }
  return picked;
}

// `items` ordered by `scores` (parallel to items), best first; ties keep
// cluster order.
std::vector<uint32_t> RankByScore(const std::vector<uint32_t>& items,
                                  const std::vector<double>& scores);

// `picked` sorted into cluster order (document by document, by position).
std::vector<uint32_t> InClusterOrder(std::vector<uint32_t> picked);

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_EXTRACTIVE_SUMMARY_H_
