// ClusterTerms: the bag-of-words view of an analyzed cluster that the
// baseline summarizers share.
//
// A term is the Porter stem (Token::stem) of a token that is not a stopword
// (Token::stopword). Terms get dense ids per cluster; each sentence becomes a
// sorted vector of (term, count). IDF is computed from the cluster itself with
// documents as units (N documents, df(t) of them hold t). The papers used a
// background corpus (MEAD's, DUC's); none ships with chorus and the Summarizer
// contract sees one cluster, so the cluster is its own corpus. That inverts
// what IDF is for: the event's own words (its place, its people) are in every
// article, and the plain log(N / df) gives them weight 0, while a background
// corpus gives them the highest. The default is therefore the smoothed
// log(1 + N / df), which keeps them (log 2) while still favouring rarer terms;
// IdfFormula::kPlain keeps the textbook form for comparison.
//
// Candidates: all methods except lead and firstk skip sentences with fewer than
// `min_words` or more than `max_words` whitespace words (datelines, bylines,
// captions, run-on lists), as the original systems did with their own filters,
// and a sentence whose exact text is already a candidate (wire copies repeat
// sentences verbatim; a summary never needs one twice).
//
//   ClusterTerms terms(cluster, {});
//   for (uint32_t s : terms.candidates()) Score(terms.vector(s));
//
// Thread safety: immutable after construction. Borrows nothing; copyable.
#ifndef CHORUS_SUMMARIZE_BASELINES_CLUSTER_TERMS_H_
#define CHORUS_SUMMARIZE_BASELINES_CLUSTER_TERMS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus::baselines {

struct CandidateFilter {
  uint32_t min_words = 5;   // sentences with fewer whitespace words are skipped
  uint32_t max_words = 60;  // sentences with more whitespace words are skipped
};

enum class IdfFormula {
  kSmoothed,  // log(1 + N / df): terms in every document keep weight log 2
  kPlain,     // log(N / df): terms in every document get weight 0
};

// (term id, count) pairs sorted by term id.
using TermVector = std::vector<std::pair<uint32_t, double>>;

class ClusterTerms {
 public:
  ClusterTerms(const AnalyzedCluster& cluster, const CandidateFilter& filter,
               IdfFormula idf = IdfFormula::kSmoothed);

  uint32_t num_terms() const { return static_cast<uint32_t>(df_.size()); }
  uint32_t num_sentences() const { return static_cast<uint32_t>(vectors_.size()); }
  uint32_t num_documents() const { return num_documents_; }

  // Term counts of sentence `s` (index into AnalyzedCluster::sentences).
  const TermVector& vector(uint32_t s) const { return vectors_[s]; }
  // Content tokens of sentence `s` (sum of its counts).
  double length(uint32_t s) const { return lengths_[s]; }
  // Whitespace-separated words of the sentence text (the budget's unit).
  uint32_t words(uint32_t s) const { return words_[s]; }
  uint32_t document_frequency(uint32_t t) const { return df_[t]; }
  double idf(uint32_t t) const { return idf_[t]; }
  // Count of each term over the whole cluster.
  const std::vector<double>& cluster_counts() const { return cluster_counts_; }

  // Sentences that pass the filter and have at least one term, in cluster order.
  const std::vector<uint32_t>& candidates() const { return candidates_; }

 private:
  uint32_t num_documents_ = 0;
  std::vector<TermVector> vectors_;
  std::vector<double> lengths_;
  std::vector<uint32_t> words_;
  std::vector<uint32_t> df_;
  std::vector<double> idf_;
  std::vector<double> cluster_counts_;
  std::vector<uint32_t> candidates_;
};

// Sum over shared terms of a[t] * b[t] * weight(t).
template <typename Weight>
double WeightedDot(const TermVector& a, const TermVector& b, Weight weight) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      sum += a[i].second * b[j].second * weight(a[i].first);
      ++i;
      ++j;
    }
  }
  return sum;
}

// Number of terms present in both vectors.
uint32_t SharedTerms(const TermVector& a, const TermVector& b);

}  // namespace chorus::baselines

#endif  // CHORUS_SUMMARIZE_BASELINES_CLUSTER_TERMS_H_
