// N-gram and skip-bigram statistics of ROUGE-1.5.5 (createNGram,
// createSkipBigram, ngramScore), on interned token ids.
//
// A summary's grams are kept as a sorted vector of packed keys: summaries
// are short (100-300 tokens), so sorting once and merging two sorted vectors
// is faster than hashing and allocates nothing once the buffers are warm.
// Clipped hits are sum over distinct grams of min(count in model, count in
// peer), the script's ngramScore.
#ifndef CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_
#define CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_

#include <compare>
#include <cstdint>
#include <span>
#include <vector>

namespace chorus::rouge {

// Up to four token ids packed as (id + 1) in 32-bit lanes; 0 marks an unused
// lane, so a unigram never equals a bigram (the script's keys "a" vs "a b").
struct GramKey {
  uint64_t high = 0;  // lanes 0 and 1
  uint64_t low = 0;   // lanes 2 and 3
  auto operator<=>(const GramKey&) const = default;
};

// The n-grams (n = 1..4) of `tokens`, sorted. There are
// max(0, size - n + 1) of them.
void CollectNgrams(std::span<const uint32_t> tokens, int n, std::vector<GramKey>* out);

// The script's createSkipBigram, sorted: for every position i except the
// LAST one (its loop runs i < $#tokens), the unigram at i when
// `with_unigrams`, then the pairs (i, j) for i < j <= i + max_gap + 1
// (max_gap < 0: every j > i).
void CollectSkipBigrams(std::span<const uint32_t> tokens, int max_gap, bool with_unigrams,
                        std::vector<GramKey>* out);

// Sum over distinct keys of min(multiplicity in model, multiplicity in peer),
// for two sorted vectors.
int64_t ClippedHits(std::span<const GramKey> model, std::span<const GramKey> peer);

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_
