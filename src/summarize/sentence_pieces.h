// A sentence cut into whitespace-separated pieces, and the word tests the
// sentence compressor's deletion rules share (sentence_compressor.cc,
// clause_deletions.cc). Pieces point into the sentence's text, which must
// outlive them.
//
// Thread safety: pure functions.
#ifndef CHORUS_SUMMARIZE_SENTENCE_PIECES_H_
#define CHORUS_SUMMARIZE_SENTENCE_PIECES_H_

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace chorus::compression {

// A whitespace-separated piece of the sentence, punctuation attached.
struct Piece {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view text;
};

// The pieces of `text`, in order (runs of spaces separate them).
std::vector<Piece> Pieces(std::string_view text);

// Whether `c` is punctuation a piece may carry after its word (".,;:!?").
// A switch, not a find() in ".,;:!?": this runs on most pieces, and a memchr
// call per byte tested cost more than the test.
inline bool IsTrailingPunctuation(char c) {
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
      return true;
    default:
      return false;
  }
}

// The piece without trailing punctuation.
inline std::string_view Bare(std::string_view piece) {
  while (!piece.empty() && IsTrailingPunctuation(piece.back())) piece.remove_suffix(1);
  return piece;
}

// Bytes of trailing punctuation a piece carries.
inline uint32_t TrailingPunctuation(std::string_view piece) {
  return static_cast<uint32_t>(piece.size() - Bare(piece).size());
}

// Whether `word` is one of `words`.
template <size_t N>
bool OneOf(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Day words that the weekday and attribution rules look for.
inline constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
inline constexpr std::array<std::string_view, 4> kDayParts = {"morning", "afternoon", "evening",
                                                              "night"};

// Whether `text` holds a quotation mark (straight, TeX-style or curly).
inline bool HasQuote(std::string_view text) {
  return text.find('"') != std::string_view::npos || text.find("``") != std::string_view::npos ||
         text.find("''") != std::string_view::npos ||
         text.find("\xE2\x80\x9C") != std::string_view::npos ||
         text.find("\xE2\x80\x9D") != std::string_view::npos;
}

// Whether `w` starts with an ASCII capital (a name, or a sentence's first word).
inline bool IsCapitalized(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

}  // namespace chorus::compression

#endif  // CHORUS_SUMMARIZE_SENTENCE_PIECES_H_
