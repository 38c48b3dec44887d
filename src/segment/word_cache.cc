#include "segment/word_cache.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "base/hashing.h"

namespace chorus::segment {
namespace {

constexpr size_t kInitialSlots = 1 << 12;

}  // namespace

WordCache::WordCache() : slots_(kInitialSlots, 0), mask_(kInitialSlots - 1) {
  entries_.reserve(kInitialSlots / 2);
}

void WordCache::Clear() {
  entries_.clear();
  std::fill(slots_.begin(), slots_.end(), 0);
}

WordEntry* WordCache::Insert(WordEntry entry) {
  if (entries_.size() >= kMaxEntries) Clear();
  if ((entries_.size() + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
  const uint64_t h = Hash(entry.surface);
  size_t i = h & mask_;
  while (slots_[i] != 0) i = (i + 1) & mask_;
  entries_.push_back(std::move(entry));
  slots_[i] = ((h >> 32) << 32) | entries_.size();
  return &entries_.back();
}

void WordCache::Rehash(size_t slot_count) {
  slots_.assign(slot_count, 0);
  mask_ = slot_count - 1;
  for (size_t k = 0; k < entries_.size(); ++k) {
    const uint64_t h = Hash(entries_[k].surface);
    size_t i = h & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = ((h >> 32) << 32) | (k + 1);
  }
}

}  // namespace chorus::segment
