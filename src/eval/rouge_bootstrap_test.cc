#include "eval/rouge_bootstrap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

TEST(RoundLikeRougeTest, FastPathAgreesWithPrintf) {
  uint64_t state = 99;
  for (int k = 0; k < 200000; ++k) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    // Ratios of small integers, like hits / counts, and near-ties.
    const double a = static_cast<double>((state >> 40) % 5000);
    const double b = 1 + static_cast<double>((state >> 20) % 5000);
    const double x = k % 2 == 0 ? std::min(a, b) / std::max(a, b) : (2 * a + 1) / 200000.0;
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%7.5f", x);
    ASSERT_EQ(RoundLikeRouge(x), std::strtod(buffer, nullptr)) << x;
  }
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

TEST(BootstrapTest, IntervalsFollowTheSortedMeans) {
  // 0..99 / 100: the 95% interval of 1000 resample means sits inside.
  std::vector<RougeScore> scores;
  for (int k = 0; k < 100; ++k) scores.push_back(RougeScore{k / 100.0, 1 - k / 100.0, 0.5});
  const BootstrapResult r = Bootstrap(scores, 1000, 95, 0);
  EXPECT_NEAR(r.mean.recall, 0.495, 0.01);
  EXPECT_NEAR(r.mean.recall + r.mean.precision, 1.0, 1e-4);
  EXPECT_GT(r.lower.recall, 0.43);
  EXPECT_LT(r.upper.recall, 0.56);
  EXPECT_NEAR(r.lower.recall - 0.495, 0.495 - r.upper.recall, 0.01);
  EXPECT_DOUBLE_EQ(r.lower.f, 0.5);
}

TEST(BootstrapTest, EdgeCasesDoNotCrash) {
  EXPECT_EQ(Bootstrap({}, 1000, 95, 0).mean.recall, 0);
  const std::vector<RougeScore> one = {RougeScore{0.5, 0.5, 0.5}};
  EXPECT_DOUBLE_EQ(Bootstrap(one, 1, 100, 0).upper.recall, 0.5);
  EXPECT_DOUBLE_EQ(Bootstrap(one, 1, 0, 0).mean.recall, 0.5);
}

}  // namespace
}  // namespace chorus::rouge
