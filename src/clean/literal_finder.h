// LiteralFinder: fast "does this text contain this word?" for the rule
// option needs=WORD, which gates a regex on most paragraphs of every article.
//
// It scans for the needle's rarest adjacent byte pair (by English letter
// frequency: "mm" in "comment", "(@" in "(@"), 16 positions at a time with
// SSE2, and verifies candidates. string_view::find (memchr on the first byte,
// often a common letter, then memcmp) and glibc memmem were 2-4x slower here.
//
// Thread safety: immutable after construction. Copyable.
#ifndef CHORUS_SRC_CLEAN_LITERAL_FINDER_H_
#define CHORUS_SRC_CLEAN_LITERAL_FINDER_H_

#include <string>
#include <string_view>

namespace chorus::clean {

class LiteralFinder {
 public:
  explicit LiteralFinder(std::string needle);

  bool FoundIn(std::string_view text) const;

 private:
  std::string needle_;
  size_t anchor_ = 0;  // offset in needle_ of the pair scanned for
};

}  // namespace chorus::clean

#endif  // CHORUS_SRC_CLEAN_LITERAL_FINDER_H_
