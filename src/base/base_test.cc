// Tests of the base helpers: strings, dates, UTF-8, disjoint sets.
#include <gtest/gtest.h>

#include "base/dates.h"
#include "base/dense_ids.h"
#include "base/disjoint_sets.h"
#include "base/sorted_sets.h"
#include "base/strings.h"
#include "base/text_lines.h"
#include "base/utf8.h"

namespace chorus {
namespace {

TEST(StringsTest, TrimAndBlank) {
  EXPECT_EQ(Trim(" \t\r\n\f\vword  word\n"), "word  word");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \n "), "");
  // Only ASCII whitespace: a no-break space is text.
  EXPECT_EQ(Trim("\xC2\xA0x "), "\xC2\xA0x");
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" \t\r\n\f\v"));
  EXPECT_FALSE(IsBlank(" . "));
}

TEST(StringsTest, Headlines) {
  EXPECT_TRUE(LooksLikeHeadline("  Warehouse Fire Rages  "));
  EXPECT_FALSE(LooksLikeHeadline("The fire started at dawn."));
  EXPECT_FALSE(LooksLikeHeadline("Read more:"));
  EXPECT_FALSE(LooksLikeHeadline("https://example.test/story"));
  EXPECT_FALSE(LooksLikeHeadline("   "));
  EXPECT_TRUE(LooksLikeHeadline(std::string(24, 'a') + std::string(24, ' ')));  // trimmed
  std::string many_words;
  for (int i = 0; i < 26; ++i) many_words += "w ";
  EXPECT_FALSE(LooksLikeHeadline(many_words + "w"));
  EXPECT_FALSE(LooksLikeHeadline(std::string(201, 'x')));
}

TEST(DatesTest, IsoDates) {
  EXPECT_TRUE(IsIsoDate("2020-01-05"));
  EXPECT_FALSE(IsIsoDate("2020-13-45"));  // the calendar is checked
  EXPECT_FALSE(IsIsoDate("2020-00-10"));
  EXPECT_FALSE(IsIsoDate("2020-04-31"));
  EXPECT_TRUE(IsIsoDate("2020-02-29"));
  EXPECT_FALSE(IsIsoDate("2021-02-29"));
  EXPECT_FALSE(IsIsoDate("1900-02-29"));
  EXPECT_TRUE(IsIsoDate("2000-02-29"));
  EXPECT_FALSE(IsIsoDate("2020-1-05"));
  EXPECT_FALSE(IsIsoDate("2020-01-05T10:00"));
  EXPECT_FALSE(IsIsoDate("2020/01/05"));
  EXPECT_FALSE(IsIsoDate("２020-01-05"));
}

TEST(DatesTest, MonthNames) {
  EXPECT_EQ(MonthNumber("january", MonthForms::kFullNames), 1);
  EXPECT_EQ(MonthNumber("december", MonthForms::kFullNames), 12);
  EXPECT_EQ(MonthNumber("jan", MonthForms::kFullNames), 0);
  EXPECT_EQ(MonthNumber("jan", MonthForms::kAbbreviated), 1);
  EXPECT_EQ(MonthNumber("sept", MonthForms::kAbbreviated), 9);
  EXPECT_EQ(MonthNumber("mar", MonthForms::kAbbreviated), 3);
  EXPECT_EQ(MonthNumber("may", MonthForms::kAbbreviated), 5);
  EXPECT_EQ(MonthNumber("ju", MonthForms::kAbbreviated), 0);
  EXPECT_EQ(MonthNumber("janua", MonthForms::kAbbreviated), 0);
  EXPECT_EQ(MonthNumber("January", MonthForms::kFullNames), 0);  // lower case only
}

TEST(Utf8Test, ValidateRepairTruncate) {
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));
  std::string s = "ab\xE2\x82 c\xC3\xA9\xFF";
  EXPECT_EQ(RepairUtf8(&s), 2u);
  EXPECT_EQ(s, "ab\xEF\xBF\xBD c\xC3\xA9\xEF\xBF\xBD");
  std::string ok = "fine";
  EXPECT_EQ(RepairUtf8(&ok), 0u);
  std::string t = "\xC3\xA9\xC3\xA9";
  EXPECT_TRUE(TruncateUtf8(&t, 3));
  EXPECT_EQ(t, "\xC3\xA9");
  EXPECT_FALSE(TruncateUtf8(&t, 2));
}

