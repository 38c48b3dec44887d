#include "clean/paragraphs.h"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Whether the bytes at `p[i]` (with `n` bytes in all) start something
// CollapseWhitespace changes: a double space, a control space, or a Unicode
// space or invisible character (not merely a byte those start with, such as
// the E2 80 of curly quotes).
bool IsCollapsibleAt(const unsigned char* p, size_t i, size_t n) {
  const unsigned c = p[i];
  const unsigned d = i + 1 < n ? p[i + 1] : 0;
  const unsigned e = i + 2 < n ? p[i + 2] : 0;
  if (c == '\t' || c == '\r' || c == '\f' || c == '\v') return true;
  if (c == ' ') return d == ' ';
  if (c == 0xC2) return d == 0xA0;
  if (c == 0xE2) return (d == 0x80 && (e <= 0x8B || e == 0xAF)) || (d == 0x81 && e == 0x9F);
  if (c == 0xE3) return d == 0x80 && e == 0x80;
  if (c == 0xEF) return d == 0xBB && e == 0xBF;
  return false;
}

#if defined(__SSE2__)
// Whether any of the 16 positions at `p` starts something CollapseWhitespace
// changes, exactly as IsCollapsibleAt (reads 18 bytes).
inline bool BlockNeedsCollapse(const unsigned char* p) {
  auto eq = [](__m128i v, int c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  // Signed compare: bytes >= 0x80 are negative, so only 0x09-0x0D pass.
  __m128i hit =
      _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x0E)), _mm_cmpgt_epi8(v, _mm_set1_epi8(0x08)));
  hit = _mm_or_si128(hit, _mm_and_si128(eq(v, ' '), eq(v1, ' ')));
  hit = _mm_or_si128(hit, _mm_and_si128(eq(v, 0xC2), eq(v1, 0xA0)));
  // E2 80 80-8B, E2 80 AF, E2 81 9F (as IsCollapsibleAt: third byte <= 8B).
  const __m128i v2_le_8b =
      _mm_cmpeq_epi8(_mm_min_epu8(v2, _mm_set1_epi8(static_cast<char>(0x8B))), v2);
  const __m128i e2_80 = _mm_and_si128(eq(v, 0xE2), eq(v1, 0x80));
  hit = _mm_or_si128(hit, _mm_and_si128(e2_80, _mm_or_si128(v2_le_8b, eq(v2, 0xAF))));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(eq(v, 0xE2), eq(v1, 0x81)), eq(v2, 0x9F)));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(eq(v, 0xE3), eq(v1, 0x80)), eq(v2, 0x80)));
  hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(eq(v, 0xEF), eq(v1, 0xBB)), eq(v2, 0xBF)));
  return _mm_movemask_epi8(hit) != 0;
}
#endif

// Whether `line` holds anything CollapseWhitespace would change. Most lines
// are already clean; SSE2 tests 16 positions at a time exactly (with the two
// bytes after each, so curly quotes and dashes, E2 80 9x, are not suspects).
bool NeedsCollapse(std::string_view line) {
  const size_t n = line.size();
  if (n == 0) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  if (p[0] == ' ' || p[n - 1] == ' ') return true;
#if defined(__SSE2__)
  size_t i = 0;
  for (; i + 18 <= n; i += 16) {
    if (BlockNeedsCollapse(p + i)) return true;
  }
  // The rest (at most 17 bytes) in a zeroed buffer: the zeros past the end
  // read as IsCollapsibleAt's "no byte" and are never hits themselves.
  alignas(16) unsigned char rest[48] = {};
  std::memcpy(rest, p + i, n - i);
  return BlockNeedsCollapse(rest) || (n - i > 16 && BlockNeedsCollapse(rest + 16));
#else
  for (size_t i = 0; i < n; ++i) {
    if (IsCollapsibleAt(p, i, n)) return true;
  }
  return false;
#endif
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

std::vector<std::string_view> SplitParagraphViews(std::string_view text,
                                                  std::deque<std::string>* storage) {
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
  std::vector<std::string_view> paragraphs;
  // A paragraph is kept as a view of `text` when it is already clean, else
  // collapsed into `*storage`; either way only when something is left.
  auto add = [&](std::string_view paragraph) {
    if (NeedsCollapse(paragraph)) {
      storage->push_back(CollapseWhitespace(paragraph));
      paragraph = storage->back();
    }
    if (!paragraph.empty()) paragraphs.push_back(paragraph);
  };
  if (LooksHardWrapped(lines)) {
    // A joined paragraph is new text: it lives in `*storage`.
    std::string joined;
    auto add_joined = [&] {
      if (!joined.empty()) add(storage->emplace_back(std::move(joined)));
      joined.clear();
    };
    for (std::string_view line : lines) {
      if (line.empty()) {
        add_joined();
      } else {
        if (!joined.empty()) joined.push_back(' ');
        joined.append(line);
      }
    }
    add_joined();
  } else {
    paragraphs.reserve(lines.size());
    for (std::string_view line : lines) add(line);
  }
  return paragraphs;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::deque<std::string> storage;
  std::vector<std::string> paragraphs;
  for (std::string_view p : SplitParagraphViews(text, &storage)) paragraphs.emplace_back(p);
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
