#include "cluster/near_duplicates.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "base/hashing.h"

namespace chorus {
namespace {

std::vector<uint64_t> Shingles(uint64_t first, uint64_t count) {
  std::vector<uint64_t> s;
  for (uint64_t i = first; i < first + count; ++i) s.push_back(Mix64(i));
  return s;
}

TEST(MinHashTest, SimilarityEstimatesJaccard) {
  // Sets {0..999} and {100..1099}: Jaccard 900/1100 = 0.818.
  const auto a = MinHashSignature(Shingles(0, 1000));
  const auto b = MinHashSignature(Shingles(100, 1000));
  EXPECT_NEAR(SignatureSimilarity(a, b), 900.0 / 1100, 0.15);
  // Disjoint sets share (almost) no minimum.
  const auto c = MinHashSignature(Shingles(5000, 1000));
  EXPECT_LT(SignatureSimilarity(a, c), 0.1);
  EXPECT_DOUBLE_EQ(SignatureSimilarity(a, a), 1.0);
  EXPECT_TRUE(MinHashSignature({}).empty());
}

TEST(NearDuplicateIndexTest, FindsEarliestCopyAndIgnoresUnrelated) {
  NearDuplicateIndex index;
  index.Insert(0, MinHashSignature(Shingles(0, 500)));
  index.Insert(1, MinHashSignature(Shingles(10'000, 500)));
  index.Insert(2, MinHashSignature(Shingles(5, 500)));  // copy of 0 (Jaccard 0.98)
  const auto copy = index.FindOriginal(MinHashSignature(Shingles(3, 500)), 0.8);
  ASSERT_TRUE(copy.has_value());
  EXPECT_EQ(*copy, 0u);
  EXPECT_FALSE(index.FindOriginal(MinHashSignature(Shingles(50'000, 500)), 0.8).has_value());
  // Half overlap (Jaccard 1/3) is related text, not a copy.
  EXPECT_FALSE(index.FindOriginal(MinHashSignature(Shingles(10'250, 500)), 0.8).has_value());
}

TEST(NearDuplicateIndexTest, RecallAtHighJaccardIsNearlyPerfect) {
  NearDuplicateIndex index;
  int found = 0;
  for (uint64_t doc = 0; doc < 200; ++doc) {
    index.Insert(doc, MinHashSignature(Shingles(doc * 100'000, 400)));
  }
  for (uint64_t doc = 0; doc < 200; ++doc) {
    // 380 of 400 shingles kept, 20 new: Jaccard 380/420 = 0.905.
    std::vector<uint64_t> s = Shingles(doc * 100'000 + 20, 400);
    found += index.FindOriginal(MinHashSignature(s), 0.8) == doc;
  }
  EXPECT_GE(found, 190);
}

}  // namespace
}  // namespace chorus
