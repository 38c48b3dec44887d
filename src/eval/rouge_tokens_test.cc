#include "eval/rouge_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chorus::rouge {
namespace {

std::vector<std::string> Strings(const std::vector<std::string_view>& views) {
  return std::vector<std::string>(views.begin(), views.end());
}

// The final token strings of `text` under `options` (readText view).
std::vector<std::string> Tokens(std::string_view text, const RougeOptions& options = {}) {
  auto interner = TokenInterner::Create(options);
  EXPECT_TRUE(interner.ok());
  SummaryTokens tokens;
  (*interner)->TokenizeSummary(text, &tokens);
  std::vector<std::string> out;
  for (uint32_t id : tokens.flat) out.push_back((*interner)->Text(id));
  return out;
}

TEST(RougeTokensTest, SentencesAreNonEmptyLines) {
  EXPECT_EQ(Strings(SplitSentences("a b\n\nc\n")), (std::vector<std::string>{"a b", "c"}));
  EXPECT_EQ(Strings(SplitSentences(" \nx")), (std::vector<std::string>{" ", "x"}));
  EXPECT_TRUE(SplitSentences("").empty());
}

TEST(RougeTokensTest, PerlWordCountCountsALeadingEmptyField) {
  EXPECT_EQ(CountPerlWords("one two  three"), 3);
  EXPECT_EQ(CountPerlWords("  one two"), 3);  // split(/\s+/) keeps a leading ""
  EXPECT_EQ(CountPerlWords("one two \t"), 2);
  EXPECT_EQ(CountPerlWords("   "), 0);
}

TEST(RougeTokensTest, WordLimitKeepsWholeSentencesThenAPrefix) {
  const std::vector<std::string_view> s = {"a b c", "d e f", "g h"};
  // 3 < 5 keeps the first sentence; 3 + 3 is not < 5: two words of the second.
  EXPECT_EQ(Strings(TruncateSentences(s, 5, 0)), (std::vector<std::string>{"a b c", "d e"}));
  // Reaching the limit exactly still stops reading (taken + len < N fails).
  EXPECT_EQ(Strings(TruncateSentences(s, 6, 0)), (std::vector<std::string>{"a b c", "d e f"}));
  EXPECT_EQ(Strings(TruncateSentences(s, 100, 0)), Strings(s));
  // The leading empty field counts as a word.
  EXPECT_EQ(Strings(TruncateSentences({" x y z"}, 2, 0)), (std::vector<std::string>{" x"}));
}

TEST(RougeTokensTest, ByteLimitCountsSentenceBytesWithoutSeparators) {
  const std::vector<std::string_view> s = {"abcd", "efgh", "ijkl"};
  EXPECT_EQ(Strings(TruncateSentences(s, 0, 10)), (std::vector<std::string>{"abcd", "efgh", "ij"}));
  EXPECT_EQ(Strings(TruncateSentences(s, 0, 8)), (std::vector<std::string>{"abcd", "efgh"}));
}

TEST(RougeTokensTest, LcsByteLimitNeverAdvancesItsCounter) {
  // readText_LCS forgets `$tmpTextLen += $sLen`: only a sentence that alone
  // reaches the limit is cut.
  const std::vector<std::string_view> s = {"abcd", "efgh", "ijklmnopqrst", "uv"};
  EXPECT_EQ(Strings(TruncateSentencesForLcs(s, 0, 10)),
            (std::vector<std::string>{"abcd", "efgh", "ijklmnopqr"}));
  EXPECT_EQ(Strings(TruncateSentencesForLcs(s, 5, 0)), Strings(TruncateSentences(s, 5, 0)));
}

TEST(RougeTokensTest, TokensAreLowercasedAlphanumericRuns) {
  EXPECT_EQ(Tokens("U.S. Vice-President's $5,000 bid\xC3\xA9s!"),
            (std::vector<std::string>{"u", "s", "vice", "president", "s", "5", "000", "bid", "s"}));
  EXPECT_EQ(Tokens("- -- a-b"), (std::vector<std::string>{"a", "b"}));
}

TEST(RougeTokensTest, StopwordsOnlyWithMinusS) {
  RougeOptions options;
  EXPECT_EQ(Tokens("The cat is on the mat", options).size(), 6u);
  options.remove_stopwords = true;
  EXPECT_EQ(Tokens("The cat is on the mat", options), (std::vector<std::string>{"cat", "mat"}));
}

TEST(RougeTokensTest, StemmingUsesExceptionsFirstAndSkipsShortWords) {
  RougeOptions options;
  options.stem = true;
  // went/geese/running are in the exception table; "ran" has 3 letters.
  EXPECT_EQ(Tokens("went geese agreements running ran", options),
            (std::vector<std::string>{"go", "goose", "agreem", "run", "ran"}));
  EXPECT_EQ(Tokens("was", options), (std::vector<std::string>{"was"}));
}

TEST(RougeTokensTest, SameStringSameId) {
  RougeOptions options;
  options.stem = true;
  auto interner = TokenInterner::Create(options);
  ASSERT_TRUE(interner.ok());
  std::vector<uint32_t> ids;
  (*interner)->Tokenize("Running runs RUN", &ids);
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids[0], ids[1]);
  EXPECT_EQ(ids[1], ids[2]);
}

TEST(RougeTokensTest, LcsViewKeepsSentencesApart) {
  auto interner = TokenInterner::Create(RougeOptions{});
  ASSERT_TRUE(interner.ok());
  SummaryTokens tokens;
  (*interner)->TokenizeSummary("a b\n\nc d e\n", &tokens);
  EXPECT_EQ(tokens.flat.size(), 5u);
  EXPECT_EQ(tokens.lcs, tokens.flat);
  EXPECT_EQ(tokens.sentence_ends, (std::vector<uint32_t>{2, 5}));
}

}  // namespace
}  // namespace chorus::rouge
