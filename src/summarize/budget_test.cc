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

// Texts are judged 64 bytes at a time, then byte by byte: every space
// character and near miss, at every offset of texts of every length up to
// 200, gives the count of a plain byte-by-byte reference.
TEST(BudgetTest, EveryByteAtEveryOffsetCountsLikeAReference) {
  const auto reference = [](const std::string& text) {
    uint32_t words = 0;
    bool after_space = true;
    for (const char c : text) {
      const bool space = c == ' ' || (c >= '\t' && c <= '\r');
      words += after_space && !space;
      after_space = space;
    }
    return words;
  };
  const std::string probes = std::string(" \t\n\v\f\r\b\x0e\x1f!\x7f\x80\xa0\xff", 14) + "a";
  for (size_t length = 1; length <= 200; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (const char probe : probes) {
        std::string text(length, 'x');
        for (size_t k = 7; k < length; k += 11) text[k] = ' ';  // a few words
        text[at] = probe;
        ASSERT_EQ(CountWords(text), reference(text)) << length << " " << at << " " << int(probe);
      }
    }
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
