#include "clean/literal_finder.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chorus::clean {
namespace {

constexpr bool IsAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Rough commonness of a (lower-cased) byte in English news text (higher = more common).
int Commonness(unsigned char c) {
  static constexpr std::string_view kByFrequency = " etaoinshrdlcumwfgypbvkjxqz";
  size_t rank = kByFrequency.find(static_cast<char>(c));
  if (rank == std::string_view::npos) return 2;
  return static_cast<int>(kByFrequency.size() - rank) * 4;
}

}  // namespace

size_t RarestRunOffset(std::string_view word, size_t run) {
  size_t offset = 0;
  int best = 1 << 30;
  for (size_t i = 0; i + run <= word.size(); ++i) {
    int score = 0;
    for (size_t k = 0; k < run; ++k) score += Commonness(static_cast<unsigned char>(word[i + k]));
    if (score < best) {
      best = score;
      offset = i;
    }
  }
  return offset;
}

LiteralFinder::LiteralFinder(std::string needle) : needle_(std::move(needle)) {
  for (char& c : needle_) c = static_cast<char>(FoldAsciiCase(static_cast<unsigned char>(c)));
  anchor_ = RarestRunOffset(needle_, 2);
}

bool LiteralFinder::FoundIn(std::string_view text) const {
  const size_t m = needle_.size();
  if (m == 0) return true;
  if (text.size() < m) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  if (m == 1 && !IsAsciiLetter(static_cast<unsigned char>(needle_[0]))) {
    return std::memchr(p, needle_[0], n) != nullptr;
  }
  // Candidate anchor positions q satisfy anchor_ <= q and q + (m - anchor_) <= n.
  const size_t first = anchor_;
  const size_t last = n - (m - anchor_);  // inclusive
  size_t q = first;
#if defined(__SSE2__)
  if (m >= 2) {
    // Setting 0x20 maps exactly the two cases of a letter to one byte; other
    // bytes are compared as they are.
    const auto a = static_cast<unsigned char>(needle_[anchor_]);
    const auto b = static_cast<unsigned char>(needle_[anchor_ + 1]);
    const __m128i fold_a = _mm_set1_epi8(static_cast<char>(IsAsciiLetter(a) ? 0x20 : 0));
    const __m128i fold_b = _mm_set1_epi8(static_cast<char>(IsAsciiLetter(b) ? 0x20 : 0));
    const __m128i va = _mm_set1_epi8(static_cast<char>(a));
    const __m128i vb = _mm_set1_epi8(static_cast<char>(b));
    for (; q + 16 <= last + 1 && q + 17 <= n; q += 16) {
      const __m128i v =
          _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + q)), fold_a);
      const __m128i w =
          _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + q + 1)), fold_b);
      unsigned mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(w, vb))));
      while (mask != 0) {
        if (MatchesFolded(p + q + static_cast<unsigned>(__builtin_ctz(mask)) - anchor_, needle_)) {
          return true;
        }
        mask &= mask - 1;
      }
    }
  }
#endif
  for (; q <= last; ++q) {
    if (FoldAsciiCase(p[q]) == static_cast<unsigned char>(needle_[anchor_]) &&
        MatchesFolded(p + q - anchor_, needle_)) {
      return true;
    }
  }
  return false;
}

}  // namespace chorus::clean
