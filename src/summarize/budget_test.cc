#include "summarize/budget.h"

#include <gtest/gtest.h>

#include <string>

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

// Long texts are counted in chunks: every word is counted once, whatever
// the chunk it starts in or straddles, and a chunk of only words (255
// one-letter words) does not overflow.
TEST(BudgetTest, LongTextsCountEveryWordOnce) {
  for (const size_t words : {1u, 127u, 128u, 129u, 255u, 256u, 300u, 1000u}) {
    std::string one_letter, longer;
    for (size_t w = 0; w < words; ++w) {
      one_letter += w == 0 ? "a" : " a";
      longer += "word" + std::to_string(w) + (w % 3 == 0 ? "\t" : "  ");
    }
    EXPECT_EQ(CountWords(one_letter), words) << words;
    EXPECT_EQ(CountWords(longer), words) << words;
    EXPECT_EQ(CountWords(" " + longer), words) << words;
  }
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