TEST(Utf8Test, FirstInvalidByte) {
  EXPECT_EQ(FirstInvalidUtf8("valid \xC3\xA9"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("abc\xFF"
                             "def"),
            3u);
  EXPECT_EQ(FirstInvalidUtf8("ab\xE2\x82"), 2u);  // truncated at the end: its lead byte
  EXPECT_EQ(FirstInvalidUtf8("\x80"), 0u);
}

TEST(DisjointSetsTest, SmallestMemberRepresentsItsSet) {
  DisjointSets sets(6);
  EXPECT_TRUE(sets.Union(5, 2));
  EXPECT_TRUE(sets.Union(4, 5));
  EXPECT_FALSE(sets.Union(2, 4));
  EXPECT_EQ(sets.Find(4), 2u);
  EXPECT_EQ(sets.Sets(), (std::vector<std::vector<size_t>>{{0}, {1}, {2, 4, 5}, {3}}));
  EXPECT_EQ(sets.Labels(), (std::vector<uint32_t>{0, 1, 2, 3, 2, 2}));
  DisjointSets none(0);
  EXPECT_TRUE(none.Sets().empty());
}

TEST(Utf8Test, ControlCharactersAreReplaced) {
  using namespace std::string_literals;
  std::string text = "red \x1b[31mtext\x1b[0m, nul\0here,\fpage\tkept\r\n\xC2\x9B c1 caf\xC3\xA9"s;
  EXPECT_EQ(ReplaceControlCharacters(&text), 5u);
  EXPECT_EQ(text,
            "red \xEF\xBF\xBD[31mtext\xEF\xBF\xBD[0m, nul\xEF\xBF\xBDhere, page\tkept\r\n"
            "\xEF\xBF\xBD c1 caf\xC3\xA9");
  std::string clean = "plain text\n";
  EXPECT_EQ(ReplaceControlCharacters(&clean), 0u);
}

// Text is ruled out eight bytes at a time: a control character is found at
// every offset of a word and in the tail, and near-misses are not taken.
TEST(Utf8Test, ControlCharactersAreFoundAtEveryOffset) {
  const std::string base = "The quick brown fox\tjumps over\r\nthe lazy dog";
  for (size_t at = 0; at <= base.size(); ++at) {
    for (const std::string mark : {"\x01", "\x1f", "\x7f", "\xC2\x85", "\xC2\x9F"}) {
      std::string text = base;
      text.insert(at, mark);
      EXPECT_EQ(ReplaceControlCharacters(&text), 1u) << at << " " << mark.size();
      std::string expected = base;
      expected.insert(at, "\xEF\xBF\xBD");
      EXPECT_EQ(text, expected) << at;
    }
    for (const std::string mark : {" ", "\x80", "\xC2\xA0", "\xC3\xA9", "~"}) {
      std::string text = base;
      text.insert(at, mark);
      EXPECT_EQ(ReplaceControlCharacters(&text), 0u) << at << " " << mark.size();
    }
  }
}

TEST(TextLinesTest, CountsLinesAndNamesThemInErrors) {
  TextLines lines("magic\r\nsecond\n\nlast", "m.txt", "retrain it");
  std::string_view line;
  EXPECT_EQ(lines.line_number(), 0u);
  ASSERT_TRUE(lines.Next(&line));
  EXPECT_EQ(line, "magic");
  ASSERT_TRUE(lines.Next(&line));
  EXPECT_EQ(line, "second");
  ASSERT_TRUE(lines.Next(&line));
  EXPECT_EQ(line, "");
  ASSERT_TRUE(lines.Next(&line));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(lines.Next(&line));
  EXPECT_EQ(lines.Error("bad").message(), "m.txt:4: bad (retrain it)");
  EXPECT_EQ(TextLines("", "n.txt").Error("empty").message(), "n.txt:0: empty");
}

TEST(TextLinesTest, ParseWholeRejectsLeftovers) {
  double d = 0;
  EXPECT_TRUE(ParseWhole("0.25", &d));
  EXPECT_EQ(d, 0.25);
  EXPECT_FALSE(ParseWhole("0.25x", &d));
  uint32_t n = 0;
  EXPECT_FALSE(ParseWhole("-1", &n));
  EXPECT_FALSE(ParseWhole("", &n));
}

TEST(SortedSetsTest, SharedCountAndShareAny) {
  const std::vector<int> a = {1, 3, 5, 7}, b = {3, 4, 5}, c = {2, 4};
  EXPECT_EQ(SharedCount(a, b), 2u);
  EXPECT_EQ(SharedCount(a, c), 0u);
  EXPECT_TRUE(ShareAny(a, b));
  EXPECT_FALSE(ShareAny(a, c));
  EXPECT_FALSE(ShareAny(a, std::vector<int>{}));
}

TEST(DenseIdsTest, NumbersKeysInFirstSeenOrderThroughGrowth) {
  DenseIds ids(2);  // grows several times below
  bool added = false;
  for (uint64_t k = 0; k < 1000; ++k) {
    EXPECT_EQ(ids.Insert(k * 0x10000001ULL + 7, &added), k);
    EXPECT_TRUE(added);
  }
  EXPECT_EQ(ids.Insert(3 * 0x10000001ULL + 7, &added), 3u);
  EXPECT_FALSE(added);
  EXPECT_EQ(ids.size(), 1000u);
  EXPECT_EQ(ids.Find(999 * 0x10000001ULL + 7), 999u);
  EXPECT_EQ(ids.Find(0), DenseIds::kAbsent);
  EXPECT_EQ(ids.Insert(0, &added), 1000u);  // key 0 is an ordinary key
  EXPECT_EQ(ids.Find(0), 1000u);
}

}  // namespace
}  // namespace chorus
