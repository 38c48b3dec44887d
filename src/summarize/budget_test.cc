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
  // Backspace, shift-out and a no-break space are not spaces.
  EXPECT_EQ(CountWords("a\010b\016 c \302\240d"), 3u);
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
