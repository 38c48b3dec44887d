#include "summarize/sentence_pieces.h"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chorus::compression {
namespace {

// Bit i set when p[i] is ' ', for the 16 bytes at p.
uint32_t SpaceBits16(const char* p) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
#else
  uint32_t bits = 0;
  for (uint32_t i = 0; i < 16; ++i) bits |= static_cast<uint32_t>(p[i] == ' ') << i;
  return bits;
#endif
}

}  // namespace

std::vector<Piece> Pieces(std::string_view text) {
  std::vector<Piece> pieces;
  const auto n = static_cast<uint32_t>(text.size());
  pieces.reserve(n / 2 + 1);  // a piece and a space take two bytes: one allocation
  // A piece begins or ends where a byte's space-ness differs from the byte
  // before it (the start counts as a space): 16 bytes are judged at a time,
  // the last block padded with spaces, and the changes read off a bit mask
  // (this runs on every candidate sentence; byte by byte it was a fifth of
  // the compressor's time).
  uint32_t begin = 0;
  bool open = false;    // a piece has begun and not ended
  uint32_t before = 1;  // whether the byte before the block is a space
  char padded[16];
  for (uint32_t base = 0; base < n; base += 16) {
    const char* block = text.data() + base;
    if (n - base < 16) {
      std::memset(padded, ' ', sizeof(padded));
      std::memcpy(padded, block, n - base);
      block = padded;
    }
    const uint32_t spaces = SpaceBits16(block);
    uint32_t changes = (spaces ^ ((spaces << 1) | before)) & 0xffffu;
    before = spaces >> 15;
    for (; changes != 0; changes &= changes - 1) {
      const uint32_t at = base + static_cast<uint32_t>(std::countr_zero(changes));
      if (open) pieces.push_back({begin, at, std::string_view(text.data() + begin, at - begin)});
      begin = at;
      open = !open;
    }
  }
  if (open) pieces.push_back({begin, n, std::string_view(text.data() + begin, n - begin)});
  return pieces;
}

}  // namespace chorus::compression
