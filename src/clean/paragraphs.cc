#include "clean/paragraphs.h"

#include <algorithm>

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

std::string CollapseWhitespace(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (size_t i = 0; i < line.size();) {
    size_t n = SpaceLength(line, i);
    if (n > 0) {
      // Zero-width characters (U+200B, U+FEFF) vanish; real spaces separate.
      bool zero_width = n == 3 && ((line[i] == '\xE2' && line[i + 2] == '\x8B') ||
                                   line[i] == '\xEF');
      if (!zero_width) pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(line[i]);
    ++i;
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
