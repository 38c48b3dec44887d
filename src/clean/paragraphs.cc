#include "clean/paragraphs.h"

#include <algorithm>
#include <array>

namespace chorus::clean {
namespace {

// Length in bytes of a whitespace or invisible character at `s[i]`, or 0.
// Handles ASCII space/tab/CR/FF/VT, U+00A0, U+2000-200B, U+202F, U+205F,
// U+3000 and U+FEFF.
size_t SpaceLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c < 0xC2) return 0;
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xC2 && at(1) == 0xA0) return 2;
  if (c == 0xE2 && at(1) == 0x80 && (at(2) <= 0x8B || at(2) == 0xAF)) return 3;
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
  return 0;
}

bool EndsSentence(std::string_view line) {
  if (line.empty()) return false;
  char c = line.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
         (line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\x9D");
}

bool LooksHardWrapped(const std::vector<std::string_view>& lines) {
  size_t candidates = 0, wrapped = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].empty() || lines[i + 1].empty()) continue;
    ++candidates;
    if (lines[i].size() >= 40 && lines[i].size() <= 100 && !EndsSentence(lines[i])) ++wrapped;
  }
  return candidates >= 4 && wrapped * 10 >= candidates * 6;
}

}  // namespace

// Whether `line` holds anything CollapseWhitespace would change. Written
// without early exits so the compiler vectorizes it: most lines are already
// clean and then cost one pass and a copy.
bool NeedsCollapse(std::string_view line) {
  const size_t n = line.size();
  if (n < 3) return true;  // not worth the fast path
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  if (p[0] == ' ' || p[n - 1] == ' ') return true;
  unsigned bad = 0;
  for (size_t i = 0; i + 2 < n; ++i) {
    const unsigned c = p[i], d = p[i + 1], e = p[i + 2];
    bad |= static_cast<unsigned>((c == ' ') & (d == ' '));
    bad |= static_cast<unsigned>((c == '\t') | (c == '\r') | (c == '\f') | (c == '\v'));
    bad |= static_cast<unsigned>((c == 0xC2) & (d == 0xA0));
    // U+2000-U+200B and U+202F (E2 80 80-8B, AF), U+205F (E2 81 9F), U+3000
    // (E3 80 80), U+FEFF (EF BB BF); curly quotes (E2 80 98-9D) are not spaces.
    bad |= static_cast<unsigned>((c == 0xE2) & (d == 0x80) & ((e <= 0x8B) | (e == 0xAF)));
    bad |= static_cast<unsigned>((c == 0xE2) & (d == 0x81) & (e == 0x9F));
    bad |= static_cast<unsigned>((c == 0xE3) & (d == 0x80) & (e == 0x80));
    bad |= static_cast<unsigned>((c == 0xEF) & (d == 0xBB) & (e == 0xBF));
  }
  for (size_t i = n - 2; i < n; ++i) {
    const unsigned c = p[i];
    bad |= static_cast<unsigned>((c == '\t') | (c == '\r') | (c == '\f') | (c == '\v') |
                                 (c == 0xC2) | (c >= 0xE2));
  }
  bad |= static_cast<unsigned>(p[n - 2] == ' ' && p[n - 1] == ' ');
  return bad != 0;
}

std::string CollapseWhitespace(std::string_view line) {
  if (!NeedsCollapse(line)) return std::string(line);
  // Bytes that may start a space or invisible character other than a plain
  // ASCII space. Everything else, single spaces between words included, is
  // copied in bulk runs: this function touches every byte of every article.
  static constexpr auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'\t', '\r', '\f', '\v'}) t[c] = true;
    for (unsigned char c : {0xC2, 0xE2, 0xE3, 0xEF}) t[c] = true;
    return t;
  }();
  const size_t n = line.size();
  std::string out;
  out.reserve(n);
  bool pending_space = false;
  size_t i = 0;
  while (i < n) {
    size_t run = i;
    while (run < n) {
      unsigned char c = static_cast<unsigned char>(line[run]);
      if (kSpecial[c]) break;
      if (c == ' ') {
        // A lone space inside the run is kept as is; anything else is slow path.
        if (run == i || run + 1 >= n) break;
        unsigned char next = static_cast<unsigned char>(line[run + 1]);
        if (next == ' ' || kSpecial[next]) break;
      }
      ++run;
    }
    if (run > i) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(line.data() + i, run - i);
      i = run;
      continue;
    }
    size_t len = SpaceLength(line, i);
    if (len == 0) {  // a multi-byte character that merely starts like a space
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(line[i]);
      ++i;
      continue;
    }
    // Zero-width characters (U+200B, U+FEFF) vanish; real spaces separate.
    bool zero_width =
        len == 3 && ((line[i] == '\xE2' && line[i + 2] == '\x8B') || line[i] == '\xEF');
    if (!zero_width) pending_space = !out.empty();
    i += len;
  }
  return out;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  std::vector<std::string> paragraphs;
  if (LooksHardWrapped(lines)) {
    std::string joined;
    for (std::string_view line : lines) {
      if (line.empty()) {
        if (!joined.empty()) paragraphs.push_back(CollapseWhitespace(joined));
        joined.clear();
      } else {
        if (!joined.empty()) joined.push_back(' ');
        joined.append(line);
      }
    }
    if (!joined.empty()) paragraphs.push_back(CollapseWhitespace(joined));
  } else {
    for (std::string_view line : lines) {
      if (line.empty()) continue;
      std::string p = CollapseWhitespace(line);
      if (!p.empty()) paragraphs.push_back(std::move(p));
    }
  }
  std::erase_if(paragraphs, [](const std::string& p) { return p.empty(); });
  return paragraphs;
}

bool HasWordCharacter(std::string_view s) {
  for (unsigned char c : s) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if (c >= 0xC3 && c != 0xE2 && c < 0xF5) return true;  // lead byte of a non-punctuation letter
  }
  return false;
}

size_t CountWords(std::string_view s) {
  if (s.empty()) return 0;
  return 1 + static_cast<size_t>(std::count(s.begin(), s.end(), ' '));
}

}  // namespace chorus::clean
