// WordCache: what the Tokenizer knows about a word, keyed by the word's exact
// surface bytes, so each distinct word is normalised, looked up in the
// stopword list and stemmed once.
//
// Everything a Token carries except its offsets is a function of its surface
// bytes ("US" and "us" are different keys, so the all-caps stopword rule and
// the capitalised flag can be cached too). News text repeats its words
// heavily: one lookup here replaces a normalisation, a stopword-set lookup and
// a stem-cache lookup per token.
//
//   WordCache& cache = ...;  // one per thread
//   WordEntry* e = cache.Find(surface);
//   if (e == nullptr) e = cache.Insert(surface, Analyse(surface));
//
// Open addressing with linear probing over a slot array of (hash tag, entry
// index) pairs, so a probe touches one 8-byte slot and one entry. The cache
// is bounded: past kMaxEntries it starts over, so memory stays bounded on an
// endless stream. Pointers returned by Find/Insert are valid until the next
// Insert.
//
// Thread safety: none; keep one per thread. Movable, not copyable (large).
#ifndef CHORUS_SRC_SEGMENT_WORD_CACHE_H_
#define CHORUS_SRC_SEGMENT_WORD_CACHE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/hashing.h"

namespace chorus::segment {

struct WordEntry {
  std::string surface;       // the key: the word's bytes as they appear in the text
  std::string_view norm;     // Token::norm (interned in the Vocabulary)
  std::string_view stem;     // Token::stem (interned), valid when `stemmed`
  uint32_t norm_id = 0;      // Token::norm_id
  uint32_t stem_id = 0;      // Token::stem_id, valid when `stemmed`
  bool stemmed = false;      // `stem` has been computed
  bool stopword = false;     // Token::stopword
  bool numeric = false;      // Token::numeric
  bool capitalized = false;  // Token::capitalized
};

class WordCache {
 public:
  WordCache();
  WordCache(const WordCache&) = delete;
  WordCache& operator=(const WordCache&) = delete;
  WordCache(WordCache&&) = default;
  WordCache& operator=(WordCache&&) = default;

  // The entry for `surface`, or nullptr.
  WordEntry* Find(std::string_view surface);

  // Adds `entry` (whose surface must not be in the cache yet) and returns it.
  WordEntry* Insert(WordEntry entry);

  size_t size() const { return entries_.size(); }

  // Empties the cache (its entries' views point into a vocabulary generation
  // the caller is leaving).
  void Clear();

  // Bound on the number of entries: past it, the cache is emptied.
  static constexpr size_t kMaxEntries = size_t{1} << 18;

 private:
  static uint64_t Hash(std::string_view s);
  void Rehash(size_t slot_count);

  std::vector<uint64_t> slots_;  // 0: empty; else (hash high 32 bits << 32) | (index + 1)
  std::vector<WordEntry> entries_;
  size_t mask_ = 0;  // slots_.size() - 1 (a power of two)
};

// Inline: the tokenizer calls Find once per token.
namespace word_cache_internal {

// Up to 8 bytes as one integer (words are short: most fit in one or two).
inline uint64_t LoadShort(const char* p, size_t n) {
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
inline bool SameBytes(const char* a, const char* b, size_t n) {
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

}  // namespace word_cache_internal

inline uint64_t WordCache::Hash(std::string_view s) {
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
  return Mix64(h ^ word_cache_internal::LoadShort(p, n));
}

inline WordEntry* WordCache::Find(std::string_view surface) {
  const uint64_t h = Hash(surface);
  const uint64_t tag = h >> 32;
  for (size_t i = h & mask_;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return nullptr;
    if ((slot >> 32) == tag) {
      WordEntry& e = entries_[(slot & 0xffffffffULL) - 1];
      if (e.surface.size() == surface.size() &&
          word_cache_internal::SameBytes(e.surface.data(), surface.data(), surface.size())) {
        return &e;
      }
    }
  }
}

}  // namespace chorus::segment

#endif  // CHORUS_SRC_SEGMENT_WORD_CACHE_H_
