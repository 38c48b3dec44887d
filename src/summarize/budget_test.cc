#include "summarize/budget.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

TEST(BudgetTest, WordsAreWhitespacePiecesAsRougeCountsThem) {
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(CountWords("   "), 0u);
  EXPECT_EQ(CountWords("Hun Sen's party _ won."), 5u);
  EXPECT_EQ(CountWords(" a\tb\nc  "), 3u);
  EXPECT_EQ(CountWords("5,000 troops (U.S.)"), 3u);
  EXPECT_EQ(CountWords("a\vb\fc\rd"), 4u);
  EXPECT_EQ(CountWords("a\x08" "b\x0E" " c \xC2\xA0" "d"), 3u);  // backspace, shift-out, NBSP are not spaces
}

TEST(BudgetTest, CostsAndCapacities) {
  EXPECT_EQ(SentenceCost("one two three", BudgetUnit::kWords), 3u);
  EXPECT_EQ(SentenceCost("one two three", BudgetUnit::kBytes), 14u);  // + separator
  EXPECT_EQ(SentenceCost("one two three", BudgetUnit::kSentences), 1u);
  EXPECT_EQ(BudgetCapacity({BudgetUnit::kWords, 100}), 100u);
  EXPECT_EQ(BudgetCapacity({BudgetUnit::kBytes, 665}), 666u);
  EXPECT_EQ(BudgetCapacity({BudgetUnit::kSentences, 3}), 3u);
}

}  // namespace
}  // namespace chorus
