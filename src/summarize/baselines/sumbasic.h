// SumBasicSummarizer ("sumbasic", Nenkova & Vanderwende 2005) and its
// non-updating variant ("freqsum", Nenkova, Vanderwende & McKeown 2006).
//
// p(w) is the term's share of all content-term tokens in the cluster (terms:
// see ClusterTerms). A sentence weighs the average p(w) over its content-term
// tokens. SumBasic repeats, while something fits the budget:
//   - take the highest-probability term that some remaining, fitting sentence
//     contains, and pick the best-weighted such sentence;
//   - square p(w) of every term of the picked sentence (so what is said once is
//     less likely to be said again).
// FreqSum skips the update: sentences are taken by weight, best first, while
// they fit. Output in selection order, as the papers present it.
//
//   SumBasicSummarizer sumbasic;                       // or {.update = false}
//   Result<Summary> s = sumbasic.Summarize(analyzed, options);
//
// Thread safety: Summarize is const and reentrant. Not copyable (Summarizer).
#ifndef CHORUS_SUMMARIZE_BASELINES_SUMBASIC_H_
#define CHORUS_SUMMARIZE_BASELINES_SUMBASIC_H_

#include "chorus/summarizer.h"
#include "summarize/baselines/cluster_terms.h"

namespace chorus::baselines {

struct SumBasicOptions {
  CandidateFilter filter;  // which sentences may be chosen
  bool update = true;      // true: SumBasic (square-probability update); false: FreqSum
};

class SumBasicSummarizer final : public Summarizer {
 public:
  explicit SumBasicSummarizer(SumBasicOptions options = {}) : options_(options) {}
  std::string_view name() const override { return options_.update ? "sumbasic" : "freqsum"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;

 private:
  SumBasicOptions options_;
};

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_SUMBASIC_H_
