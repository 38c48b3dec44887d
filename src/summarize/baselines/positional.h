// The positional baselines: Lead and First-k. They read no content, only where
// sentences stand, and so consider every sentence (no length filter).
//
// LeadSummarizer ("lead", DUC's baseline): the first sentences of the most
// recent article, in order, up to the budget. Most recent = latest
// Document::date (YYYY-MM-DD compares as text); undated articles count as
// older than dated ones. Same-day ties go to the higher wire sequence number
// when both ids carry one (DUC/TDT ids such as APW19981213.0720 number a
// wire's stories through the day; with this rule Lead opens with the article
// DUC's own Lead used on all 50 DUC 2004 clusters), else to the later article
// in input order; a cluster with no dates uses its last article. DUC cut its Lead at exactly 100
// words mid-sentence; chorus never cuts a sentence, so Lead stops before the
// first sentence that does not fit (it stays a prefix of the article).
//
// FirstKSummarizer ("firstk", Multi-News' First-k): the first k sentences of
// each article, article after article in input order, as one sequence cut to
// the budget at the first sentence that does not fit (again a prefix).
//
//   LeadSummarizer lead;
//   Result<Summary> s = lead.Summarize(analyzed, {});
//
// Thread safety: stateless; Summarize is const and reentrant. Not copyable
// (Summarizer); own by unique_ptr.
#ifndef CHORUS_SUMMARIZE_BASELINES_POSITIONAL_H_
#define CHORUS_SUMMARIZE_BASELINES_POSITIONAL_H_

#include <cstdint>

#include "chorus/summarizer.h"

namespace chorus::baselines {

class LeadSummarizer final : public Summarizer {
 public:
  std::string_view name() const override { return "lead"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;
};

struct FirstKOptions {
  uint32_t k = 3;  // sentences taken from the start of each article (Multi-News: 3)
};

class FirstKSummarizer final : public Summarizer {
 public:
  explicit FirstKSummarizer(FirstKOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "firstk"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;

 private:
  FirstKOptions options_;
};

// Index of the most recent document as Lead defines it (0 for an empty cluster).
uint32_t MostRecentDocument(const AnalyzedCluster& cluster);

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_POSITIONAL_H_
