// KLSumSummarizer ("klsum"): greedy KL-Sum (Haghighi & Vanderwende 2009).
//
// P_D is the cluster's unigram distribution over content terms (see
// ClusterTerms); P_S the summary's, smoothed additively over the cluster's
// vocabulary: P_S(w) = (c_S(w) + delta) / (|S| + delta |V|). Each step adds the
// fitting sentence that makes KL(P_D || P_S) smallest, until no sentence
// fits. The budget alone stops it: with smoothing, the empty summary is the
// uniform distribution, which a first sentence often moves further from P_D,
// so "add while KL decreases" would stop before it starts; the published DUC
// runs are full-length summaries. Output in selection order.
//
//   KLSumSummarizer klsum;
//   Result<Summary> s = klsum.Summarize(analyzed, options);
//
// Thread safety: Summarize is const and reentrant. Not copyable (Summarizer).
#ifndef CHORUS_SUMMARIZE_BASELINES_KLSUM_H_
#define CHORUS_SUMMARIZE_BASELINES_KLSUM_H_

#include "chorus/summarizer.h"
#include "summarize/baselines/cluster_terms.h"

namespace chorus::baselines {

struct KLSumOptions {
  CandidateFilter filter;  // which sentences may be chosen
  double delta = 0.01;     // additive smoothing of the summary's distribution
};

class KLSumSummarizer final : public Summarizer {
 public:
  explicit KLSumSummarizer(KLSumOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "klsum"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;

 private:
  KLSumOptions options_;
};

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_KLSUM_H_
