#include "clean/paragraphs.h"

#include <gtest/gtest.h>

#include <deque>
#include <random>
#include <string>

namespace chorus::clean {
namespace {

// The obvious byte-by-byte version CollapseWhitespace's fast paths must match.
std::string ReferenceCollapse(const std::string& s) {
  static const std::vector<std::string> kSpaces = {
      " ",           "\t",           "\r",           "\f",           "\v",
      "\xC2\xA0",    "\xE2\x80\x80", "\xE2\x80\x8A", "\xE2\x80\xAF", "\xE2\x81\x9F",
      "\xE3\x80\x80"};
  static const std::vector<std::string> kInvisible = {"\xE2\x80\x8B", "\xEF\xBB\xBF"};
  std::string out;
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    bool matched = false;
    for (const std::string& sp : kSpaces) {
      if (s.compare(i, sp.size(), sp) == 0) {
        pending = !out.empty();
        i += sp.size();
        matched = true;
        break;
      }
    }
    for (const std::string& z : kInvisible) {
      if (!matched && s.compare(i, z.size(), z) == 0) {
        i += z.size();
        matched = true;
      }
    }
    if (matched) continue;
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(s[i++]);
  }
  return out;
}

TEST(ParagraphsTest, CollapseMatchesTheReferenceOnRandomText) {
  const std::vector<std::string> pieces = {"a",
                                           "Bc",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\xC2\xA0",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x8B",
                                           "\xE2\x80\xAF",
                                           "\xE3\x80\x80",
                                           "\xEF\xBB\xBF",
                                           "\xC3\xA9",
                                           "\xE2\x82\xAC",
                                           ".",
                                           "\r"};
  std::mt19937 rng(11);
  for (int trial = 0; trial < 5000; ++trial) {
    std::string s;
    size_t n = rng() % 40;
    for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    ASSERT_EQ(CollapseWhitespace(s), ReferenceCollapse(s)) << "[" << s << "]";
  }
}

TEST(ParagraphsTest, SplitsLinesAndKeepsCleanLinesAsTheyAre) {
  std::string clean_line(100, 'x');
  EXPECT_EQ(SplitParagraphs(" one \n\n\ntwo\r\n" + clean_line),
            (std::vector<std::string>{"one", "two", clean_line}));
  EXPECT_TRUE(SplitParagraphs("\n \n\xC2\xA0\n").empty());
}

// Hard-wrapped text (most lines 40-100 bytes, not ending a sentence) is
// joined up to each blank line; the joined paragraphs are new text, so the
// views must point at storage that outlives the call.
TEST(ParagraphsTest, JoinsHardWrappedLinesIntoStoredParagraphs) {
  const std::string wrapped =
      "The harbour fire started in a warehouse near the\n"
      "container terminal late on Tuesday evening and\n"
      "spread  quickly along the quay, officials said.\n"
      "\n"
      "Firefighters from three districts worked through\n"
      "the night to keep the flames from the fuel depot\n"
      "on the northern side of the port.\n";
  std::deque<std::string> storage;
  std::vector<std::string_view> views = SplitParagraphViews(wrapped, &storage);
  const std::string first =
      "The harbour fire started in a warehouse near the container terminal late on Tuesday "
      "evening and spread quickly along the quay, officials said.";
  const std::string second =
      "Firefighters from three districts worked through the night to keep the flames from the "
      "fuel depot on the northern side of the port.";
  ASSERT_EQ(views.size(), 2u);
  EXPECT_EQ(views[0], first);  // the double space collapsed too
  EXPECT_EQ(views[1], second);
  EXPECT_EQ(SplitParagraphs(wrapped), (std::vector<std::string>{first, second}));
}

TEST(ParagraphsTest, WordCharactersAndWords) {
  EXPECT_FALSE(HasWordCharacter(" -- \xE2\x80\x94 ."));
  EXPECT_TRUE(HasWordCharacter("\xC3\xA9"));
  EXPECT_EQ(CountWords("a b c"), 3u);
  EXPECT_EQ(CountWords(""), 0u);
}

}  // namespace
}  // namespace chorus::clean

// The vector test of "anything to collapse?" agrees with the byte one at
// every offset: spaces collapse, zero-width characters vanish, and curly
// quotes and dashes (which share the E2 80 lead bytes) stay.
TEST(CollapseWhitespaceTest, SpecialCharactersAtEveryOffset) {
  struct Case {
    std::string_view insert, expected;
  };
  const Case cases[] = {{"  ", " "},
                        {"\t", " "},
                        {"\xC2\xA0", " "},
                        {"\xE2\x80\x89", " "},
                        {"\xE2\x80\xAF", " "},
                        {"\xE2\x81\x9F", " "},
                        {"\xE3\x80\x80", " "},
                        {"\xE2\x80\x8B", ""},
                        {"\xEF\xBB\xBF", ""},
                        {"\xE2\x80\x99", "\xE2\x80\x99"},
                        {"\xE2\x80\x94", "\xE2\x80\x94"}};
  for (const Case& c : cases) {
    for (size_t at = 1; at < 45; ++at) {
      const std::string before(at, 'a'), after(45 - at, 'b');
      EXPECT_EQ(chorus::clean::CollapseWhitespace(before + std::string(c.insert) + after),
                before + std::string(c.expected) + after)
          << "at " << at;
    }
  }
}
