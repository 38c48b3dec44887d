#include "represent/claim_profile.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/hashing.h"
#include "represent/synonyms.h"
#include "represent/word_vectors.h"

namespace chorus::represent {
namespace {

uint64_t HashIds(std::span<const uint32_t> ids) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ ids.size();
  for (uint32_t id : ids) h = Mix64(h ^ id) + 0x9e3779b97f4a7c15ULL;
  return h;
}

std::vector<uint64_t> SortedNgrams(const std::vector<uint32_t>& ids, size_t n) {
  std::vector<uint64_t> out;
  if (ids.size() >= n) out.reserve(ids.size() - n + 1);
  for (size_t i = 0; i + n <= ids.size(); ++i) out.push_back(HashIds({ids.data() + i, n}));
  std::sort(out.begin(), out.end());
  return out;
}

// Character n-grams (n <= 5) packed into integers: the bytes themselves, no
// hashing, no collisions. Sorted by their n bytes, least significant first
// (a radix sort: a sentence has a few hundred of them, and every sentence of
// a cluster is profiled, where std::sort was a tenth of compare's time).
std::vector<uint64_t> SortedCharNgrams(std::string_view text, size_t n) {
  std::vector<uint64_t> out;
  if (text.size() < n) return out;
  out.reserve(text.size() - n + 1);
  uint64_t window = 0;
  const uint64_t mask = (uint64_t{1} << (8 * n)) - 1;
  for (size_t i = 0; i < text.size(); ++i) {
    window = ((window << 8) | static_cast<unsigned char>(text[i])) & mask;
    if (i + 1 >= n) out.push_back(window);
  }
  std::vector<uint64_t> buffer(out.size());
  for (size_t byte = 0; byte < n; ++byte) {
    const unsigned shift = static_cast<unsigned>(8 * byte);
    std::array<uint32_t, 257> start{};
    for (uint64_t x : out) ++start[((x >> shift) & 0xff) + 1];
    for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    for (uint64_t x : out) buffer[start[(x >> shift) & 0xff]++] = x;
    out.swap(buffer);
  }
  return out;
}

// The character n-grams of `text`, sorted, from its sorted longer ones (of
// `longer_n` bytes): every n-gram but the last few begins a longer one, and
// dropping a longer one's last bytes keeps the order.
std::vector<uint64_t> SortedShorterCharNgrams(std::string_view text,
                                              const std::vector<uint64_t>& longer, size_t longer_n,
                                              size_t n) {
  if (text.size() < n) return {};
  std::vector<uint64_t> out;
  out.reserve(longer.size() + longer_n - n);
  const unsigned shift = static_cast<unsigned>(8 * (longer_n - n));
  for (uint64_t x : longer) out.push_back(x >> shift);
  const size_t first = text.size() >= longer_n ? text.size() - longer_n + 1 : 0;
  for (size_t start = first; start + n <= text.size(); ++start) {
    uint64_t gram = 0;
    for (size_t i = start; i < start + n; ++i)
      gram = (gram << 8) | static_cast<unsigned char>(text[i]);
    out.insert(std::upper_bound(out.begin(), out.end(), gram), gram);
  }
  return out;
}

bool IsNegation(std::string_view norm) {
  static constexpr std::string_view kWords[] = {"not",  "no",     "never",   "nor",   "neither",
                                                "none", "nobody", "nothing", "cannot"};
  if (std::find(std::begin(kWords), std::end(kWords), norm) != std::end(kWords)) return true;
  return norm.ends_with("n't") || norm.ends_with("n\u2019t");
}

}  // namespace

size_t ContentVectorStride() { return (WordVectors::Default().dims() + 7) / 8 * 8; }

