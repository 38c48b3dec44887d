// LiteralFinder: fast "does this text contain this word, in any ASCII case?"
// for the rule option needs=WORD, which gates a regex on most paragraphs of
// every article.
//
// It scans for the needle's rarest adjacent byte pair (by English letter
// frequency: "mm" in "comment", "(@" in "(@"), 16 positions at a time with
// SSE2, and verifies candidates. A letter is compared with its 0x20 bit set,
// which equates exactly its two cases, so one pass finds "comment",
// "Comment", "COMMENT" and "CoMMent" alike (three case-sensitive passes
// cost three times as much). string_view::find (memchr on the first byte,
// often a common letter, then memcmp) and glibc memmem were 2-4x slower here.
//
// Thread safety: immutable after construction. Copyable.
#ifndef CHORUS_SRC_CLEAN_LITERAL_FINDER_H_
#define CHORUS_SRC_CLEAN_LITERAL_FINDER_H_

#include <string>
#include <string_view>

namespace chorus::clean {

// ASCII upper case to lower case; every other byte unchanged.
constexpr unsigned char FoldAsciiCase(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c;
}

// Whether the folded.size() bytes at `p`, ASCII case folded, are `folded`
// (itself already folded).
inline bool MatchesFolded(const unsigned char* p, std::string_view folded) {
  for (size_t k = 0; k < folded.size(); ++k) {
    if (FoldAsciiCase(p[k]) != static_cast<unsigned char>(folded[k])) return false;
  }
  return true;
}

// Offset in `word` (ASCII lower-cased) of its rarest run of `run` adjacent
// bytes in English news text; 0 for words shorter than that.
size_t RarestRunOffset(std::string_view word, size_t run);

class LiteralFinder {
 public:
  explicit LiteralFinder(std::string needle);

  // Whether `text` contains the needle, ASCII letters compared case-insensitively.
  bool FoundIn(std::string_view text) const;

 private:
  std::string needle_;  // ASCII letters lower-cased
  size_t anchor_ = 0;   // offset in needle_ of the pair scanned for
};

}  // namespace chorus::clean

#endif  // CHORUS_SRC_CLEAN_LITERAL_FINDER_H_
