#include "eval/rouge_lcs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chorus::rouge {
namespace {

// Builds SummaryTokens from sentences of single-letter-ish words.
class LcsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = TokenInterner::Create(RougeOptions{});
    ASSERT_TRUE(created.ok());
    interner_ = std::move(*created);
  }
  SummaryTokens Summary(std::string_view text) {
    SummaryTokens tokens;
    interner_->TokenizeSummary(text, &tokens);
    return tokens;
  }
  LcsCounts Score(std::string_view model, std::string_view peer) {
    SummaryTokens m = Summary(model);
    SummaryTokens p = Summary(peer);
    auto counts = scratch_.Score(m, p, interner_->size());
    EXPECT_TRUE(counts.ok());
    return counts.ok() ? *counts : LcsCounts{};
  }
  std::unique_ptr<TokenInterner> interner_;
  LcsScratch scratch_;
};

TEST_F(LcsTest, UnionOfLcsOverPeerSentences) {
  // Lin (2004), section 3.2: r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8,
  // c2 = w1 w3 w8 w9 w5: union LCS = w1 w2 w3 w5.
  const LcsCounts counts = Score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5");
  EXPECT_EQ(counts.hits, 4);
  EXPECT_EQ(counts.model_tokens, 5);
}

TEST_F(LcsTest, HitsAreClippedByUnigramCounts) {
  // Both model sentences match "a" in the peer, but the peer has one "a".
  const LcsCounts counts = Score("a b\na c", "a");
  EXPECT_EQ(counts.hits, 1);
  EXPECT_EQ(counts.model_tokens, 4);
}

TEST_F(LcsTest, SentenceBoundariesMatter) {
  // The same words in one line or two give different LCS unions.
  EXPECT_EQ(Score("a b c d", "c d a b").hits, 2);
  EXPECT_EQ(Score("a b c d", "c d\na b").hits, 4);
}

TEST_F(LcsTest, TiesFollowTheScriptsBackPointers) {
  // Model "x y", peer "y x": both one-token LCSs tie; the script goes up on
  // ties (c[i-1][j] >= c[i][j-1]), which keeps the model's first token.
  const LcsCounts counts = Score("x y", "y x");
  EXPECT_EQ(counts.hits, 1);
  // With a repeated token the choice is observable through clipping:
  // model "x y" + "y", peer "y x": marks x in sentence 1, then y in sentence 2.
  EXPECT_EQ(Score("x y\ny", "y x").hits, 2);
}

TEST_F(LcsTest, EmptyInputs) {
  EXPECT_EQ(Score("", "a b").hits, 0);
  EXPECT_EQ(Score("a b", "").hits, 0);
  EXPECT_EQ(Score("a b", "").model_tokens, 2);
}

TEST_F(LcsTest, RefusesGiantSentencePairs) {
  std::string huge;
  for (int k = 0; k < 17000; ++k) huge += "w ";
  SummaryTokens m = Summary(huge);
  SummaryTokens p = Summary(huge);
  auto counts = scratch_.Score(m, p, interner_->size());
  EXPECT_FALSE(counts.ok());
}

// The bit-parallel walk must mark exactly what the script's table marks, for
// sentences shorter and longer than a machine word, with many repeats.
TEST(LcsFastPathTest, MatchesTheScriptsTableOnRandomSentences) {
  LcsScratch scratch;
  uint64_t state = 12345;
  auto next = [&state](uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((state >> 33) % bound);
  };
  for (int trial = 0; trial < 3000; ++trial) {
    const uint32_t alphabet = 1 + next(trial % 3 == 0 ? 4 : 40);
    std::vector<uint32_t> model(next(trial % 5 == 0 ? 200 : 70));
    std::vector<uint32_t> peer(next(trial % 7 == 0 ? 200 : 70));
    for (uint32_t& t : model) t = next(alphabet);
    for (uint32_t& t : peer) t = next(alphabet);
    std::vector<uint8_t> want(model.size(), 0);
    MarkLcsReference(model, peer, &want);
    std::vector<uint8_t> got(model.size(), 0);
    scratch.MarkLcs(model, peer, alphabet, got.data());
    ASSERT_EQ(got, want) << "trial " << trial << " m=" << model.size() << " n=" << peer.size();
  }
}

}  // namespace
}  // namespace chorus::rouge