std::string NormalizeNumber(std::string_view norm, bool numeric) {
  if (!numeric) {
    static constexpr std::string_view kWords[] = {"two",   "three", "four", "five", "six",
                                                  "seven", "eight", "nine", "ten"};
    for (size_t k = 0; k < std::size(kWords); ++k) {
      if (norm == kWords[k]) return std::to_string(k + 2);
    }
    return {};
  }
  // A number glued to its unit is the number: "33-page", "4.5-inch",
  // "10-million", "40gb" state 33, 4.5, 10 and 40 ("3-2", "9/11" stay whole).
  std::string out;
  for (size_t i = 0; i < norm.size(); ++i) {
    const char c = norm[i];
    if (c == ',') continue;
    const bool letter_follows =
        i + 1 < norm.size() && std::isalpha(static_cast<unsigned char>(norm[i + 1]));
    if (!out.empty() &&
        (std::isalpha(static_cast<unsigned char>(c)) || (c == '-' && letter_follows)))
      break;
    out.push_back(c);
  }
  return out;
}

namespace {

bool IsContent(const Token& t) { return !t.stopword && !t.numeric && !t.stem.empty(); }

// Stem id of the nearest content word within two tokens of `i` in direction
// `step` (stopping at another number), or 0.
uint32_t NeighbourStem(std::span<const Token> tokens, size_t i, int step) {
  for (int k = 1; k <= 2; ++k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + step * k;
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(tokens.size())) return 0;
    const Token& t = tokens[static_cast<size_t>(j)];
    if (t.numeric) return 0;
    if (IsContent(t)) return t.stem_id;
  }
  return 0;
}

// What a negation at `i` negates: the first content word within three tokens.
uint32_t NegatedStem(std::span<const Token> tokens, size_t i) {
  for (size_t j = i + 1; j < tokens.size() && j <= i + 3; ++j) {
    if (IsContent(tokens[j])) return tokens[j].stem_id;
  }
  return 0;
}

void AddVectors(ClaimProfile& p) {
  const WordVectors& vectors = WordVectors::Default();
  if (vectors.dims() == 0) return;
  const size_t words = std::min(p.content.size(), kMaxProfileTokens);
  const size_t stride = ContentVectorStride();
  p.content_vectors.assign(words * stride, 0);
  p.content_inverse_norms.assign(words, 0.0f);
  for (size_t i = 0; i < words; ++i) {
    const uint32_t row = p.content[i].vector_row;
    if (row == WordVectors::kUnknown) continue;
    std::copy_n(vectors.Row(row), vectors.dims(),
                p.content_vectors.begin() + static_cast<std::ptrdiff_t>(i * stride));
    p.content_inverse_norms[i] = vectors.InverseNorm(row);
  }
  p.mean_vector.assign(vectors.dims(), 0.0f);
  for (const ContentWord& w : p.content) {
    if (w.vector_row == WordVectors::kUnknown) continue;
    for (uint32_t k = 0; k < vectors.dims(); ++k) {
      p.mean_vector[k] += w.weight * vectors.Component(w.vector_row, k);
    }
  }
}

void SortUnique(auto& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

namespace {

// Adds what the matcher's rules read of tokens[i] (a negation, a number with
// its slot) to `p`; true when the token is a number.
bool AddRuleParts(std::span<const Token> tokens, size_t i, ClaimProfile* p) {
  const Token& t = tokens[i];
  if (IsNegation(t.norm)) {
    ++p->negations;
    if (const uint32_t negated = NegatedStem(tokens, i)) p->negated.push_back(negated);
  }
  std::string number = NormalizeNumber(t.norm, t.numeric);
  if (number.empty()) return false;
  p->numbers.push_back(number);
  p->number_slots.push_back(
      {std::move(number), NeighbourStem(tokens, i, -1), NeighbourStem(tokens, i, +1)});
  return true;
}

}  // namespace

ClaimProfile ProfileRules(std::span<const Token> tokens) {
  ClaimProfile p;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!AddRuleParts(tokens, i, &p) && IsContent(tokens[i]))
      p.content_stems.push_back(tokens[i].stem_id);
  }
  SortUnique(p.numbers);
  SortUnique(p.content_stems);
  return p;
}

