// N-gram and skip-bigram statistics of ROUGE-1.5.5 (createNGram,
// createSkipBigram, ngramScore), on interned token ids.
//
// Grams are packed integer keys: token ids as (id + 1) in 32-bit lanes, 0
// marking an unused lane, so a unigram never equals a bigram (the script's
// keys "a" / "a b"). Unigrams, bigrams and skip-bigrams fit a uint64_t; 3-
// and 4-grams a 128-bit key.
//
// A topic's models are indexed once (TopicGrams): every distinct gram of any
// model gets a dense slot holding its count in each model. A peer is then
// scored by one table probe per peer gram, and each model's clipped hits,
// sum over grams of min(count in model, count in peer) as in the script's
// ngramScore, are summed over the slots the peer touched. With 13-35 peers
// per topic this does a quarter of the probes of per-model tables.
#ifndef CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_
#define CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace chorus::rouge {

using GramKey64 = uint64_t;
using GramKey128 = unsigned __int128;

inline uint64_t GramLane(uint32_t id) { return static_cast<uint64_t>(id) + 1; }

// Calls f(key) for each n-gram (n = 1 or 2) of `tokens`.
template <typename F>
void ForEachNgram(std::span<const uint32_t> tokens, int n, GramKey64 /*tag*/, F&& f) {
  for (size_t i = 0; i + static_cast<size_t>(n) <= tokens.size(); ++i) {
    GramKey64 key = GramLane(tokens[i]) << 32;
    if (n >= 2) key |= GramLane(tokens[i + 1]);
    f(key);
  }
}

// Calls f(key) for each n-gram (n = 1..4) of `tokens`, 128-bit keys.
template <typename F>
void ForEachNgram(std::span<const uint32_t> tokens, int n, GramKey128 /*tag*/, F&& f) {
  for (size_t i = 0; i + static_cast<size_t>(n) <= tokens.size(); ++i) {
    GramKey128 key = static_cast<GramKey128>(GramLane(tokens[i])) << 96;
    if (n >= 2) key |= static_cast<GramKey128>(GramLane(tokens[i + 1])) << 64;
    if (n >= 3) key |= static_cast<GramKey128>(GramLane(tokens[i + 2])) << 32;
    if (n >= 4) key |= static_cast<GramKey128>(GramLane(tokens[i + 3]));
    f(key);
  }
}

// The script's createSkipBigram: for every position i except the LAST one
// (its loop runs i < $#tokens), the unigram at i when `with_unigrams`, then
// the pairs (i, j) for i < j <= i + max_gap + 1 (max_gap < 0: every j > i).
template <typename F>
void ForEachSkipBigram(std::span<const uint32_t> tokens, int max_gap, bool with_unigrams, F&& f) {
  const size_t size = tokens.size();
  for (size_t i = 0; i + 1 < size; ++i) {
    const uint64_t first = GramLane(tokens[i]) << 32;
    if (with_unigrams) f(first);
    size_t last = size - 1;
    if (max_gap >= 0) last = std::min(last, i + static_cast<size_t>(max_gap) + 1);
    for (size_t j = i + 1; j <= last; ++j) f(first | GramLane(tokens[j]));
  }
}

// The grams of one topic's models, and the clipped hits of a peer against
// each of them. Keeps its memory between topics. Not thread-safe.
template <typename Key>
class TopicGrams {
 public:
  // Starts a topic with `models` models.
  void Reset(size_t models) {
    for (uint32_t slot : used_) slots_[slot].key = 0;
    used_.clear();
    models_ = models;
    counts_.clear();
    totals_.assign(models, 0);
    if (slots_.empty()) Grow(1024);
  }

  // Adds one occurrence of `key` to model `model` (< models).
  void AddModelGram(size_t model, Key key) {
    if (2 * (used_.size() + 1) > slots_.size()) Grow(slots_.size() * 2);
    size_t slot = Hash(key) & mask_;
    while (slots_[slot].key != 0 && slots_[slot].key != key) slot = (slot + 1) & mask_;
    if (slots_[slot].key == 0) {
      slots_[slot] = Slot{key, static_cast<uint32_t>(used_.size())};
      used_.push_back(static_cast<uint32_t>(slot));
      counts_.resize(counts_.size() + models_, 0);
    }
    ++counts_[slots_[slot].index * models_ + model];
    ++totals_[model];
  }

  // Number of grams of model `model` (the script's "_cn_").
  int64_t model_total(size_t model) const { return totals_[model]; }

  // Scores the peer whose grams `for_each_gram(f)` enumerates: sets
  // (*hits)[m] to its clipped hits against model m; returns the number of
  // peer grams.
  template <typename ForEachGram>
  int64_t ScorePeer(ForEachGram&& for_each_gram, std::vector<int64_t>* hits) {
    peer_counts_.resize(used_.size(), 0);
    int64_t peer_total = 0;
    for_each_gram([&](Key key) {
      ++peer_total;
      size_t slot = Hash(key) & mask_;
      while (slots_[slot].key != 0) {
        if (slots_[slot].key == key) {
          const uint32_t index = slots_[slot].index;
          if (peer_counts_[index]++ == 0) touched_.push_back(index);
          return;
        }
        slot = (slot + 1) & mask_;
      }
    });
    hits->assign(models_, 0);
    for (uint32_t index : touched_) {
      const int32_t in_peer = peer_counts_[index];
      const int32_t* in_models = &counts_[index * models_];
      for (size_t m = 0; m < models_; ++m) (*hits)[m] += std::min(in_models[m], in_peer);
      peer_counts_[index] = 0;
    }
    touched_.clear();
    return peer_total;
  }

 private:
  static size_t Hash(Key key) {
    uint64_t x = static_cast<uint64_t>(key);
    if constexpr (sizeof(Key) > 8) x ^= static_cast<uint64_t>(key >> 64) * 0xC2B2AE3D27D4EB4FULL;
    x *= 0x9E3779B97F4A7C15ULL;
    return static_cast<size_t>(x ^ (x >> 29));
  }

  // Key and dense index side by side: a probe touches one cache line.
  struct Slot {
    Key key = 0;  // 0: empty
    uint32_t index = 0;
  };

  void Grow(size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    mask_ = capacity - 1;
    for (uint32_t& slot : used_) {
      size_t s = Hash(old[slot].key) & mask_;
      while (slots_[s].key != 0) s = (s + 1) & mask_;
      slots_[s] = old[slot];
      slot = static_cast<uint32_t>(s);
    }
  }

  size_t models_ = 0;
  std::vector<Slot> slots_;     // open addressing
  std::vector<uint32_t> used_;  // occupied slots, in index order
  size_t mask_ = 0;
  std::vector<int32_t> counts_;       // [index * models + model]
  std::vector<int64_t> totals_;       // per model
  std::vector<int32_t> peer_counts_;  // [index], zero between calls
  std::vector<uint32_t> touched_;
};

}  // namespace chorus::rouge

#endif  // CHORUS_SRC_EVAL_ROUGE_NGRAMS_H_
