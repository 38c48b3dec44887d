#include "represent/article_features.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/hashing.h"
#include "cluster/near_duplicates.h"

namespace chorus {
namespace {

constexpr size_t kShingleWords = 4;
// A headline taken from the text stops after this many tokens.
constexpr size_t kMaxHeadlineTokens = 40;

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

// Whether a line break lies between token `i - 1` and token `i` (the first
// token opens the first line).
bool OpensLine(const std::vector<Token>& tokens, size_t i, std::string_view text) {
  if (i == 0) return true;
  const uint32_t from = tokens[i - 1].end, to = tokens[i].begin;
  return to > from && std::memchr(text.data() + from, '\n', to - from) != nullptr;
}

// Whether a sentence ends between token `i - 1` and token `i`.
bool EndsSentenceBefore(const std::vector<Token>& tokens, size_t i, std::string_view text) {
  for (uint32_t p = tokens[i - 1].end; p < tokens[i].begin; ++p) {
    if (text[p] == '.' || text[p] == '!' || text[p] == '?') return true;
  }
  return false;
}

// Whether tokens [begin, end) are written in Title Case ("Fed's Plosser: Nasty
// Weather Has Curbed Job Growth"), where capitals do not mark names.
bool IsTitleCase(const std::vector<Token>& tokens, size_t begin, size_t end) {
  size_t words = 0, capitalized = 0;
  for (size_t i = begin; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.stopword || t.numeric) continue;
    ++words;
    capitalized += t.capitalized;
  }
  return words >= 3 && capitalized * 10 >= words * 7;
}

// Per token of `tokens`: whether its line is in Title Case.
std::vector<bool> TitleCaseLines(const std::vector<Token>& tokens, std::string_view text) {
  std::vector<bool> title_case(tokens.size(), false);
  size_t begin = 0;
  for (size_t i = 1; i <= tokens.size(); ++i) {
    if (i < tokens.size() && !OpensLine(tokens, i, text)) continue;
    if (IsTitleCase(tokens, begin, i))
      std::fill(title_case.begin() + begin, title_case.begin() + i, true);
    begin = i;
  }
  return title_case;
}

// Number of opening tokens of `tokens` that make its first line or sentence.
size_t OpeningLength(const std::vector<Token>& tokens, std::string_view text) {
  size_t n = 1;
  while (n < tokens.size() && n < kMaxHeadlineTokens && !OpensLine(tokens, n, text) &&
         !EndsSentenceBefore(tokens, n, text)) {
    ++n;
  }
  return std::min(n, tokens.size());
}

// "5,000" -> "5000"; empty when `norm` is not a number written in digits.
std::string NumberKey(std::string_view norm) {
  std::string key;
  bool digit = false;
  for (char c : norm) {
    if (c >= '0' && c <= '9') {
      digit = true;
      key += c;
    } else if (c == '.' || c == ':' || c == '-' || c == '/') {
      key += c;
    } else if (c != ',') {
      return {};
    }
  }
  return digit ? key : std::string();
}

// The term id of one word's stem (a new term gets `word` as its label), or
// kNoTerm when it carries no topic.
uint32_t StemTerm(std::string_view word, TermDictionary* dictionary, FeatureContext* context) {
  const std::vector<Token> stemmed = context->stemming_tokenizer.Tokenize(word);
  if (stemmed.size() != 1 || stemmed[0].stopword || stemmed[0].stem.size() < 2 ||
      !HasLetter(stemmed[0].stem)) {
    return FeatureContext::kNoTerm;
  }
  const uint32_t t = dictionary->Intern(stemmed[0].stem);
  if (t >= context->term_label.size()) {
    std::string_view label = word;
    if (label.size() > 2 && label.ends_with("'s")) label.remove_suffix(2);
    context->term_label.resize(t + 1);
    context->term_label[t] = label;
  }
  return t;
}

// What `token`'s form stands for, found once per distinct form.
const FeatureContext::Form& FormOf(const Token& token, TermDictionary* dictionary,
                                   FeatureContext* context) {
  const uint32_t id = context->forms.Intern(token.norm);
  if (id < context->form.size()) return context->form[id];
  // First sight of this form: a number, or stemmed the one shared way. A
  // hyphenated compound stays one term ("gun-violence"): split into its parts
  // it made the cosine rule measurably worse on Multi-News 200 (ARI 0.659
  // against 0.667).
  FeatureContext::Form form;
  if (const std::string key = NumberKey(token.norm); !key.empty()) {
    form.number = dictionary->Intern(key);
    if (form.number >= context->term_label.size()) {
      context->term_label.resize(form.number + 1);
      context->term_label[form.number] = key;
    }
  } else {
    form.term = StemTerm(token.norm, dictionary, context);
  }
  context->form.push_back(form);
  return context->form.back();
}

// Counted occurrences -> (id, 1 + ln(count)), sorted by id.
TermVector LogCounts(std::vector<uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  TermVector out;
  for (size_t i = 0; i < ids.size();) {
    size_t j = i;
    while (j < ids.size() && ids[j] == ids[i]) ++j;
    out.emplace_back(ids[i], static_cast<float>(1.0 + std::log(static_cast<double>(j - i))));
    i = j;
  }
  return out;
}

// The bags one piece of text (title or body) adds to.
struct Bags {
  std::vector<uint32_t> headline, names, numbers;
};

// Adds `tokens` (of `text`) to the weighted counts and the bags. Tokens before
// `headline_end` belong to the headline; capitals mark names only when
// `names_from_capitals` and outside Title Case lines.
void AddTokens(const std::vector<Token>& tokens, std::string_view text, double base,
               double name_weight, size_t headline_end, TermDictionary* dictionary,
               FeatureContext* context, Bags* bags) {
  const std::vector<bool> title_case = TitleCaseLines(tokens, text);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.stopword) continue;
    const FeatureContext::Form form = FormOf(t, dictionary, context);
    if (form.number != FeatureContext::kNoTerm) bags->numbers.push_back(form.number);
    const bool name = t.capitalized && !OpensSentence(text, t.begin);
    const double w = name ? base * name_weight : base;
    const uint32_t id = form.term;
    if (id == FeatureContext::kNoTerm) continue;
    if (i < headline_end) bags->headline.push_back(id);
    if (name && !title_case[i]) bags->names.push_back(id);
    if (id >= context->count.size()) {
      context->count.resize(std::max<size_t>(id + 1, context->count.size() * 2), 0);
    }
    if (context->count[id] == 0) context->touched.push_back(id);
    context->count[id] += w;
  }
}