namespace {

// Whether a token is a word the learned term weights weigh.
bool IsTerm(const Token& t) {
  return std::any_of(t.stem.begin(), t.stem.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

// The sentence's terms (ids and texts), sorted by id, each once, weighed by
// weight_of(i) for a term first seen at tokens[i].
template <typename WeightOf>
void AddTerms(std::span<const Token> tokens, const WeightOf& weight_of, ClaimProfile& p) {
  std::vector<std::pair<uint32_t, uint32_t>> terms;  // (stem id, token)
  terms.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (IsTerm(tokens[i])) terms.emplace_back(tokens[i].stem_id, static_cast<uint32_t>(i));
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end(),
                          [](const auto& x, const auto& y) { return x.first == y.first; }),
              terms.end());
  for (const auto& [id, i] : terms) {
    p.terms.push_back(id);
    p.term_texts.push_back(tokens[i].stem);
    p.term_weights.push_back(weight_of(i));
  }
}

// Everything of a profile but its terms.
ClaimProfile ProfileWords(std::span<const Token> tokens) {
  const WordVectors& vectors = WordVectors::Default();
  const Synonyms& synonyms = Synonyms::Default();
  ClaimProfile p;
  p.norms.reserve(tokens.size());
  p.stems.reserve(tokens.size());
  std::string chars = " ", content_chars = " ";
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    p.norms.push_back(t.norm_id);
    p.stems.push_back(t.stem_id);
    chars.append(t.norm).push_back(' ');
    if (!AddRuleParts(tokens, i, &p) && IsContent(t)) {
      ContentWord w;
      w.stem_id = t.stem_id;
      w.stem = t.stem;
      w.vector_row = vectors.Find(t.norm);
      if (w.vector_row == WordVectors::kUnknown) w.vector_row = vectors.Find(t.stem);
      w.weight = static_cast<float>(vectors.Weight(w.vector_row));
      w.capitalized = t.capitalized;
      w.synonym_sets = synonyms.SetsOf(t.stem);
      if (w.synonym_sets != nullptr) {
        for (uint32_t set : *w.synonym_sets) w.synonym_bits |= uint64_t{1} << (set % 64);
      }
      p.content.push_back(w);
      p.content_stems.push_back(t.stem_id);
      content_chars.append(t.norm).push_back(' ');
    }
  }
  for (size_t n = 1; n <= 4; ++n) p.word_ngrams[n - 1] = SortedNgrams(p.norms, n);
  for (size_t n = 1; n <= 3; ++n) p.stem_ngrams[n - 1] = SortedNgrams(p.stems, n);
  p.char_ngrams[1] = SortedCharNgrams(chars, 4);
  p.char_ngrams[0] = SortedShorterCharNgrams(chars, p.char_ngrams[1], 4, 3);
  p.content_char_ngrams[2] = SortedCharNgrams(content_chars, 5);
  for (size_t n = 3; n <= 4; ++n) {
    p.content_char_ngrams[n - 3] =
        SortedShorterCharNgrams(content_chars, p.content_char_ngrams[2], 5, n);
  }
  SortUnique(p.numbers);
  SortUnique(p.content_stems);
  AddVectors(p);
  p.norm_positions = PositionMasks(FirstProfileTokens(p.norms));
  p.stem_positions = PositionMasks(FirstProfileTokens(p.stems));
  return p;
}

}  // namespace

void WeighStems(const ClaimTermWeights& weights, ClaimProfile* profile) {
  profile->term_weights.clear();
  for (std::string_view stem : profile->term_texts)
    profile->term_weights.push_back(weights.Of(stem));
}

ClaimProfile ProfileSentence(std::span<const Token> tokens, const ClaimTermWeights& weights) {
  ClaimProfile p = ProfileWords(tokens);
  AddTerms(
      tokens, [&](size_t i) { return weights.Of(tokens[i].stem); }, p);
  return p;
}

std::vector<float> WeighTerms(const TermIndex& index, const ClaimTermWeights& weights) {
  std::vector<float> term_weights(index.size());
  for (size_t t = 0; t < index.size(); ++t) term_weights[t] = weights.Of(index.text[t]);
  return term_weights;
}

ClaimProfile ProfileSentence(std::span<const Token> tokens, std::span<const uint32_t> token_terms,
                             std::span<const float> term_weights) {
  ClaimProfile p = ProfileWords(tokens);
  AddTerms(
      tokens, [&](size_t i) { return term_weights[token_terms[i]]; }, p);
  return p;
}

}  // namespace chorus::represent
