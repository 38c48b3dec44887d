#include "chorus/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace chorus {
namespace {

std::vector<std::string> Norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenizer().Tokenize(text)) out.push_back(t.norm);
  return out;
}

std::vector<std::string> Stems(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenizer().Tokenize(text)) out.push_back(t.stem);
  return out;
}

using Words = std::vector<std::string>;

TEST(TokenizerTest, KeepsJoinedWordsAndNumbers) {
  EXPECT_EQ(Norms("Iraq's parliament, al-Sadr and O'Brien: 5,000 troops, 3.5 percent, 170-0."),
            (Words{"iraq's", "parliament", "al-sadr", "and", "o'brien", "5,000", "troops", "3.5",
                   "percent", "170-0"}));
  EXPECT_EQ(Norms("the U.S. military and U.N. forces"),
            (Words{"the", "u.s.", "military", "and", "u.n.", "forces"}));
  EXPECT_EQ(Norms("1,2 and 12,3456 and end."), (Words{"1", "2", "and", "12", "3456", "and", "end"}));
}

TEST(TokenizerTest, UnicodeNormalisationAndCaseFolding) {
  // Curly apostrophe folds to the straight one; NFKC folds the ligature; é survives.
  EXPECT_EQ(Norms("Iraq\xE2\x80\x99s \xEF\xAC\x81nal Caf\xC3\xA9 STRASSE"),
            (Words{"iraq's", "final", "caf\xC3\xA9", "strasse"}));
  EXPECT_EQ(Tokenizer::Normalize("Stra\xC3\x9F" "e"), "strasse");
}

TEST(TokenizerTest, PorterStemsAndPossessives) {
  EXPECT_EQ(Stems("Iraq's lawmakers voted, expelling troops"),
            (Words{"iraq", "lawmak", "vote", "expel", "troop"}));
  EXPECT_EQ(Tokenizer::Stem("generalization"), "gener");
}

TEST(TokenizerTest, FlagsStopwordsNumbersAndCapitals) {
  auto toks = Tokenizer().Tokenize("The US sent 5,000 troops to us");
  ASSERT_EQ(toks.size(), 7u);
  EXPECT_TRUE(toks[0].stopword);      // the
  EXPECT_TRUE(toks[0].capitalized);
  EXPECT_FALSE(toks[1].stopword);     // US is an acronym, not the pronoun
  EXPECT_TRUE(toks[3].numeric);
  EXPECT_FALSE(toks[4].numeric);
  EXPECT_TRUE(toks[6].stopword);      // us
  EXPECT_FALSE(toks[6].capitalized);
}

TEST(TokenizerTest, OffsetsAndInvalidUtf8) {
  const std::string text = "ab \xFF\xFE cd";
  auto toks = Tokenizer().Tokenize(text);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(text.substr(toks[1].begin, toks[1].end - toks[1].begin), "cd");
  EXPECT_EQ(Tokenizer::Normalize("a\xFF"), "a\xEF\xBF\xBD");
  EXPECT_TRUE(Tokenizer().Tokenize("").empty());
  EXPECT_TRUE(Tokenizer().Tokenize("... -- !!").empty());
}

TEST(TokenizerTest, StemmingIsThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<std::string> got(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&got, i] {
      for (int k = 0; k < 2000; ++k) got[i] = Tokenizer::Stem(k % 2 ? "running" : "connections");
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, "run");
}

}  // namespace
}  // namespace chorus
