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

// Stems <-> dense ids, in order of first appearance.
class TermDictionary {
 public:
  uint32_t Intern(std::string_view term);
  const std::string& Term(uint32_t id) const { return terms_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(terms_.size()); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> terms_;
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

// Title and body are tokenized with `tokenizer`; stopwords, one-character
// tokens and tokens without a letter carry no topic and are left out of the
// terms (but not of the shingles, which must see the text as written).
ArticleFeatures ComputeArticleFeatures(const Document& article, const Tokenizer& tokenizer,
                                       const FeatureWeights& weights, TermDictionary* dictionary);

}  // namespace chorus

#endif  // CHORUS_CLUSTER_ARTICLE_FEATURES_H_
