#include "cluster/article_features.h"

#include <algorithm>
#include <cmath>

#include "cluster/hashing.h"
#include "cluster/near_duplicates.h"

namespace chorus {
namespace {

constexpr size_t kShingleWords = 4;

bool HasLetter(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || std::isalpha(c)) return true;
  }
  return false;
}

// Whether the token at `begin` opens a sentence: only spaces, quotes and
// brackets lie between it and the previous full stop, line break or text start.
bool OpensSentence(std::string_view text, uint32_t begin) {
  for (size_t i = begin; i > 0; --i) {
    const char c = text[i - 1];
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '`') continue;
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
  }
  return true;
}

void AddTerms(const std::vector<Token>& tokens, std::string_view text, double base,
              double name_weight, TermDictionary* dictionary,
              std::unordered_map<uint32_t, double>* counts) {
  for (const Token& t : tokens) {
    if (t.stopword || t.stem.size() < 2 || !HasLetter(t.stem)) continue;
    double w = base;
    if (t.capitalized && !OpensSentence(text, t.begin)) w *= name_weight;
    (*counts)[dictionary->Intern(t.stem)] += w;
  }
}

}  // namespace

uint32_t TermDictionary::Intern(std::string_view term) {
  auto it = ids_.find(term);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(terms_.size());
  terms_.emplace_back(term);
  ids_.emplace(terms_.back(), id);
  return id;
}

ArticleFeatures ComputeArticleFeatures(const Document& article, const Tokenizer& tokenizer,
                                       const FeatureWeights& weights, TermDictionary* dictionary) {
  const std::vector<Token> title = tokenizer.Tokenize(article.title);
  const std::vector<Token> body = tokenizer.Tokenize(article.text);

  std::unordered_map<uint32_t, double> counts;
  AddTerms(title, article.title, weights.title, 1.0, dictionary, &counts);
  AddTerms(body, article.text, 1.0, weights.name, dictionary, &counts);

  ArticleFeatures features;
  features.terms.reserve(counts.size());
  for (const auto& [id, count] : counts) {
    features.terms.emplace_back(id, static_cast<float>(1.0 + std::log(std::max(count, 1.0))));
  }
  std::sort(features.terms.begin(), features.terms.end());

  if (body.size() >= kShingleWords &&
      body.size() - kShingleWords + 1 >= weights.min_duplicate_shingles) {
    std::vector<uint64_t> word_hashes;
    word_hashes.reserve(body.size());
    for (const Token& t : body) word_hashes.push_back(HashBytes(t.norm));
    std::vector<uint64_t> shingles;
    shingles.reserve(body.size());
    for (size_t i = 0; i + kShingleWords <= word_hashes.size(); ++i) {
      uint64_t h = 0;
      for (size_t k = 0; k < kShingleWords; ++k) h = Mix64(h ^ word_hashes[i + k]);
      shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    features.minhash = MinHashSignature(shingles);
  }
  return features;
}

}  // namespace chorus
