#include "eval/rouge_ngrams.h"

#include <gtest/gtest.h>

#include <vector>

namespace chorus::rouge {
namespace {

using Ids = std::vector<uint32_t>;

TEST(RougeNgramsTest, NgramCounts) {
  const Ids tokens = {1, 2, 1, 2, 3};
  GramCounts<GramKey128> grams;
  for (int n = 1; n <= 4; ++n) {
    CollectNgrams(tokens, n, &grams);
    EXPECT_EQ(grams.total(), static_cast<int64_t>(tokens.size()) - n + 1) << n;
  }
  CollectNgrams(tokens, 2, &grams);
  EXPECT_EQ(grams.distinct(), 3u);  // 12 x2, 21, 23
  CollectNgrams(tokens, 4, &grams);
  GramCounts<GramKey128> model;
  CollectNgrams(Ids{1, 2, 1, 2, 3, 1, 2, 1, 2}, 4, &model);  // 1212 x2, 2123, ...
  EXPECT_EQ(model.ClippedHits(grams), 2);                    // 1212, 2123
  GramCounts<GramKey64> short_grams;
  CollectNgrams(Ids{1, 2}, 3 - 1, &short_grams);
  EXPECT_EQ(short_grams.total(), 1);
  CollectNgrams(Ids{1}, 2, &short_grams);
  EXPECT_EQ(short_grams.total(), 0);
}

TEST(RougeNgramsTest, ClippedHitsTakeTheMinimumPerGram) {
  GramCounts<GramKey64> model;
  GramCounts<GramKey64> peer;
  CollectNgrams(Ids{7, 7, 7, 8}, 1, &model);  // 7 x3, 8 x1
  CollectNgrams(Ids{7, 8, 8, 9}, 1, &peer);   // 7 x1, 8 x2, 9 x1
  EXPECT_EQ(model.ClippedHits(peer), 2);
  EXPECT_EQ(peer.ClippedHits(model), 2);
  CollectNgrams(Ids{7, 7, 7, 8}, 2, &model);  // 77 x2, 78
  CollectNgrams(Ids{7, 7, 7, 7}, 2, &peer);   // 77 x3
  EXPECT_EQ(model.ClippedHits(peer), 2);
}

TEST(RougeNgramsTest, TablesAreReusable) {
  GramCounts<GramKey64> table;
  Ids many;
  for (uint32_t k = 0; k < 5000; ++k) many.push_back(k % 701);
  CollectNgrams(many, 1, &table);
  EXPECT_EQ(table.distinct(), 701u);
  EXPECT_EQ(table.Count((uint64_t{5} + 1) << 32), 8);
  CollectNgrams(Ids{3}, 1, &table);  // reset keeps no stale keys
  EXPECT_EQ(table.distinct(), 1u);
  EXPECT_EQ(table.Count((uint64_t{5} + 1) << 32), 0);
}

TEST(RougeNgramsTest, UnigramsNeverEqualBigrams) {
  GramCounts<GramKey64> unigrams;
  GramCounts<GramKey64> bigrams;
  CollectNgrams(Ids{0, 0}, 1, &unigrams);
  CollectNgrams(Ids{0, 0}, 2, &bigrams);
  EXPECT_EQ(unigrams.ClippedHits(bigrams), 0);
}

TEST(RougeNgramsTest, SkipBigramsRespectTheGap) {
  GramCounts<GramKey64> grams;
  const Ids tokens = {1, 2, 3, 4, 5, 6, 7};
  CollectSkipBigrams(tokens, 0, false, &grams);  // adjacent pairs only
  EXPECT_EQ(grams.total(), 6);
  CollectSkipBigrams(tokens, 4, false, &grams);  // j <= i + 5
  EXPECT_EQ(grams.total(), 5 + 5 + 4 + 3 + 2 + 1);
  CollectSkipBigrams(tokens, -1, false, &grams);  // every pair
  EXPECT_EQ(grams.total(), 21);
}

TEST(RougeNgramsTest, SkipUnigramsSkipTheLastToken) {
  // createSkipBigram's loop runs i < $#tokens: the last token never gets its
  // unigram. [a b c] with -u: a, ab, ac, b, bc = 5 (not 6).
  GramCounts<GramKey64> grams;
  CollectSkipBigrams(Ids{1, 2, 3}, 4, true, &grams);
  EXPECT_EQ(grams.total(), 5);
  GramCounts<GramKey64> last_only;
  CollectNgrams(Ids{3}, 1, &last_only);
  EXPECT_EQ(grams.ClippedHits(last_only), 0);
  GramCounts<GramKey64> first_only;
  CollectNgrams(Ids{1}, 1, &first_only);
  EXPECT_EQ(grams.ClippedHits(first_only), 1);
  // A single token has no statistics at all.
  CollectSkipBigrams(Ids{1}, 4, true, &grams);
  EXPECT_EQ(grams.total(), 0);
}

}  // namespace
}  // namespace chorus::rouge