std::vector<uint32_t> ShingleSignature(const std::vector<Token>& body, uint32_t min_shingles) {
  if (body.size() < kShingleWords || body.size() - kShingleWords + 1 < min_shingles) return {};
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
  return MinHashSignature(shingles);
}

}  // namespace

ArticleFeatures ComputeArticleFeatures(const Document& article, const FeatureWeights& weights,
                                       TermDictionary* dictionary, FeatureContext* context) {
  const TokenScope scope;  // the token views live until their terms are copied out
  const std::vector<Token> title = context->surface_tokenizer.Tokenize(article.title);
  const std::vector<Token> body = context->surface_tokenizer.Tokenize(article.text);

  context->touched.clear();
  Bags bags;
  // Capitals in a title are names only past its first word, as in a sentence.
  AddTokens(title, article.title, weights.title, 1.0, title.size(), dictionary, context, &bags);
  const size_t opening = title.empty() ? OpeningLength(body, article.text) : 0;
  AddTokens(body, article.text, 1.0, weights.name, opening, dictionary, context, &bags);

  ArticleFeatures features;
  features.terms.reserve(context->touched.size());
  for (uint32_t id : context->touched) {
    const double count = context->count[id];
    context->count[id] = 0;
    features.terms.emplace_back(id, static_cast<float>(1.0 + std::log(std::max(count, 1.0))));
  }
  std::sort(features.terms.begin(), features.terms.end());
  features.headline = LogCounts(bags.headline);
  features.names = LogCounts(bags.names);
  features.numbers = LogCounts(bags.numbers);
  features.words = static_cast<uint32_t>(title.size() + body.size());
  features.minhash = ShingleSignature(body, weights.min_duplicate_shingles);
  return features;
}

}  // namespace chorus
