#include "summarize/baselines/lexrank.h"

#include <algorithm>
#include <cmath>

#include "summarize/baselines/extractive_summary.h"

namespace chorus::baselines {
namespace {

// Idf-modified cosine between sentences, with norms computed once.
class IdfCosine {
 public:
  struct IdfSquared {
    const ClusterTerms& terms;
    double operator()(uint32_t t) const { return terms.idf(t) * terms.idf(t); }
  };

  explicit IdfCosine(const ClusterTerms& terms) : terms_(terms), norms_(terms.num_sentences()) {
    for (uint32_t s = 0; s < terms.num_sentences(); ++s) {
      norms_[s] = std::sqrt(WeightedDot(terms.vector(s), terms.vector(s), IdfSquared{terms_}));
    }
  }
  double operator()(uint32_t a, uint32_t b) const {
    if (norms_[a] == 0 || norms_[b] == 0) return 0;
    return WeightedDot(terms_.vector(a), terms_.vector(b), IdfSquared{terms_}) /
           (norms_[a] * norms_[b]);
  }

 private:
  const ClusterTerms& terms_;
  std::vector<double> norms_;
};

}  // namespace

std::vector<double> LexRankSummarizer::Scores(const ClusterTerms& terms,
                                              const std::vector<uint32_t>& cand) const {
  const uint32_t n = static_cast<uint32_t>(cand.size());
  const IdfCosine cosine(terms);
  std::vector<double> weights(size_t{n} * n, 0.0);
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t j = i; j < n; ++j) {
      const double w = cosine(cand[i], cand[j]);
      weights[size_t{i} * n + j] = w;
      weights[size_t{j} * n + i] = w;
    }
  }
  return GraphRank(weights, n, options_.rank);
}

Result<Summary> LexRankSummarizer::Summarize(const AnalyzedCluster& cluster,
                                             const SummaryOptions& options) const {
  RETURN_IF_ERROR(ValidateSummaryOptions(options));
  const ClusterTerms terms(cluster, options_.filter, options_.idf);
  const std::vector<uint32_t> cand = GraphCandidates(cluster, terms.candidates(), options_.rank);
  const std::vector<double> scores = Scores(terms, cand);
  const std::vector<uint32_t> ranked = RankByScore(cand, scores);
  const IdfCosine cosine(terms);
  const std::vector<uint32_t> picked = FillInRankOrder(
      cluster, ranked, options.budget, [&](uint32_t s, const std::vector<uint32_t>& chosen) {
        return std::any_of(chosen.begin(), chosen.end(),
                           [&](uint32_t c) { return cosine(s, c) > options_.max_redundancy; });
      });
  return AssembleSummary(cluster, name(), InClusterOrder(picked));
}

}  // namespace chorus::baselines
