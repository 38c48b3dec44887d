#include "eval/rouge_ngrams.h"

#include <gtest/gtest.h>

#include <vector>

namespace chorus::rouge {
namespace {

TEST(RougeNgramsTest, NgramCounts) {
  const std::vector<uint32_t> tokens = {1, 2, 1, 2, 3};
  std::vector<GramKey> grams;
  for (int n = 1; n <= 4; ++n) {
    CollectNgrams(tokens, n, &grams);
    EXPECT_EQ(grams.size(), tokens.size() - n + 1) << n;
  }
  CollectNgrams(tokens, 4, &grams);
  std::vector<GramKey> short_grams;
  CollectNgrams(std::vector<uint32_t>{1, 2}, 3, &short_grams);
  EXPECT_TRUE(short_grams.empty());
}

TEST(RougeNgramsTest, ClippedHitsTakeTheMinimumPerGram) {
  std::vector<GramKey> model;
  std::vector<GramKey> peer;
  CollectNgrams(std::vector<uint32_t>{7, 7, 7, 8}, 1, &model);  // 7 x3, 8 x1
  CollectNgrams(std::vector<uint32_t>{7, 8, 8, 9}, 1, &peer);   // 7 x1, 8 x2, 9 x1
  EXPECT_EQ(ClippedHits(model, peer), 2);
  CollectNgrams(std::vector<uint32_t>{7, 7, 7, 8}, 2, &model);  // 77 x2, 78
  CollectNgrams(std::vector<uint32_t>{7, 7, 7, 7}, 2, &peer);   // 77 x3
  EXPECT_EQ(ClippedHits(model, peer), 2);
}

TEST(RougeNgramsTest, UnigramsNeverEqualBigrams) {
  std::vector<GramKey> unigrams;
  std::vector<GramKey> bigrams;
  CollectNgrams(std::vector<uint32_t>{0, 0}, 1, &unigrams);
  CollectNgrams(std::vector<uint32_t>{0, 0}, 2, &bigrams);
  EXPECT_EQ(ClippedHits(unigrams, bigrams), 0);
}

TEST(RougeNgramsTest, SkipBigramsRespectTheGap) {
  std::vector<GramKey> grams;
  const std::vector<uint32_t> tokens = {1, 2, 3, 4, 5, 6, 7};
  CollectSkipBigrams(tokens, 0, false, &grams);  // adjacent pairs only
  EXPECT_EQ(grams.size(), 6u);
  CollectSkipBigrams(tokens, 4, false, &grams);  // j <= i + 5
  EXPECT_EQ(grams.size(), 5u + 5 + 4 + 3 + 2 + 1);
  CollectSkipBigrams(tokens, -1, false, &grams);  // every pair
  EXPECT_EQ(grams.size(), 21u);
}

TEST(RougeNgramsTest, SkipUnigramsSkipTheLastToken) {
  // createSkipBigram's loop runs i < $#tokens: the last token never gets its
  // unigram. [a b c] with -u: a, ab, ac, b, bc = 5 (not 6).
  std::vector<GramKey> grams;
  CollectSkipBigrams(std::vector<uint32_t>{1, 2, 3}, 4, true, &grams);
  EXPECT_EQ(grams.size(), 5u);
  std::vector<GramKey> last_only;
  CollectNgrams(std::vector<uint32_t>{3}, 1, &last_only);
  EXPECT_EQ(ClippedHits(grams, last_only), 0);
  std::vector<GramKey> first_only;
  CollectNgrams(std::vector<uint32_t>{1}, 1, &first_only);
  EXPECT_EQ(ClippedHits(grams, first_only), 1);
  // A single token has no statistics at all.
  CollectSkipBigrams(std::vector<uint32_t>{1}, 4, true, &grams);
  EXPECT_TRUE(grams.empty());
}

}  // namespace
}  // namespace chorus::rouge
