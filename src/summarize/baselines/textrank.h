// TextRankSummarizer ("textrank"): TextRank for sentence extraction (Mihalcea
// & Tarau 2004).
//
// Sentences are nodes; distinct sentences Si, Sj are joined with weight
//   |{w : w in Si and w in Sj}| / (log |Si| + log |Sj|)
// where the shared words are content terms (non-stopword Porter stems, see
// ClusterTerms) and |S| is the sentence's length in words. Scores are weighted
// PageRank with d = 0.85 (GraphRank). The summary is the top-ranked sentences
// that fit the budget, with no redundancy step (the paper has none), output in
// rank order (the paper's "top ranked sentences"; it fixes no reading order).
//
//   TextRankSummarizer textrank;
//   Result<Summary> s = textrank.Summarize(analyzed, options);
//
// Thread safety: Summarize is const and reentrant. Not copyable (Summarizer).
#ifndef CHORUS_SUMMARIZE_BASELINES_TEXTRANK_H_
#define CHORUS_SUMMARIZE_BASELINES_TEXTRANK_H_

#include <vector>

#include "chorus/summarizer.h"
#include "summarize/baselines/cluster_terms.h"
#include "summarize/baselines/graph_rank.h"

namespace chorus::baselines {

struct TextRankOptions {
  CandidateFilter filter;  // which sentences may be chosen (also keeps log |S| > 0)
  GraphRankOptions rank;   // damping 0.85
};

class TextRankSummarizer final : public Summarizer {
 public:
  explicit TextRankSummarizer(TextRankOptions options = {}) : options_(options) {}
  std::string_view name() const override { return "textrank"; }
  Result<Summary> Summarize(const AnalyzedCluster& cluster,
                            const SummaryOptions& options) const override;

  // TextRank score of each sentence of `cand` (candidates, as GraphCandidates gives them).
  std::vector<double> Scores(const ClusterTerms& terms, const std::vector<uint32_t>& cand) const;

 private:
  TextRankOptions options_;
};

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_TEXTRANK_H_
