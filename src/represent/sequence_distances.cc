#include "represent/sequence_distances.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace chorus::represent {
namespace {

using Bits = PositionMasks::Bits;

// The low `n` bits set (n <= 128).
Bits LowBits(size_t n) { return n >= 128 ? ~Bits{0} : (Bits{1} << n) - 1; }

int PopCount(Bits x) {
  return std::popcount(static_cast<uint64_t>(x)) + std::popcount(static_cast<uint64_t>(x >> 64));
}

}  // namespace

PositionMasks::PositionMasks(std::span<const uint32_t> sequence)
    : length_(std::min(sequence.size(), kMaxLength)) {
  std::vector<std::pair<uint32_t, uint32_t>> at;  // (id, position)
  at.reserve(length_);
  for (size_t j = 0; j < length_; ++j) at.emplace_back(sequence[j], static_cast<uint32_t>(j));
  std::sort(at.begin(), at.end());
  for (const auto& [id, j] : at) {
    if (ids_.empty() || ids_.back() != id) {
      ids_.push_back(id);
      masks_.push_back(0);
    }
    masks_.back() |= Bits{1} << j;
  }
}

PositionMasks::Bits PositionMasks::Of(uint32_t id) const {
  const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
  return it != ids_.end() && *it == id ? masks_[static_cast<size_t>(it - ids_.begin())] : 0;
}

// Each step turns column j - 1 of the table D (pattern down, text across)
// into column j, kept as the vertical differences D[i][j] - D[i-1][j] in
// {-1, 0, +1} (bit i of Pv: +1, of Mv: -1). Row 0 is D[0][j] = j, so the bit
// shifted into the horizontal differences is +1. `score` follows the last
// row, D[m][j].
size_t EditDistance(std::span<const uint32_t> text, const PositionMasks& pattern) {
  const size_t m = pattern.length();
  if (m == 0) return text.size();
  const Bits last = Bits{1} << (m - 1);
  Bits pv = LowBits(m), mv = 0;
  size_t score = m;
  for (uint32_t id : text) {
    const Bits eq = pattern.Of(id);
    const Bits xv = eq | mv;
    const Bits xh = (((eq & pv) + pv) ^ pv) | eq;
    Bits ph = mv | ~(xh | pv);
    Bits mh = pv & xh;
    if (ph & last) {
      ++score;
    } else if (mh & last) {
      --score;
    }
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

// Bit i of v is clear where row i of the LCS table grew in some column so
// far; the zero bits count the subsequence's length.
size_t CommonSubsequence(std::span<const uint32_t> text, const PositionMasks& pattern) {
  const size_t m = pattern.length();
  Bits v = ~Bits{0};
  for (uint32_t id : text) {
    const Bits u = v & pattern.Of(id);
    v = (v + u) | (v - u);
  }
  return static_cast<size_t>(PopCount(~v & LowBits(m)));
}

}  // namespace chorus::represent
