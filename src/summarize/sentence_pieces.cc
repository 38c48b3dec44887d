#include "summarize/sentence_pieces.h"

#include <bit>
#include <cstring>

namespace chorus::compression {
namespace {

// The first space at or after `i` in s[0, n), or n: eight bytes at a time
// (the lowest flagged byte of the zero-byte test is exact).
uint32_t NextSpace(const char* s, uint32_t i, uint32_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  for (; i + 8 <= n; i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, s + i, 8);
    const uint64_t t = x ^ (kOnes * ' ');
    const uint64_t zero = (t - kOnes) & ~t & (kOnes * 0x80);
    if (zero != 0) return i + static_cast<uint32_t>(std::countr_zero(zero) / 8);
  }
  while (i < n && s[i] != ' ') ++i;
  return i;
}

}  // namespace

std::vector<Piece> Pieces(std::string_view text) {
  std::vector<Piece> pieces;
  pieces.reserve(std::count(text.begin(), text.end(), ' ') + 1);  // one allocation
  uint32_t i = 0;
  const auto n = static_cast<uint32_t>(text.size());
  while (i < n) {
    while (i < n && text[i] == ' ') ++i;
    const uint32_t begin = i;
    i = NextSpace(text.data(), i, n);
    if (i > begin) pieces.push_back({begin, i, std::string_view(text.data() + begin, i - begin)});
  }
  return pieces;
}

}  // namespace chorus::compression
