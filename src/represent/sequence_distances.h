// Edit distance and longest common subsequence of two short id sequences
// (token norms or stems of two sentences), bit-parallel: the claim features
// compare thousands of sentence pairs per cluster, and the textbook
// |a| x |b| tables were a fifth of compare's time.
//
// One side (the pattern, up to kMaxLength ids) is digested once into the
// positions of each distinct id, one bit each; the other side is walked an id
// at a time, each step updating a whole column of the table at once (Myers
// 1999 as extended to edit distance by Hyyro 2001; Allison and Dix 1986 for
// the subsequence). The answers are exactly the tables' (a test checks
// against them).
//
//   const PositionMasks b_masks(b);  // b.size() <= PositionMasks::kMaxLength
//   size_t d = EditDistance(a, b_masks), l = CommonSubsequence(a, b_masks);
//
// Thread safety: PositionMasks is immutable after construction.
#ifndef CHORUS_REPRESENT_SEQUENCE_DISTANCES_H_
#define CHORUS_REPRESENT_SEQUENCE_DISTANCES_H_

#include <cstdint>
#include <span>
#include <vector>

namespace chorus::represent {

class PositionMasks {
 public:
  using Bits = unsigned __int128;
  static constexpr size_t kMaxLength = 128;

  PositionMasks() = default;
  // The first kMaxLength ids of `sequence` (callers cap longer ones).
  explicit PositionMasks(std::span<const uint32_t> sequence);

  // Bit j set where the sequence holds `id` at position j.
  Bits Of(uint32_t id) const;
  size_t length() const { return length_; }

 private:
  std::vector<uint32_t> ids_;  // distinct, ascending
  std::vector<Bits> masks_;    // beside ids_
  size_t length_ = 0;
};

// Levenshtein distance (unit insertions, deletions, substitutions).
size_t EditDistance(std::span<const uint32_t> text, const PositionMasks& pattern);
// Length of the longest common subsequence.
size_t CommonSubsequence(std::span<const uint32_t> text, const PositionMasks& pattern);

}  // namespace chorus::represent

#endif  // CHORUS_REPRESENT_SEQUENCE_DISTANCES_H_
