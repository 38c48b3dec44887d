// Small string helpers every stage uses: ASCII whitespace, trimming, blank
// tests and the "reads like a headline" test shared by ingest (title lines)
// and clean (headline paragraphs).
//
// Whitespace here is ASCII: space, tab, newline, carriage return, form feed,
// vertical tab (what std::isspace accepts in the C locale). Unicode spaces are
// the tokenizer's business, not these helpers'.
//
// Thread safety: pure functions.
#ifndef CHORUS_BASE_STRINGS_H_
#define CHORUS_BASE_STRINGS_H_

#include <string_view>
#include <vector>

namespace chorus {

constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `s` without leading and trailing ASCII whitespace (a view into `s`).
constexpr std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// True when `s` is empty or only ASCII whitespace.
constexpr bool IsBlank(std::string_view s) { return Trim(s).empty(); }

// True when `line` (trimmed) reads like a headline: 1 to 200 bytes, at most 25
// words, no URL, and no final period or colon.
bool LooksLikeHeadline(std::string_view line);

// The space-separated fields of `line` (views into it); runs of spaces
// separate like one, and no field is empty. The model files' line format.
std::vector<std::string_view> SplitSpaces(std::string_view line);

}  // namespace chorus

#endif  // CHORUS_BASE_STRINGS_H_
