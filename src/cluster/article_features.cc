#include "cluster/article_features.h"

#include <algorithm>
#include <cmath>

#include "base/hashing.h"
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

// The term id of `token`'s stem, or kNoTerm.
uint32_t TermOf(const Token& token, TermDictionary* dictionary, FeatureContext* context) {
  const uint32_t form = context->forms.Intern(token.norm);
  if (form < context->form_term.size()) return context->form_term[form];
  // First sight of this form: stem it the one shared way.
  uint32_t term = FeatureContext::kNoTerm;
  const std::vector<Token> stemmed = context->stemming_tokenizer.Tokenize(token.norm);
  if (stemmed.size() == 1 && stemmed[0].stem.size() >= 2 && HasLetter(stemmed[0].stem)) {
    term = dictionary->Intern(stemmed[0].stem);
    if (term >= context->term_label.size()) {
      std::string_view label = token.norm;
      if (label.size() > 2 && label.ends_with("'s")) label.remove_suffix(2);
      context->term_label.resize(term + 1);
      context->term_label[term] = label;
    }
  }
  context->form_term.push_back(term);
  return term;
}

void AddTerms(const std::vector<Token>& tokens, std::string_view text, double base,
              double name_weight, TermDictionary* dictionary, FeatureContext* context) {
  for (const Token& t : tokens) {
    if (t.stopword) continue;
    const uint32_t id = TermOf(t, dictionary, context);
    if (id == FeatureContext::kNoTerm) continue;
    double w = base;
    if (t.capitalized && !OpensSentence(text, t.begin)) w *= name_weight;
    if (id >= context->count.size()) {
      context->count.resize(std::max<size_t>(id + 1, context->count.size() * 2), 0);
    }
    if (context->count[id] == 0) context->touched.push_back(id);
    context->count[id] += w;
  }
}

}  // namespace

uint32_t TermDictionary::Intern(std::string_view term) {
  if ((terms_.size() + 1) * 2 > slots_.size()) Grow();
  // Ids are what persists, not hashes: the library's (word-at-a-time) hash is fine.
  const uint64_t hash = std::hash<std::string_view>{}(term);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint32_t slot = slots_[i];
    if (slot == 0) {
      const auto id = static_cast<uint32_t>(terms_.size());
      terms_.emplace_back(term);
      hashes_.push_back(hash);
      slots_[i] = id + 1;
      return id;
    }
    if (hashes_[slot - 1] == hash && terms_[slot - 1] == term) return slot - 1;
  }
}

void TermDictionary::Grow() {
  std::vector<uint32_t> slots(std::max<size_t>(1024, slots_.size() * 2), 0);
  const size_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < terms_.size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_ = std::move(slots);
}

ArticleFeatures ComputeArticleFeatures(const Document& article, const FeatureWeights& weights,
                                       TermDictionary* dictionary, FeatureContext* context) {
  const TokenScope scope;  // the token views live until their terms are copied out
  const std::vector<Token> title = context->surface_tokenizer.Tokenize(article.title);
  const std::vector<Token> body = context->surface_tokenizer.Tokenize(article.text);

  context->touched.clear();
  AddTerms(title, article.title, weights.title, 1.0, dictionary, context);
  AddTerms(body, article.text, 1.0, weights.name, dictionary, context);

  ArticleFeatures features;
  features.terms.reserve(context->touched.size());
  for (uint32_t id : context->touched) {
    const double count = context->count[id];
    context->count[id] = 0;
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
    // Repeated shingles need no removal: a minimum is the same either way.
    features.minhash = MinHashSignature(shingles);
  }
  return features;
}

}  // namespace chorus
