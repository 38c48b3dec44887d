// Stable 64-bit hashing for persisted signatures (the same value in every run
// and build, unlike std::hash).
#ifndef CHORUS_BASE_HASHING_H_
#define CHORUS_BASE_HASHING_H_

#include <cstdint>
#include <string_view>

namespace chorus {

// splitmix64 finaliser: a bijective mix with good avalanche.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a over the bytes, then mixed.
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

}  // namespace chorus

#endif  // CHORUS_BASE_HASHING_H_
