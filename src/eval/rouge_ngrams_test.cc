#include "eval/rouge_ngrams.h"

#include <gtest/gtest.h>

#include <vector>

namespace chorus::rouge {
namespace {

using Ids = std::vector<uint32_t>;

// Clipped n-gram hits of `peer` against each model, and the gram totals.
template <typename Key>
struct Scored {
  std::vector<int64_t> hits;
  std::vector<int64_t> model_totals;
  int64_t peer_total = 0;
};

template <typename Key, typename Grams>
Scored<Key> Score(const std::vector<Ids>& models, const Ids& peer, Grams grams) {
  TopicGrams<Key> index;
  index.Reset(models.size());
  for (size_t m = 0; m < models.size(); ++m) {
    grams(std::span<const uint32_t>(models[m]), [&](Key k) { index.AddModelGram(m, k); });
  }
  Scored<Key> out;
  out.peer_total =
      index.ScorePeer([&](auto f) { grams(std::span<const uint32_t>(peer), f); }, &out.hits);
  for (size_t m = 0; m < models.size(); ++m) out.model_totals.push_back(index.model_total(m));
  return out;
}

auto Ngrams(int n) {
  return [n](std::span<const uint32_t> t, auto f) { ForEachNgram(t, n, GramKey128{}, f); };
}
auto Ngrams64(int n) {
  return [n](std::span<const uint32_t> t, auto f) { ForEachNgram(t, n, GramKey64{}, f); };
}
auto SkipBigrams(int gap, bool unigrams) {
  return [=](std::span<const uint32_t> t, auto f) { ForEachSkipBigram(t, gap, unigrams, f); };
}

TEST(RougeNgramsTest, NgramTotals) {
  const Ids tokens = {1, 2, 1, 2, 3};
  for (int n = 1; n <= 4; ++n) {
    auto s = Score<GramKey128>({tokens}, tokens, Ngrams(n));
    EXPECT_EQ(s.peer_total, 6 - n) << n;
    EXPECT_EQ(s.model_totals[0], 6 - n) << n;
    EXPECT_EQ(s.hits[0], 6 - n) << n;  // a summary matches itself fully
  }
  EXPECT_EQ((Score<GramKey64>({Ids{1}}, Ids{1}, Ngrams64(2)).peer_total), 0);
}

TEST(RougeNgramsTest, ClippedHitsTakeTheMinimumPerGramAndModel) {
  // Model 1: 7 x3, 8; model 2: 8 x2. Peer: 7, 8 x2, 9.
  auto s = Score<GramKey64>({Ids{7, 7, 7, 8}, Ids{8, 8}}, Ids{7, 8, 8, 9}, Ngrams64(1));
  EXPECT_EQ(s.hits, (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(s.model_totals, (std::vector<int64_t>{4, 2}));
  EXPECT_EQ(s.peer_total, 4);
  // Bigrams: model 77 x2, 78; peer 77 x3.
  EXPECT_EQ((Score<GramKey64>({Ids{7, 7, 7, 8}}, Ids{7, 7, 7, 7}, Ngrams64(2)).hits[0]), 2);
  // 4-grams: model 1212 x2, 2123, ...; peer 1212, 2123.
  EXPECT_EQ(
      (Score<GramKey128>({Ids{1, 2, 1, 2, 3, 1, 2, 1, 2}}, Ids{1, 2, 1, 2, 3}, Ngrams(4)).hits[0]),
      2);
}

TEST(RougeNgramsTest, IndexGrowsAndResets) {
  TopicGrams<GramKey64> index;
  Ids many;
  for (uint32_t k = 0; k < 5000; ++k) many.push_back(k % 1701);
  index.Reset(1);
  ForEachNgram(many, 1, GramKey64{}, [&](GramKey64 k) { index.AddModelGram(0, k); });
  std::vector<int64_t> hits;
  EXPECT_EQ(index.ScorePeer([&](auto f) { ForEachNgram(many, 1, GramKey64{}, f); }, &hits), 5000);
  EXPECT_EQ(hits[0], 5000);
  index.Reset(1);  // a new topic keeps no stale grams
  ForEachNgram(Ids{3}, 1, GramKey64{}, [&](GramKey64 k) { index.AddModelGram(0, k); });
  index.ScorePeer([&](auto f) { ForEachNgram(many, 1, GramKey64{}, f); }, &hits);
  EXPECT_EQ(hits[0], 1);
}

TEST(RougeNgramsTest, UnigramsNeverEqualBigrams) {
  TopicGrams<GramKey64> index;
  index.Reset(1);
  ForEachNgram(Ids{0, 0}, 2, GramKey64{}, [&](GramKey64 k) { index.AddModelGram(0, k); });
  std::vector<int64_t> hits;
  index.ScorePeer([&](auto f) { ForEachNgram(Ids{0, 0}, 1, GramKey64{}, f); }, &hits);
  EXPECT_EQ(hits[0], 0);
}

TEST(RougeNgramsTest, SkipBigramsRespectTheGap) {
  const Ids tokens = {1, 2, 3, 4, 5, 6, 7};
  EXPECT_EQ((Score<GramKey64>({tokens}, tokens, SkipBigrams(0, false)).peer_total), 6);
  EXPECT_EQ((Score<GramKey64>({tokens}, tokens, SkipBigrams(4, false)).peer_total),
            5 + 5 + 4 + 3 + 2 + 1);
  EXPECT_EQ((Score<GramKey64>({tokens}, tokens, SkipBigrams(-1, false)).peer_total), 21);
}

TEST(RougeNgramsTest, SkipUnigramsSkipTheLastToken) {
  // createSkipBigram's loop runs i < $#tokens: the last token never gets its
  // unigram. [a b c] with -u: a, ab, ac, b, bc = 5 (not 6).
  auto s = Score<GramKey64>({Ids{1, 2, 3}}, Ids{1, 2, 3}, SkipBigrams(4, true));
  EXPECT_EQ(s.peer_total, 5);
  // Peer [c x]: its only statistics are "c" and "c x"; the model has no "c"
  // unigram (c is its last token), so nothing matches...
  EXPECT_EQ((Score<GramKey64>({Ids{1, 2, 3}}, Ids{3, 9}, SkipBigrams(4, true)).hits[0]), 0);
  // ...while [a x] matches the model's "a".
  EXPECT_EQ((Score<GramKey64>({Ids{1, 2, 3}}, Ids{1, 9}, SkipBigrams(4, true)).hits[0]), 1);
  // A single token has no statistics at all.
  EXPECT_EQ((Score<GramKey64>({Ids{1}}, Ids{1}, SkipBigrams(4, true)).peer_total), 0);
}

}  // namespace
}  // namespace chorus::rouge
