// LexRankSummarizer ("lexrank"): continuous LexRank (Erkan & Radev 2004).
//
// Sentences are nodes; every pair is joined by its idf-modified cosine
//   sum_w tf_x(w) tf_y(w) idf(w)^2 / (|x|_tfidf * |y|_tfidf)
// (the diagonal included, as in the paper's similarity matrix), unthresholded
// ("continuous LexRank"). Scores are the stationary distribution of the
// row-normalised matrix with damping 0.85 (GraphRank). The summary takes
// sentences best first, skipping any whose idf-modified cosine to an already
// chosen sentence exceeds `max_redundancy` (the paper used MEAD's reranker for
// this; its cosine threshold is the knob), and anything that does not fit.
// Output in cluster order (article by article, by position), as MEAD prints.
// IDF and candidate filtering: see ClusterTerms.
//
//   LexRankSummarizer lexrank;
//   Result<Summary> s = lexrank.Summarize(analyzed, options);
//
// Thread safety: Summarize is const and reentrant. Not copyable (Summarizer).
#ifndef CHORUS_SUMMARIZE_BASELINES_LEXRANK_H_
#define CHORUS_SUMMARIZE_BASELINES_LEXRANK_H_

#include <vector>

#include "chorus/summarizer.h"
#include "summarize/baselines/cluster_terms.h"
#include "summarize/baselines/graph_rank.h"

namespace chorus::baselines {

struct LexRankOptions {
  IdfFormula idf = IdfFormula::kSmoothed;  // see ClusterTerms
  CandidateFilter filter;                  // which sentences may be chosen
  GraphRankOptions rank;                   // damping 0.85, tolerance 1e-6
  double max_redundancy = 0.5;  // skip a sentence this similar (idf cosine) to a chosen one
};

class LexRankSummarizer final : public Summarizer {
 public:
  explicit LexRankSummarizer(LexRankOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "lexrank"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;

  // LexRank score of each sentence of `cand` (candidates, as GraphCandidates gives them).
  std::vector<double> Scores(const ClusterTerms& terms, const std::vector<uint32_t>& cand) const;

 private:
  LexRankOptions options_;
};

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_LEXRANK_H_
