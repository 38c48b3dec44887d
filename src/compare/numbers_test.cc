#include "compare/numbers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

#include "compare/compare_test_util.h"

namespace chorus::compare {
namespace {

std::vector<NumberMention> NumbersIn(const AnalyzedCluster& c) {
  std::vector<NumberMention> all;
  for (uint32_t s = 0; s < c.sentences.size(); ++s) {
    for (NumberMention& m : ExtractNumbers(c, s)) all.push_back(std::move(m));
  }
  return all;
}

std::vector<NumberMention> Numbers(const std::string& sentence) {
  return NumbersIn(testing::Analyze({{"d", sentence}}));
}

TEST(NumbersTest, CountedNounSkipsModifiersAndQualifiers) {
  for (const char* s : {"The U.S. has about 5,000 troops in Iraq.",
                        "It keeps 5,000 U.S. troops there.", "Around 5,000 troops remain."}) {
    std::vector<NumberMention> n = Numbers(s);
    ASSERT_EQ(n.size(), 1u) << s;
    EXPECT_EQ(n[0].kind, NumberKind::kCount);
    EXPECT_EQ(n[0].value, "5000");
    EXPECT_EQ(n[0].unit, "troop") << s;
    EXPECT_EQ(n[0].text, "5,000 troops");
  }
}

TEST(NumbersTest, KindsOfNumbers) {
  std::vector<NumberMention> n = Numbers(
      "The vote was 170-0, with 158 members absent, after $2.5 billion in aid and a 40% rise "
      "on January 5, 2020, and again on Jan. 6 in 2019.");
  ASSERT_EQ(n.size(), 7u);
  EXPECT_EQ(n[0].kind, NumberKind::kTally);
  EXPECT_EQ(n[0].value, "170-0");
  EXPECT_EQ(n[1].text, "158 members");
  EXPECT_EQ(n[2].kind, NumberKind::kMoney);
  EXPECT_EQ(n[2].value, "2500000000");
  EXPECT_EQ(n[2].unit, "dollar");
  EXPECT_EQ(n[2].text, "$2.5 billion");
  EXPECT_EQ(n[3].kind, NumberKind::kPercent);
  EXPECT_EQ(n[3].value, "40");
  EXPECT_EQ(n[4].kind, NumberKind::kDate);
  EXPECT_EQ(n[4].value, "2020-01-05");
  EXPECT_EQ(n[4].match_value, "01-05");
  EXPECT_EQ(n[5].value, "01-06");
  EXPECT_EQ(n[6].kind, NumberKind::kYear);
  EXPECT_EQ(n[6].value, "2019");
}

TEST(NumbersTest, SpelledOutCounts) {
  std::vector<NumberMention> n =
      Numbers("Three firefighters were hurt and twenty-five engines came.");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].value, "3");
  EXPECT_EQ(n[0].unit, "firefight");
  EXPECT_EQ(n[0].text, "three firefighters");
  EXPECT_EQ(n[1].value, "25");
  EXPECT_TRUE(Numbers("Two of the injured were treated, and all three were stable.").empty());
}

TEST(NumbersTest, TimesRatiosAndOrdinalsAreNotCounts) {
  EXPECT_TRUE(Numbers("They met at 11:30 on 9/11 for the 3rd time.").empty());
}

TEST(NumbersTest, ContextLeavesOutTheNumberAndItsNoun) {
  const AnalyzedCluster c =
      testing::Analyze({{"d", "Officials said 300 tents were delivered to the camp."}});
  std::vector<NumberMention> n = NumbersIn(c);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].unit, "tent");
  std::vector<std::string_view> context;
  for (uint32_t t : n[0].context) context.push_back(c.terms.text[t]);
  std::sort(context.begin(), context.end());
  EXPECT_EQ(context, (std::vector<std::string_view>{"camp", "deliv", "offici"}));
  EXPECT_TRUE(std::is_sorted(n[0].context.begin(), n[0].context.end()));
}

}  // namespace
}  // namespace chorus::compare
