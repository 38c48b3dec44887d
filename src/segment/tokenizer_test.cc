#include "chorus/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace chorus {
namespace {

std::vector<std::string> Norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenizer().Tokenize(text)) out.emplace_back(t.norm);
  return out;
}

std::vector<std::string> Stems(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenizer().Tokenize(text)) out.emplace_back(t.stem);
  return out;
}

using Words = std::vector<std::string>;

TEST(TokenizerTest, KeepsJoinedWordsAndNumbers) {
  EXPECT_EQ(Norms("Iraq's parliament, al-Sadr and O'Brien: 5,000 troops, 3.5 percent, 170-0."),
            (Words{"iraq's", "parliament", "al-sadr", "and", "o'brien", "5,000", "troops", "3.5",
                   "percent", "170-0"}));
  EXPECT_EQ(Norms("the U.S. military and U.N. forces"),
            (Words{"the", "u.s.", "military", "and", "u.n.", "forces"}));
  EXPECT_EQ(Norms("1,2 and 12,3456 and end."),
            (Words{"1", "2", "and", "12", "3456", "and", "end"}));
}

TEST(TokenizerTest, UnicodeNormalisationAndCaseFolding) {
  // Curly apostrophe folds to the straight one; NFKC folds the ligature; é survives.
  EXPECT_EQ(Norms("Iraq\xE2\x80\x99s \xEF\xAC\x81nal Caf\xC3\xA9 STRASSE"),
            (Words{"iraq's", "final", "caf\xC3\xA9", "strasse"}));
  EXPECT_EQ(Tokenizer::Normalize("Stra\xC3\x9F"
                                 "e"),
            "strasse");
}

TEST(TokenizerTest, PorterStemsAndPossessives) {
  EXPECT_EQ(Stems("Iraq's lawmakers voted, expelling troops"),
            (Words{"iraq", "lawmak", "vote", "expel", "troop"}));
  EXPECT_EQ(Tokenizer::Stem("generalization"), "gener");
}

TEST(TokenizerTest, FlagsStopwordsNumbersAndCapitals) {
  auto toks = Tokenizer().Tokenize("The US sent 5,000 troops to us");
  ASSERT_EQ(toks.size(), 7u);
  EXPECT_TRUE(toks[0].stopword);  // the
  EXPECT_TRUE(toks[0].capitalized);
  EXPECT_FALSE(toks[1].stopword);  // US is an acronym, not the pronoun
  EXPECT_TRUE(toks[3].numeric);
  EXPECT_FALSE(toks[4].numeric);
  EXPECT_TRUE(toks[6].stopword);  // us
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

// U+034F (combining grapheme joiner) is a mark, so it reads as part of a
// word, but normalisation drops it: on its own it must give no token, and
// never one with an empty norm (found by tokenizer_fuzz).
TEST(TokenizerTest, IgnorableMarksAloneAreNotWords) {
  const std::string text = "ab \xCD\x8F\xCD\x8F cd\xCD\x8F";
  for (int pass = 0; pass < 2; ++pass) {  // miss, then word-cache hit
    auto toks = Tokenizer().Tokenize(text);
    ASSERT_EQ(toks.size(), 2u);
    EXPECT_EQ(toks[0].norm, "ab");
    EXPECT_EQ(toks[1].norm, "cd");
    EXPECT_NE(toks[1].stem_id, 0u);
  }
}

// Tokens come from a per-thread word cache keyed by surface bytes: a word seen
// before (a cache hit) must give the same token as the first time (a miss),
// and case variants must keep their own flags.
TEST(TokenizerTest, RepeatedWordsGiveIdenticalTokens) {
  const std::string text =
      "US troops met us. The the THE Caf\xC3\xA9 caf\xC3\xA9 Iraq\xE2\x80\x99s Iraq's";
  Tokenizer stemming;
  Tokenizer surface_only(TokenizerOptions{.stem = false});
  // Surface-only first, so the stemming tokenizer meets cached words with no stem yet.
  const auto plain = surface_only.Tokenize(text);
  const auto first = stemming.Tokenize(text);
  const auto second = stemming.Tokenize(text);
  ASSERT_EQ(first.size(), 11u);
  ASSERT_EQ(plain.size(), first.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].norm, second[i].norm);
    EXPECT_EQ(first[i].stem, second[i].stem);
    EXPECT_EQ(first[i].stopword, second[i].stopword);
    EXPECT_EQ(first[i].capitalized, second[i].capitalized);
    EXPECT_EQ(first[i].norm_id, second[i].norm_id);
    EXPECT_EQ(first[i].stem_id, second[i].stem_id);
    EXPECT_EQ(plain[i].norm, first[i].norm);
    EXPECT_EQ(plain[i].norm_id, first[i].norm_id);
    EXPECT_TRUE(plain[i].stem.empty());
    EXPECT_EQ(plain[i].stem_id, 0u);
  }
  EXPECT_FALSE(first[0].stopword);                          // US
  EXPECT_TRUE(first[3].stopword);                           // us
  EXPECT_TRUE(first[4].capitalized && first[4].stopword);   // The
  EXPECT_TRUE(!first[5].capitalized && first[5].stopword);  // the
  EXPECT_FALSE(first[6].stopword);                          // THE
  EXPECT_EQ(first[7].norm, first[8].norm);
  EXPECT_NE(first[7].capitalized, first[8].capitalized);
  EXPECT_EQ(first[9].norm, "iraq's");
  EXPECT_EQ(first[10].norm, "iraq's");
  EXPECT_EQ(first[9].stem, "iraq");
  EXPECT_EQ(first[7].norm_id, first[8].norm_id);  // "café" twice
  EXPECT_NE(first[0].norm_id, first[1].norm_id);  // "us", "troops"
  EXPECT_EQ(first[0].norm_id, first[3].norm_id);  // "US" and "us" share their norm
}

// Token strings are interned: they outlive the text and the tokenizer.
TEST(TokenizerTest, TokensOutliveTheirInputText) {
  std::vector<Token> tokens;
  {
    std::string text = "Parliament voted; parliaments vote.";
    tokens = Tokenizer().Tokenize(text);
    text.assign(text.size(), '#');
  }
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].norm, "parliament");
  EXPECT_EQ(tokens[2].norm, "parliaments");
  EXPECT_EQ(tokens[0].stem, tokens[2].stem);
  EXPECT_EQ(tokens[0].stem_id, tokens[2].stem_id);
  EXPECT_EQ(tokens[1].stem, "vote");
  EXPECT_EQ(tokens[1].stem_id, tokens[3].stem_id);
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
