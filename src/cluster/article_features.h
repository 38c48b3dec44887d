// Turning one article into what the event clusterer compares: weighted stems
// and the MinHash signature of its word shingles.
#ifndef CHORUS_CLUSTER_ARTICLE_FEATURES_H_
#define CHORUS_CLUSTER_ARTICLE_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "chorus/document.h"
#include "chorus/tokenizer.h"

namespace chorus {

// Stems <-> dense ids, in order of first appearance. An open-addressing
// table of ids (the strings live once, in `terms_`): interning is on the hot
// path of every token.
class TermDictionary {
 public:
  uint32_t Intern(std::string_view term);
  const std::string& Term(uint32_t id) const { return terms_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(terms_.size()); }

 private:
  void Grow();

  std::vector<std::string> terms_;
  std::vector<uint64_t> hashes_;  // by id
  std::vector<uint32_t> slots_;   // id + 1, or 0 when empty; size a power of two
};

// What featurizing keeps between articles: a tokenizer that skips stemming,
// and a cache from each normalised surface form to its stem's term id (found
// once per distinct form with the shared stemming Tokenizer), so the common
// case per token is one table lookup. Also per-article counts by term id,
// dense, reused across articles.
struct FeatureContext {
  static constexpr uint32_t kNoTerm = UINT32_MAX;  // the form carries no topic
  Tokenizer surface_tokenizer{TokenizerOptions{.stem = false}};
  Tokenizer stemming_tokenizer;
  TermDictionary forms;             // normalised surface forms
  std::vector<uint32_t> form_term;  // by form id: term id or kNoTerm
  std::vector<double> count;        // by term id
  std::vector<uint32_t> touched;    // term ids with a non-zero count
};

struct FeatureWeights {
  double title = 2.0;  // weight of a title occurrence
  double name = 1.5;   // weight of a capitalized token that does not open a sentence
  uint32_t min_duplicate_shingles = 20;
};

struct ArticleFeatures {
  // (term id, 1 + ln(weighted count)), sorted by term id.
  std::vector<std::pair<uint32_t, float>> terms;
  std::vector<uint32_t> minhash;  // empty when the text has too few shingles
};

// Title and body are tokenized with the shared Tokenizer; stopwords,
// one-character stems and stems without a letter carry no topic and are left
// out of the terms (but not of the shingles, which must see the text as
// written).
ArticleFeatures ComputeArticleFeatures(const Document& article, const FeatureWeights& weights,
                                       TermDictionary* dictionary, FeatureContext* context);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_ARTICLE_FEATURES_H_
