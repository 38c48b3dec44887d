#include "clean/literal_finder.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>

namespace chorus::clean {
namespace {

TEST(LiteralFinderTest, FindsAtEveryPositionAndNotOtherwise) {
  for (const std::string needle : {"comment", "(@", ")", "Getty", "mm", "xyz"}) {
    LiteralFinder finder(needle);
    for (size_t len = 0; len < 70; ++len) {
      std::string hay(len, 'a');
      EXPECT_FALSE(finder.FoundIn(hay)) << needle << " in " << len;
      for (size_t at = 0; at + needle.size() <= len; ++at) {
        std::string with = hay;
        with.replace(at, needle.size(), needle);
        EXPECT_TRUE(finder.FoundIn(with)) << needle << " at " << at << " of " << len;
      }
    }
  }
}

// The SIMD path against std::string_view::find on random text over a small
// alphabet (so partial matches are frequent).
TEST(LiteralFinderTest, AgreesWithStringFind) {
  std::mt19937 rng(7);
  const std::string alphabet = "comnet (@)";
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text(rng() % 90, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    for (const std::string needle : {"comment", "(@", "mm", "te", "et (@"}) {
      EXPECT_EQ(LiteralFinder(needle).FoundIn(text),
                std::string_view(text).find(needle) != std::string_view::npos)
          << needle << " in [" << text << "]";
    }
  }
}

// Letters match in any case; other bytes, including those one 0x20 bit away
// from the needle's ('@' and '`', '(' and '\b'), only as themselves.
TEST(LiteralFinderTest, IgnoresLetterCaseOnly) {
  EXPECT_TRUE(LiteralFinder("comment").FoundIn("Comments are closed"));
  EXPECT_TRUE(LiteralFinder("comment").FoundIn("READ COMMENTS"));
  EXPECT_TRUE(LiteralFinder("Comment").FoundIn("the CoMMent box"));
  EXPECT_TRUE(LiteralFinder("x").FoundIn("aaaX"));
  EXPECT_FALSE(LiteralFinder("comment").FoundIn("c0mment and c-mment"));
  EXPECT_FALSE(LiteralFinder("(@").FoundIn("aaaaaaaaaaaaaaaaaaaaaaaaa(`aaaaaaaaaaaaaaaaaaa"));
  EXPECT_FALSE(LiteralFinder("(@").FoundIn("aaaaaaaaaaaaaaaaaaaaaaaaa\x08@aaaaaaaaaaaaaaaaaa"));
  EXPECT_TRUE(LiteralFinder("(@").FoundIn("aaaaaaaaaaaaaaaaaaaaaaaaa(@aaaaaaaaaaaaaaaaaaa"));
  EXPECT_FALSE(
      LiteralFinder("a1").FoundIn("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x11"
                                  "aaa"));
}

// The SIMD path against a case-folded std::string_view::find on random text
// whose alphabet mixes cases.
TEST(LiteralFinderTest, AgreesWithFoldedFind) {
  std::mt19937 rng(11);
  const std::string alphabet = "cOmMnEtT (@`)";
  auto fold = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text(rng() % 90, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    for (const std::string needle : {"Comment", "(@", "mm", "tE", "et (@", "t"}) {
      EXPECT_EQ(LiteralFinder(needle).FoundIn(text),
                fold(text).find(fold(needle)) != std::string::npos)
          << needle << " in [" << text << "]";
    }
  }
}

}  // namespace
}  // namespace chorus::clean
