// N-gram and skip-bigram statistics of ROUGE-1.5.5 (createNGram,
// createSkipBigram, ngramScore), on interned token ids.
//
// Grams are packed integer keys: token ids as (id + 1) in 32-bit lanes, 0
// marking an unused lane, so a unigram never equals a bigram (the script's
// keys "a" / "a b"). Unigrams, bigrams and skip-bigrams fit a uint64_t; 3-
// and 4-grams a 128-bit key. A summary's grams are counted in a flat
// open-addressing table (GramCounts) that keeps its memory between
// summaries; clipped hits are the sum over the model's distinct grams of
// min(count in model, count in peer), the script's ngramScore.
#ifndef CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_
#define CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace chorus::rouge {

using GramKey64 = uint64_t;
using GramKey128 = unsigned __int128;

// Multiset of gram keys. Key 0 is reserved (never produced: lanes are id + 1).
template <typename Key>
class GramCounts {
 public:
  // Empties the table, ready for up to `max_grams` additions.
  void Reset(size_t max_grams) {
    for (uint32_t slot : used_) keys_[slot] = 0;
    used_.clear();
    total_ = 0;
    size_t capacity = 16;
    while (capacity < 2 * max_grams) capacity *= 2;
    if (capacity > keys_.size()) {
      keys_.assign(capacity, 0);
      counts_.assign(capacity, 0);
    }
    mask_ = keys_.size() - 1;
  }

  void Add(Key key) {
    size_t slot = Hash(key) & mask_;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask_;
    if (keys_[slot] == 0) {
      keys_[slot] = key;
      counts_[slot] = 0;
      used_.push_back(static_cast<uint32_t>(slot));
    }
    ++counts_[slot];
    ++total_;
  }

  int32_t Count(Key key) const {
    size_t slot = Hash(key) & mask_;
    while (keys_[slot] != 0) {
      if (keys_[slot] == key) return counts_[slot];
      slot = (slot + 1) & mask_;
    }
    return 0;
  }

  // Number of grams added (the script's "_cn_").
  int64_t total() const { return total_; }
  size_t distinct() const { return used_.size(); }

  // Sum over this table's distinct keys of min(count here, count in `peer`).
  int64_t ClippedHits(const GramCounts& peer) const {
    int64_t hits = 0;
    for (uint32_t slot : used_) hits += std::min(counts_[slot], peer.Count(keys_[slot]));
    return hits;
  }

 private:
  static size_t Hash(Key key) {
    uint64_t x = static_cast<uint64_t>(key);
    if constexpr (sizeof(Key) > 8) x ^= static_cast<uint64_t>(key >> 64) * 0xC2B2AE3D27D4EB4FULL;
    x *= 0x9E3779B97F4A7C15ULL;
    return static_cast<size_t>(x ^ (x >> 29));
  }

  std::vector<Key> keys_;
  std::vector<int32_t> counts_;
  std::vector<uint32_t> used_;  // occupied slots, to reset and iterate cheaply
  size_t mask_ = 0;
  int64_t total_ = 0;
};

// The n-grams (n = 1 or 2) of `tokens`; max(0, size - n + 1) of them.
void CollectNgrams(std::span<const uint32_t> tokens, int n, GramCounts<GramKey64>* out);
// The same for n = 1..4 with 128-bit keys.
void CollectNgrams(std::span<const uint32_t> tokens, int n, GramCounts<GramKey128>* out);

// The script's createSkipBigram: for every position i except the LAST one
// (its loop runs i < $#tokens), the unigram at i when `with_unigrams`, then
// the pairs (i, j) for i < j <= i + max_gap + 1 (max_gap < 0: every j > i).
void CollectSkipBigrams(std::span<const uint32_t> tokens, int max_gap, bool with_unigrams,
                        GramCounts<GramKey64>* out);

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_
