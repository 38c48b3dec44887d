// The bit-parallel edit distance and common subsequence against the textbook
// tables, on hand-picked and random sequences up to the 128-id cap.
#include "represent/sequence_distances.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace chorus::represent {
namespace {

size_t TableEditDistance(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

size_t TableCommonSubsequence(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

TEST(SequenceDistancesTest, SmallCases) {
  const std::vector<uint32_t> kitten = {'k', 'i', 't', 't', 'e', 'n'};
  const std::vector<uint32_t> sitting = {'s', 'i', 't', 't', 'i', 'n', 'g'};
  EXPECT_EQ(EditDistance(kitten, PositionMasks(sitting)), 3u);
  EXPECT_EQ(EditDistance(sitting, PositionMasks(kitten)), 3u);
  EXPECT_EQ(CommonSubsequence(kitten, PositionMasks(sitting)), 4u);
  EXPECT_EQ(EditDistance({}, PositionMasks(sitting)), 7u);
  EXPECT_EQ(EditDistance(kitten, PositionMasks(std::vector<uint32_t>{})), 6u);
  EXPECT_EQ(CommonSubsequence(kitten, PositionMasks(std::vector<uint32_t>{})), 0u);
  EXPECT_EQ(EditDistance(kitten, PositionMasks(kitten)), 0u);
  EXPECT_EQ(CommonSubsequence(kitten, PositionMasks(kitten)), 6u);
}

TEST(SequenceDistancesTest, SameAsTheTablesOnRandomSequences) {
  std::mt19937 rng(12);
  for (int round = 0; round < 3000; ++round) {
    // Small alphabets make many matches; lengths cover both 64-bit halves.
    const uint32_t alphabet = 2 + rng() % 12;
    std::vector<uint32_t> a(rng() % 131), b(rng() % 129);
    for (uint32_t& x : a) x = rng() % alphabet;
    for (uint32_t& x : b) x = rng() % alphabet;
    const PositionMasks masks(b);
    std::vector<uint32_t> capped_b(
        b.begin(), b.begin() + static_cast<std::ptrdiff_t>(
                                   std::min<size_t>(b.size(), PositionMasks::kMaxLength)));
    ASSERT_EQ(EditDistance(a, masks), TableEditDistance(a, capped_b)) << "round " << round;
    ASSERT_EQ(CommonSubsequence(a, masks), TableCommonSubsequence(a, capped_b))
        << "round " << round;
  }
}

}  // namespace
}  // namespace chorus::represent
