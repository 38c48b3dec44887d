#include "eval/rouge_ngrams.h"

#include <algorithm>
#include <cstddef>

namespace chorus::rouge {
namespace {

uint64_t Lane(uint32_t id) { return static_cast<uint64_t>(id) + 1; }

size_t GramCount(size_t tokens, int n) {
  return tokens >= static_cast<size_t>(n) ? tokens - static_cast<size_t>(n) + 1 : 0;
}

}  // namespace

void CollectNgrams(std::span<const uint32_t> tokens, int n, GramCounts<GramKey64>* out) {
  const size_t count = GramCount(tokens.size(), n);
  out->Reset(count);
  for (size_t i = 0; i < count; ++i) {
    GramKey64 key = Lane(tokens[i]) << 32;
    if (n >= 2) key |= Lane(tokens[i + 1]);
    out->Add(key);
  }
}

void CollectNgrams(std::span<const uint32_t> tokens, int n, GramCounts<GramKey128>* out) {
  const size_t count = GramCount(tokens.size(), n);
  out->Reset(count);
  for (size_t i = 0; i < count; ++i) {
    GramKey128 key = static_cast<GramKey128>(Lane(tokens[i])) << 96;
    if (n >= 2) key |= static_cast<GramKey128>(Lane(tokens[i + 1])) << 64;
    if (n >= 3) key |= static_cast<GramKey128>(Lane(tokens[i + 2])) << 32;
    if (n >= 4) key |= static_cast<GramKey128>(Lane(tokens[i + 3]));
    out->Add(key);
  }
}

void CollectSkipBigrams(std::span<const uint32_t> tokens, int max_gap, bool with_unigrams,
                        GramCounts<GramKey64>* out) {
  const size_t size = tokens.size();
  const size_t span = max_gap >= 0 ? static_cast<size_t>(max_gap) + 1 : size;
  out->Reset(size * (std::min(span, size) + 1));
  for (size_t i = 0; i + 1 < size; ++i) {
    const uint64_t first = Lane(tokens[i]) << 32;
    if (with_unigrams) out->Add(first);
    size_t last = size - 1;
    if (max_gap >= 0) last = std::min(last, i + static_cast<size_t>(max_gap) + 1);
    for (size_t j = i + 1; j <= last; ++j) out->Add(first | Lane(tokens[j]));
  }
}

}  // namespace chorus::rouge
