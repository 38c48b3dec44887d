// TermIndex: the words of one analyzed cluster as small integers, counted
// once, so that every stage downstream (the summarizers, the baselines,
// compare's claims) reads the same ids and counts instead of interning the
// tokens again into a map of its own. ClusterAnalyzer builds it once per
// cluster (AnalyzedCluster::terms); each consumer applies its own weighting
// (idf formulas differ by method on purpose) to the shared counts.
//
// A term is a token's stem, or its norm when it has none (the tokenizer did
// not stem, or Porter took a lone "s", as in "Nicholas S. Zeppos", to
// nothing): such a term is marked `bare`, and consumers that weigh stems
// give it no weight. Term
// ids are cluster-local, dense and in order of first occurrence, so sums over
// a sentence's terms run in the same order in every run. A content term is
// one of a token that is not a stopword; frequencies count content use only:
//   sentence_frequency[t]  sentences holding t as a content term
//   document_frequency[t]  documents holding t as a content term
// A term seen only as a stopword has both 0.
//
//   const TermIndex& index = cluster.terms;
//   for (uint32_t t : index.Content(s)) weight += std::log(1.0 + n / index.sentence_frequency[t]);
//
// Plain data; copy freely. The term texts view AnalyzedCluster::vocabulary.
#ifndef CHORUS_TERM_INDEX_H_
#define CHORUS_TERM_INDEX_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace chorus {

struct TermIndex {
  // Per term id.
  std::vector<std::string_view> text;
  std::vector<uint32_t> sentence_frequency;
  std::vector<uint32_t> document_frequency;
  std::vector<char> bare;  // 1: the norm of a token without a stem
  // Per sentence of the cluster, concatenated: sentence s's at
  // [first[s], first[s + 1]) of each list.
  std::vector<uint32_t> token_terms;    // the term of every token, in token order
  std::vector<uint32_t> token_first;    // size sentences + 1
  std::vector<uint32_t> content_terms;  // content terms, ascending, unique
  std::vector<uint32_t> content_first;  // size sentences + 1

  size_t size() const { return text.size(); }
  size_t sentences() const { return token_first.empty() ? 0 : token_first.size() - 1; }
  // The term of each token of sentence `s` (none for a sentence the index
  // lacks: a cluster assembled by hand without Represent).
  std::span<const uint32_t> Terms(size_t s) const {
    if (s >= sentences()) return {};
    return std::span<const uint32_t>(token_terms)
        .subspan(token_first[s], token_first[s + 1] - token_first[s]);
  }
  // The content terms of sentence `s`, ascending, unique.
  std::span<const uint32_t> Content(size_t s) const {
    if (s >= sentences()) return {};
    return std::span<const uint32_t>(content_terms)
        .subspan(content_first[s], content_first[s + 1] - content_first[s]);
  }
};

}  // namespace chorus

#endif  // CHORUS_TERM_INDEX_H_
