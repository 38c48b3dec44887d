// Claim profile: what the claim features (represent/claim_features.h) read
// of one tokenized sentence, digested once so that scoring many candidate
// pairs of a cluster costs only the pair features: word, stem and character
// n-gram hashes, content words with their vector rows, synonym sets and
// information weights, numbers with their slots, negations, and the
// sentence's terms weighed by learned term weights (TF-KLD,
// represent/claim_term_weights.h).
//
// Contract: a profile depends only on the tokens and the weights (the two
// ProfileSentence overloads give the same profile for the same weights);
// ProfileRules fills only what the matcher's rules read. Sentences longer
// than kMaxProfileTokens keep all tokens, but the parts the costly pair
// features read are cut there.
//
// Thread safety: pure functions over immutable data.
#ifndef CHORUS_REPRESENT_CLAIM_PROFILE_H_
#define CHORUS_REPRESENT_CLAIM_PROFILE_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/term_index.h"
#include "chorus/tokenizer.h"
#include "represent/claim_term_weights.h"
#include "represent/sequence_distances.h"

namespace chorus::represent {

struct ContentWord {
  uint32_t stem_id = 0;
  std::string_view stem;
  uint32_t vector_row = UINT32_MAX;                     // WordVectors row, or WordVectors::kUnknown
  const std::vector<uint32_t>* synonym_sets = nullptr;  // Synonyms::SetsOf(stem)
  // Bit (id mod 64) of each of its synonym sets: two words whose bits do not
  // meet share no set, which settles most pairs without comparing the lists.
  uint64_t synonym_bits = 0;
  float weight = 0;  // information weight
  bool capitalized = false;
};

// A number with the content words beside it ("killed 12 people": killed,
// people), which tell whether two different numbers fill the same slot.
struct NumberSlot {
  std::string value;   // NormalizeNumber form
  uint32_t left = 0;   // stem id of the nearest content word before (0: none)
  uint32_t right = 0;  // ... and after, within two tokens
};

struct ClaimProfile {
  std::vector<uint32_t> norms;           // norm id per token, in order
  std::vector<uint32_t> stems;           // stem id per token, in order
  std::vector<uint64_t> word_ngrams[4];  // sorted hashes of word 1..4-grams
  std::vector<uint64_t> stem_ngrams[3];  // sorted hashes of stem 1..3-grams
  std::vector<uint64_t> char_ngrams[2];  // sorted hashes of character 3- and 4-grams
  // Sorted character 3-, 4- and 5-grams of the content words alone (names
  // spelled or inflected differently still share most of them).
  std::vector<uint64_t> content_char_ngrams[3];
  std::vector<ContentWord> content;      // non-stopword, non-numeric words
  std::vector<std::string> numbers;      // normalised numbers, sorted, unique
  std::vector<NumberSlot> number_slots;  // every number with its neighbours
  uint32_t negations = 0;                // "not", "never", "n't", ...
  std::vector<uint32_t> negated;         // stem ids of content words right after a negation
  std::vector<uint32_t> content_stems;   // stem ids of content words, sorted, unique
  // Stem ids of the words (tokens with a letter or digit, stopwords too:
  // the learned weights tell which matter), sorted, unique; and aligned with
  // them, each stem's text and learned term weight (WeighStems).
  std::vector<uint32_t> terms;
  std::vector<std::string_view> term_texts;
  std::vector<float> term_weights;
  std::vector<float> mean_vector;  // information-weighted mean of content word vectors
  // Per content word (first kMaxProfileTokens): its vector's components,
  // contiguous (dims() rounded up to a multiple of 8 each, zero-padded;
  // zeros when unknown), and
  // 1 / norm. Widened to 16 bits so the pair's dot products multiply-add
  // eight components per instruction.
  std::vector<int16_t> content_vectors;
  std::vector<float> content_inverse_norms;
  // Where each norm and stem occurs among the first kMaxProfileTokens tokens
  // (edit distance and common subsequence of a pair read them).
  PositionMasks norm_positions, stem_positions;
};

// Sequences longer than this many tokens are cut for the pair features that
// cost |a| x |b| (alignment, edit distance, LCS), so a hostile 100k-word
// "sentence" costs no more than a long real one.
inline constexpr size_t kMaxProfileTokens = PositionMasks::kMaxLength;

// The first kMaxProfileTokens of a profile's norm or stem ids: the part the
// pair features that cost |a| x |b| read.
inline std::span<const uint32_t> FirstProfileTokens(const std::vector<uint32_t>& ids) {
  return {ids.data(), std::min(ids.size(), kMaxProfileTokens)};
}

// Components per content word in ClaimProfile::content_vectors: whole
// groups of eight 16-bit lanes, so the dot product needs no tail loop.
size_t ContentVectorStride();

// `weights` weigh the profile's terms (the claim model's own: ClaimModel::
// term_weights()).
ClaimProfile ProfileSentence(std::span<const Token> tokens, const ClaimTermWeights& weights);
// The learned weight of each term of a cluster (TermIndex ids: weights.Of(
// index.text[t])), looked up once per cluster so that profiling its
// sentences hashes no stem text.
std::vector<float> WeighTerms(const TermIndex& index, const ClaimTermWeights& weights);
// The same profile as ProfileSentence(tokens, weights), the weights read
// from a cluster's: token_terms[i] is the term of tokens[i]
// (TermIndex::Terms, same size as tokens), term_weights from WeighTerms.
ClaimProfile ProfileSentence(std::span<const Token> tokens, std::span<const uint32_t> token_terms,
                             std::span<const float> term_weights);
// (Re)weighs a profile's terms: a trainer weighs the same sentences with
// each fold's weights.
void WeighStems(const ClaimTermWeights& weights, ClaimProfile* profile);
// Only the parts NumbersConflict and NegationDiffers read (numbers and their
// slots, negations, content stems), at a fraction of ProfileSentence's cost.
ClaimProfile ProfileRules(std::span<const Token> tokens);

// Normalised form of a number word or numeric token ("5,000" -> "5000",
// "two" -> "2", "33-page" -> "33"), or empty when the token is not a number.
std::string NormalizeNumber(std::string_view norm, bool numeric);

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_CLAIM_PROFILE_H_
