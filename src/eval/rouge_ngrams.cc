#include "eval/rouge_ngrams.h"

#include <algorithm>
#include <cstddef>

namespace chorus::rouge {
namespace {

uint64_t Lane(uint32_t id) { return static_cast<uint64_t>(id) + 1; }

GramKey Unigram(uint32_t a) { return GramKey{Lane(a) << 32, 0}; }
GramKey Bigram(uint32_t a, uint32_t b) { return GramKey{(Lane(a) << 32) | Lane(b), 0}; }

}  // namespace

void CollectNgrams(std::span<const uint32_t> tokens, int n, std::vector<GramKey>* out) {
  out->clear();
  const auto size = static_cast<ptrdiff_t>(tokens.size());
  for (ptrdiff_t i = 0; i + n <= size; ++i) {
    GramKey key;
    key.high = Lane(tokens[i]) << 32;
    if (n >= 2) key.high |= Lane(tokens[i + 1]);
    if (n >= 3) key.low = Lane(tokens[i + 2]) << 32;
    if (n >= 4) key.low |= Lane(tokens[i + 3]);
    out->push_back(key);
  }
  std::sort(out->begin(), out->end());
}

void CollectSkipBigrams(std::span<const uint32_t> tokens, int max_gap, bool with_unigrams,
                        std::vector<GramKey>* out) {
  out->clear();
  const size_t size = tokens.size();
  for (size_t i = 0; i + 1 < size; ++i) {
    if (with_unigrams) out->push_back(Unigram(tokens[i]));
    size_t last = size - 1;
    if (max_gap >= 0) last = std::min(last, i + static_cast<size_t>(max_gap) + 1);
    for (size_t j = i + 1; j <= last; ++j) out->push_back(Bigram(tokens[i], tokens[j]));
  }
  std::sort(out->begin(), out->end());
}

int64_t ClippedHits(std::span<const GramKey> model, std::span<const GramKey> peer) {
  int64_t hits = 0;
  size_t m = 0;
  size_t p = 0;
  while (m < model.size() && p < peer.size()) {
    if (model[m] < peer[p]) {
      ++m;
    } else if (peer[p] < model[m]) {
      ++p;
    } else {
      const GramKey key = model[m];
      int64_t in_model = 0;
      int64_t in_peer = 0;
      while (m < model.size() && model[m] == key) ++m, ++in_model;
      while (p < peer.size() && peer[p] == key) ++p, ++in_peer;
      hits += std::min(in_model, in_peer);
    }
  }
  return hits;
}

}  // namespace chorus::rouge
