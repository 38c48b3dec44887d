// StemmedSentences: the sentences a summary is chosen from, as rows of
// interned stem ids (small integers instead of strings), so that concepts are
// 64-bit keys and overlaps are merges of sorted integer lists.
//
// Rows are the cluster's sentences first (row i = cluster.sentences[i]),
// then whatever the summarizer adds (compressed variants of candidates).
// The cluster's rows and ids are its term index's (chorus/term_index.h);
// `ids` finds them by text, so sentences of another analyzed cluster (the
// articles a reader has already read, concept_weights.h) and a query share
// them, new words getting new ids.
//
// Concepts: a word bigram is the key (stem_a << 32 | stem_b), skipped when
// both words are stopwords; a content-word unigram is kUnigramTag | stem.
//
// Thread safety: a value type; const methods may be called concurrently.
#ifndef CHORUS_SUMMARIZE_STEMMED_SENTENCES_H_
#define CHORUS_SUMMARIZE_STEMMED_SENTENCES_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/analyzer.h"

namespace chorus {

inline constexpr uint64_t kUnigramTag = uint64_t{1} << 63;

class StemmedSentences {
 public:
  // stem -> id (views into the tokens' vocabulary); empty unless Intern was
  // asked for it (`by_text`), as only text from outside the cluster needs it.
  std::unordered_map<std::string_view, uint32_t> ids;

  // Rows so far.
  size_t rows() const { return stem_first_.size() - 1; }
  // Row `row`'s stem ids, one per token.
  std::span<const uint32_t> Stems(size_t row) const {
    return {stems_.data() + stem_first_[row], stems_.data() + stem_first_[row + 1]};
  }
  // Row `row`'s content stems, sorted unique.
  std::span<const uint32_t> Content(size_t row) const {
    return {content_.data() + content_first_[row], content_.data() + content_first_[row + 1]};
  }

  // The id of `stem`, made if new (needs `ids`).
  uint32_t Id(std::string_view stem);
  // Appends a row of `tokens` and returns its index (needs `ids`).
  uint32_t AddRow(const std::vector<Token>& tokens);
  // Removes the last row.
  void RemoveLastRow();
  // Appends the tokens of row `row` that `keep` flags (one flag per token)
  // as a new row and returns its index.
  uint32_t AddPartOf(uint32_t row, const std::vector<char>& keep);
  // Concept keys of row `row`, sorted unique: bigrams not made only of
  // stopwords, and content unigrams when `unigrams`.
  std::vector<uint64_t> Concepts(size_t row, bool unigrams) const;
  // Whether row `row` holds content stem `stem`.
  bool Holds(size_t row, uint32_t stem) const;

 private:
  friend StemmedSentences Intern(const AnalyzedCluster& cluster, bool by_text);
  // Ends the row whose tokens and content stems were appended last: sorts
  // and dedupes its content stems.
  uint32_t EndRow();

  // All rows' tokens in one array each (a row is [first[r], first[r + 1])),
  // as a cluster has tens of thousands of sentences.
  std::vector<uint32_t> stems_;          // per token: stem id
  std::vector<char> stopword_;           // per token
  std::vector<uint32_t> stem_first_{0};  // per row, and one past the last
  std::vector<uint32_t> content_;        // per row: content stems, sorted unique
  std::vector<uint32_t> content_first_{0};
};

// The cluster's sentences as rows 0..n-1, from cluster.terms; with `ids`
// filled when `by_text` (for a query, read articles or framing terms: words
// found by their text). Filling it hashes every term of the cluster.
StemmedSentences Intern(const AnalyzedCluster& cluster, bool by_text = true);

// Content stems a sorted unique list shares with another.
size_t CommonCount(std::span<const uint32_t> a, std::span<const uint32_t> b);

// Cosine of two sets of `na` and `nb` words sharing `common`.
double CosineOfCounts(size_t common, size_t na, size_t nb);

// Cosine of two sorted unique stem lists.
double Cosine(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace chorus

#endif  // CHORUS_SUMMARIZE_STEMMED_SENTENCES_H_
