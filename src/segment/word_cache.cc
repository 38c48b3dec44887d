#include "segment/word_cache.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "base/hashing.h"

namespace chorus::segment {
namespace {

constexpr size_t kInitialSlots = 1 << 12;

// Up to 8 bytes as one integer (words are short: most fit in one or two).
uint64_t LoadShort(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t a = 0;
    uint32_t b = 0;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return (uint64_t{a} << 32) | b;
  }
  if (n == 0) return 0;
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint64_t{u[0]} << 16) | (uint64_t{u[n / 2]} << 8) | u[n - 1];
}

// Whether n bytes at a and b are equal. Words are short: overlapping 8- or
// 4-byte loads decide most in two compares, without a call to memcmp (which
// was a sixth of the tokenizer's time).
bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      uint64_t x = 0, y = 0;
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    uint64_t x = 0, y = 0;
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::memcpy(&x0, a, 4);
    std::memcpy(&y0, b, 4);
    std::memcpy(&x1, a + n - 4, 4);
    std::memcpy(&y1, b + n - 4, 4);
    return x0 == y0 && x1 == y1;
  }
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

WordCache::WordCache() : slots_(kInitialSlots, 0), mask_(kInitialSlots - 1) {
  entries_.reserve(kInitialSlots / 2);
}

uint64_t WordCache::Hash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ULL * (n + 1);
  while (n > 8) {
    uint64_t v = 0;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  return Mix64(h ^ LoadShort(p, n));
}

WordEntry* WordCache::Find(std::string_view surface) {
  const uint64_t h = Hash(surface);
  const uint64_t tag = h >> 32;
  for (size_t i = h & mask_;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return nullptr;
    if ((slot >> 32) == tag) {
      WordEntry& e = entries_[(slot & 0xffffffffULL) - 1];
      if (e.surface.size() == surface.size() &&
          SameBytes(e.surface.data(), surface.data(), surface.size())) {
        return &e;
      }
    }
  }
}

WordEntry* WordCache::Insert(WordEntry entry) {
  if (entries_.size() >= kMaxEntries) {
    entries_.clear();
    std::fill(slots_.begin(), slots_.end(), 0);
  }
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
