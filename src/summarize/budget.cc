#include "summarize/budget.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chorus {
namespace {

// ' ', or '\t' '\n' '\v' '\f' '\r' (9 to 13).
bool IsSpace(unsigned char c) { return c == ' ' || static_cast<unsigned char>(c - '\t') <= 4; }

#if defined(__SSE2__)
// Bit i set when p[i] is a space, for the 64 bytes at p.
uint64_t SpaceMask64(const unsigned char* p) {
  const __m128i blank = _mm_set1_epi8(' ');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i four = _mm_set1_epi8(4);
  uint64_t mask = 0;
  for (int part = 0; part < 4; ++part) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
    // c - '\t' <= 4 (unsigned) exactly when min(c - '\t', 4) == c - '\t'.
    const __m128i d = _mm_sub_epi8(v, tab);
    const __m128i space =
        _mm_or_si128(_mm_cmpeq_epi8(v, blank), _mm_cmpeq_epi8(_mm_min_epu8(d, four), d));
    mask |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(space))) << (16 * part);
  }
  return mask;
}
#endif

}  // namespace

uint32_t CountWords(std::string_view text) {
  // A word starts at each non-space that follows a space or the start. It
  // runs for every candidate sentence, so 64 bytes are judged at a time: a
  // mask of their spaces, shifted by one byte, marks the bytes that follow
  // a space.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  uint32_t words = 0;
  bool after_space = true;  // the start counts as a space
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 64 <= n; i += 64) {
    const uint64_t spaces = SpaceMask64(p + i);
    const uint64_t follow_space = (spaces << 1) | static_cast<uint64_t>(after_space);
    words += static_cast<uint32_t>(std::popcount(~spaces & follow_space));
    after_space = (spaces >> 63) != 0;
  }
  if (i < n) {
    // The rest, padded with spaces (which start no word).
    unsigned char last[64];
    std::memset(last, ' ', sizeof(last));
    std::memcpy(last, p + i, n - i);
    const uint64_t spaces = SpaceMask64(last);
    const uint64_t follow_space = (spaces << 1) | static_cast<uint64_t>(after_space);
    words += static_cast<uint32_t>(std::popcount(~spaces & follow_space));
    i = n;
  }
#endif
  for (; i < n; ++i) {
    const bool space = IsSpace(p[i]);
    words += static_cast<uint32_t>(after_space && !space);
    after_space = space;
  }
  return words;
}

uint32_t SentenceCost(std::string_view text, BudgetUnit unit) {
  switch (unit) {
    case BudgetUnit::kWords:
      return CountWords(text);
    case BudgetUnit::kBytes:
      return static_cast<uint32_t>(text.size()) + 1;
    case BudgetUnit::kSentences:
      return 1;
  }
  return 1;
}

uint64_t BudgetCapacity(const SummaryBudget& budget) {
  return budget.unit == BudgetUnit::kBytes ? uint64_t{budget.amount} + 1 : budget.amount;
}

}  // namespace chorus
