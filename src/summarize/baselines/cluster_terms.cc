#include "summarize/baselines/cluster_terms.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <unordered_set>

#include "summarize/budget.h"

namespace chorus::baselines {

uint32_t SharedTerms(const TermVector& a, const TermVector& b) {
  uint32_t shared = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

ClusterTerms::ClusterTerms(const AnalyzedCluster& cluster, const CandidateFilter& filter,
                           IdfFormula idf) {
  num_documents_ = static_cast<uint32_t>(cluster.documents.size());
  const size_t n = cluster.sentences.size();
  const TermIndex& index = cluster.terms;
  vectors_.resize(n);
  lengths_.assign(n, 0.0);
  words_.assign(n, 0);
  // Dense ids for the terms used as content, in order of first such use.
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> id_of(index.size(), kNone);
  std::vector<uint32_t> scratch;
  std::unordered_set<std::string_view> candidate_texts;
  for (size_t s = 0; s < n; ++s) {
    const AnalyzedSentence& as = cluster.sentences[s];
    const std::span<const uint32_t> terms = index.Terms(s);
    words_[s] = CountWords(as.sentence.text);
    scratch.clear();
    for (size_t k = 0; k < terms.size(); ++k) {
      const Token& tok = as.tokens[k];
      if (tok.stopword || tok.stem.empty()) continue;
      uint32_t& t = id_of[terms[k]];
      if (t == kNone) {
        t = static_cast<uint32_t>(df_.size());
        df_.push_back(index.document_frequency[terms[k]]);
        cluster_counts_.push_back(0);
      }
      scratch.push_back(t);
      cluster_counts_[t] += 1;
    }
    std::sort(scratch.begin(), scratch.end());
    TermVector& v = vectors_[s];
    for (uint32_t t : scratch) {
      if (!v.empty() && v.back().first == t) {
        v.back().second += 1;
      } else {
        v.emplace_back(t, 1.0);
      }
    }
    lengths_[s] = static_cast<double>(scratch.size());
    if (!v.empty() && words_[s] >= filter.min_words && words_[s] <= filter.max_words &&
        candidate_texts.insert(as.sentence.text).second) {
      candidates_.push_back(static_cast<uint32_t>(s));
    }
  }
  idf_.resize(df_.size());
  const double docs = std::max<uint32_t>(num_documents_, 1);
  for (size_t t = 0; t < df_.size(); ++t) {
    const double ratio = docs / std::max<uint32_t>(df_[t], 1);
    idf_[t] = idf == IdfFormula::kSmoothed ? std::log1p(ratio) : std::log(ratio);
  }
}

}  // namespace chorus::baselines
