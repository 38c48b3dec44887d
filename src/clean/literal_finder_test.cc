#include "clean/literal_finder.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace chorus::clean
