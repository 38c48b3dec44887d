// TF-KLD term weights: a stem whose sharing tells same-claim pairs from the
// others weighs more than one shared alike by both; smoothing keeps a stem
// seen once light; an unseen stem weighs the median.
#include "represent/claim_term_weights.h"

#include <gtest/gtest.h>

#include <array>

namespace chorus::represent {
namespace {

TEST(ClaimTermWeightsTest, SharingThatSeparatesLabelsWeighsMore) {
  // "vote" is shared by every same-claim pair and by no other; "said" is
  // shared by all pairs alike.
  const std::array<std::string_view, 2> shared = {"said", "vote"};
  const std::array<std::string_view, 1> said = {"said"};
  const std::array<std::string_view, 2> said_vote = {"said", "vote"};
  std::vector<StemsPair> pairs;
  for (int k = 0; k < 20; ++k) {
    pairs.push_back({shared, shared, true});
    pairs.push_back({said, said_vote, false});
  }
  const ClaimTermWeights weights = ClaimTermWeights::Learn(pairs, 1.0);
  EXPECT_GT(weights.Of("vote"), 0.5f);
  EXPECT_LT(weights.Of("said"), 0.01f);
  EXPECT_GE(weights.Of("said"), 0.0f);
  EXPECT_EQ(weights.size(), 2u);
  EXPECT_EQ(weights.Of("unseen"), weights.unseen());
}

TEST(ClaimTermWeightsTest, SmoothingKeepsRareStemsLight) {
  const std::array<std::string_view, 1> rare = {"zeugma"};
  const std::array<std::string_view, 1> other = {"other"};
  const StemsPair pairs[] = {{rare, rare, true}, {other, other, false}};
  EXPECT_LT(ClaimTermWeights::Learn(pairs).Of("zeugma"), 0.05f);
  EXPECT_GT(ClaimTermWeights::Learn(pairs, 0.01).Of("zeugma"), 0.5f);
}

TEST(ClaimTermWeightsTest, EmptyWeighsNothing) {
  const ClaimTermWeights none;
  EXPECT_EQ(none.Of("vote"), 0.0f);
  EXPECT_EQ(none.size(), 0u);
}

}  // namespace
}  // namespace chorus::represent
