// CentroidSummarizer ("centroid"): MEAD's centroid-based summarizer (Radev,
// Jing, Stys & Tam 2004).
//
// The centroid gives each term w the value C_w = (count of w in the cluster /
// number of documents) * idf(w); terms below `min_centroid_fraction` of the
// top value are left out. A sentence i of a document with n sentences scores
//   w_c C_i + w_p P_i + w_f F_i
//   C_i = sum of C_w over the sentence's distinct terms (centroid value)
//   P_i = (n - i) / n * C_max, i from 0, C_max = the document's highest C_i
//         (positional value)
//   F_i = term-count inner product of the sentence with its document's first
//         sentence (first-sentence overlap)
// with MEAD's default weights 1, 1, 1. Selection is greedy: each step takes the
// candidate with the best score minus the redundancy penalty
//   w_R * R * (top score),  R = max over chosen sentences of
//   2 * shared terms / (terms of one + terms of the other)
// among those that still fit the budget. Output in cluster order, as MEAD
// prints. IDF and candidate filtering: see ClusterTerms.
//
//   CentroidSummarizer centroid;
//   Result<Summary> s = centroid.Summarize(analyzed, options);
//
// Thread safety: Summarize is const and reentrant. Not copyable (Summarizer).
#ifndef CHORUS_SUMMARIZE_BASELINES_CENTROID_H_
#define CHORUS_SUMMARIZE_BASELINES_CENTROID_H_

#include <vector>

#include "chorus/summarizer.h"
#include "summarize/baselines/cluster_terms.h"

namespace chorus::baselines {

struct CentroidOptions {
  IdfFormula idf = IdfFormula::kSmoothed;  // see ClusterTerms
  CandidateFilter filter;              // which sentences may be chosen
  double centroid_weight = 1.0;        // w_c
  double position_weight = 1.0;        // w_p
  double first_sentence_weight = 1.0;  // w_f
  double redundancy_weight = 1.0;      // w_R
  double min_centroid_fraction = 0.0;  // centroid keeps terms with C_w >= this * max C_w
};

class CentroidSummarizer final : public Summarizer {
 public:
  explicit CentroidSummarizer(CentroidOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "centroid"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;

  // Score (before the redundancy penalty) of every sentence of the cluster.
  std::vector<double> Scores(const AnalyzedCluster& cluster, const ClusterTerms& terms) const;

 private:
  CentroidOptions options_;
};

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_CENTROID_H_
