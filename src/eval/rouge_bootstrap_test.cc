#include "eval/rouge_bootstrap.h"

#include <gtest/gtest.h>

#include <vector>

namespace chorus::rouge {
namespace {

TEST(PerlDrand48Test, MatchesPerlAndGlibcDrand48) {
  // perl -e 'srand(0); print rand()' and glibc srand48(0); drand48().
  PerlDrand48 random(0);
  EXPECT_DOUBLE_EQ(random.Next(), 0.17082803610628972);
  EXPECT_DOUBLE_EQ(random.Next(), 0.7499019804849638);
  EXPECT_DOUBLE_EQ(random.Next(), 0.09637165562356742);
  EXPECT_DOUBLE_EQ(PerlDrand48(7).Next(), 0.2664441967654092);
  EXPECT_EQ(PerlDrand48(0).NextIndex(50), 8u);  // int(50 * 0.1708...)
}

TEST(RoundLikeRougeTest, PrintfRounding) {
  EXPECT_DOUBLE_EQ(RoundLikeRouge(0.123454), 0.12345);
  EXPECT_DOUBLE_EQ(RoundLikeRouge(0.123456), 0.12346);
  EXPECT_DOUBLE_EQ(RoundLikeRouge(2.0 / 3.0), 0.66667);
  // 0.000005 is not exactly representable; printf rounds the binary value.
  EXPECT_DOUBLE_EQ(RoundLikeRouge(0.125), 0.125);
  EXPECT_DOUBLE_EQ(RoundLikeRouge(0), 0);
}

TEST(BootstrapTest, ConstantScoresGiveAPointInterval) {
  const std::vector<RougeScore> scores(10, RougeScore{0.4, 0.3, 0.34286});
  const BootstrapResult r = Bootstrap(scores, 1000, 95, 0);
  EXPECT_DOUBLE_EQ(r.mean.recall, 0.4);
  EXPECT_DOUBLE_EQ(r.lower.precision, 0.3);
  EXPECT_DOUBLE_EQ(r.upper.f, 0.34286);
}

TEST(BootstrapTest, MeanIsTheResampleMeanNotThePlainMean) {
  std::vector<RougeScore> scores;
  for (int k = 0; k < 7; ++k) scores.push_back(RougeScore{k * 0.1, 0, 0});
  const BootstrapResult r = Bootstrap(scores, 1000, 95, 0);
  EXPECT_NEAR(r.mean.recall, 0.3, 0.01);
  EXPECT_LT(r.lower.recall, r.mean.recall);
  EXPECT_GT(r.upper.recall, r.mean.recall);
  // Seeded: the same input gives the same interval; another seed moves it.
  const BootstrapResult again = Bootstrap(scores, 1000, 95, 0);
  EXPECT_EQ(again.lower.recall, r.lower.recall);
  const BootstrapResult other = Bootstrap(scores, 1000, 95, 12345);
  EXPECT_TRUE(other.lower.recall != r.lower.recall || other.upper.recall != r.upper.recall ||
              other.mean.recall != r.mean.recall);
}

TEST(BootstrapTest, EdgeCasesDoNotCrash) {
  EXPECT_EQ(Bootstrap({}, 1000, 95, 0).mean.recall, 0);
  const std::vector<RougeScore> one = {RougeScore{0.5, 0.5, 0.5}};
  EXPECT_DOUBLE_EQ(Bootstrap(one, 1, 100, 0).upper.recall, 0.5);
  EXPECT_DOUBLE_EQ(Bootstrap(one, 1, 0, 0).mean.recall, 0.5);
}

}  // namespace
}  // namespace chorus::rouge
