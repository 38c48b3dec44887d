#include "clean/literal_finder.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chorus::clean {
namespace {

// Rough commonness of a byte in English news text (higher = more common).
int Commonness(unsigned char c) {
  static constexpr std::string_view kByFrequency = " etaoinshrdlcumwfgypbvkjxqz";
  unsigned char lower = (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
  size_t rank = kByFrequency.find(static_cast<char>(lower));
  if (rank == std::string_view::npos) return c >= 'A' && c <= 'Z' ? 5 : 2;
  int common = static_cast<int>(kByFrequency.size() - rank) * 4;
  return c >= 'A' && c <= 'Z' ? common / 4 : common;  // capitals are rarer
}

}  // namespace

LiteralFinder::LiteralFinder(std::string needle) : needle_(std::move(needle)) {
  int best = 1 << 30;
  for (size_t i = 0; i + 1 < needle_.size(); ++i) {
    int score = Commonness(static_cast<unsigned char>(needle_[i])) +
                Commonness(static_cast<unsigned char>(needle_[i + 1]));
    if (score < best) {
      best = score;
      anchor_ = i;
    }
  }
}

bool LiteralFinder::FoundIn(std::string_view text) const {
  const size_t m = needle_.size();
  if (m == 0) return true;
  if (text.size() < m) return false;
  if (m == 1) return std::memchr(text.data(), needle_[0], text.size()) != nullptr;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  // Candidate pair positions q satisfy anchor_ <= q and q + (m - anchor_) <= n.
  const size_t first = anchor_;
  const size_t last = n - (m - anchor_);  // inclusive
  auto matches_at = [&](size_t q) {
    return std::memcmp(p + q - anchor_, needle_.data(), m) == 0;
  };
  size_t q = first;
#if defined(__SSE2__)
  const __m128i a = _mm_set1_epi8(needle_[anchor_]);
  const __m128i b = _mm_set1_epi8(needle_[anchor_ + 1]);
  for (; q + 16 <= last + 1 && q + 17 <= n; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + q));
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + q + 1));
    unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(w, b))));
    while (mask != 0) {
      if (matches_at(q + static_cast<unsigned>(__builtin_ctz(mask)))) return true;
      mask &= mask - 1;
    }
  }
#endif
  for (; q <= last; ++q) {
    if (p[q] == static_cast<unsigned char>(needle_[anchor_]) && matches_at(q)) return true;
  }
  return false;
}

}  // namespace chorus::clean
