#include "chorus/sentence_splitter.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "segment/abbreviations.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace chorus {
namespace {

constexpr bool IsAsciiSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Byte classes, so the per-byte loops test one table entry.
enum ByteClass : uint8_t {
  kSpaceByte = 1,       // ASCII whitespace
  kTerminatorByte = 2,  // '.', '!', '?', or 0xE2 (may start '…')
};

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (IsAsciiSpaceByte(static_cast<unsigned char>(c))) t[c] |= kSpaceByte;
    if (c == '.' || c == '!' || c == '?' || c == 0xE2) t[c] |= kTerminatorByte;
  }
  return t;
}();

bool IsAsciiSpace(char c) { return kByteClass[static_cast<unsigned char>(c)] & kSpaceByte; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool StartsWith(std::string_view s, size_t i, std::string_view p) {
  return s.size() - i >= p.size() && std::memcmp(s.data() + i, p.data(), p.size()) == 0;
}

// Width in bytes of a whitespace character at i (ASCII space or U+00A0), else 0.
size_t SpaceWidth(std::string_view s, size_t i) {
  if (IsAsciiSpace(s[i])) return 1;
  if (s[i] == '\xC2' && StartsWith(s, i, "\xC2\xA0")) return 2;
  return 0;
}

// Width of a closing quote or bracket at i, else 0.
size_t CloserWidth(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (c != '\xE2') return 0;
  if (StartsWith(s, i, "\xE2\x80\x9D") || StartsWith(s, i, "\xE2\x80\x99")) return 3;  // ” ’
  return 0;
}

// Width of an opening quote or bracket at i, else 0.
size_t OpenerWidth(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '`') return 1;
  if (c != '\xE2') return 0;
  if (StartsWith(s, i, "\xE2\x80\x9C") || StartsWith(s, i, "\xE2\x80\x98")) return 3;  // “ ‘
  return 0;
}

// Width of a sentence terminator at i ('.', '!', '?', '…'), else 0.
size_t TerminatorWidth(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (c == '\xE2' && StartsWith(s, i, "\xE2\x80\xA6")) return 3;
  return 0;
}

// The word ending just before `end` (a period's position), without leading
// openers: "(Gen" -> "Gen".
std::string_view WordBefore(std::string_view s, size_t begin, size_t end) {
  size_t b = end;
  while (b > begin && !IsAsciiSpace(s[b - 1])) --b;
  while (b < end && OpenerWidth(s, b) > 0) b += OpenerWidth(s, b);
  return s.substr(b, end - b);
}

// The word starting at or after `i` (openers skipped), up to a space or punctuation.
std::string_view WordAfter(std::string_view s, size_t i, size_t end) {
  while (i < end && OpenerWidth(s, i) > 0) i += OpenerWidth(s, i);
  size_t e = i;
  while (e < end && !IsAsciiSpace(s[e]) && s[e] != ',' && s[e] != '.' && s[e] != ';' &&
         s[e] != ':' && s[e] != '!' && s[e] != '?' && CloserWidth(s, e) == 0) {
    ++e;
  }
  return s.substr(i, e - i);
}

bool IsMonthOrNumberWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"jan", "feb",  "mar", "apr", "jun", "jul", "aug",
                                                "sep", "sept", "oct", "nov", "dec", "no",  "nos"};
  std::string lower(w);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view k : kWords) {
    if (lower == k) return true;
  }
  return false;
}

bool IsStreetWord(std::string_view w) {
  return w == "St" || w == "Ave" || w == "Blvd" || w == "Rd" || w == "Hwy";
}

// Letters with inner periods ("U.S", "a.m", "D.C"): an acronym written with dots.
bool IsDottedAcronym(std::string_view w) {
  if (w.size() < 3) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const bool letter = IsUpper(w[i]) || IsLower(w[i]);
    if (i % 2 == 0 ? !letter : w[i] != '.') return false;
  }
  return true;
}

// Decides whether a single period ends the sentence, given the word before it
// and the word after the following space.
bool PeriodEndsSentence(std::string_view before, std::string_view after) {
  if (after.empty()) return true;
  const char first = after[0];
  const bool next_upper = IsUpper(first) || static_cast<unsigned char>(first) >= 0x80;
  const bool next_digit = IsDigit(first);
  if (IsLower(first)) return false;
  if (!next_upper && !next_digit) return true;  // punctuation, a dash: trust the period
  if (IsMonthOrNumberWord(before)) return !next_digit && segment::IsSentenceStarter(after);
  if (IsStreetWord(before)) return segment::IsSentenceStarter(after);
  if (segment::IsNonTerminalAbbreviation(before)) return false;
  const bool initial = before.size() == 1 && IsUpper(before[0]);
  if (initial || IsDottedAcronym(before) || segment::IsAmbiguousAbbreviation(before)) {
    return next_upper && segment::IsSentenceStarter(after);
  }
  return true;
}

class SegmentSplitter {
 public:
  SegmentSplitter(std::string_view text, const SentenceSplitterOptions& options,
                  std::vector<SentenceSpan>* out)
      : s_(text), options_(options), out_(out) {}

  // Splits text[begin, end) (one paragraph) into sentences.
  void Split(size_t begin, size_t end, uint32_t paragraph) {
    size_t start = begin;
    size_t i = begin;
    while (i < end) {
      i = NextTerminatorByte(i, end);
      if (i >= end) break;
      const size_t tw = TerminatorWidth(s_, i);
      if (tw == 0) {
        ++i;
        continue;
      }
      const size_t boundary = BoundaryAfterTerminator(start, i, end);
      if (boundary == 0) {
        i += tw;
        continue;
      }
      Emit(start, boundary, paragraph);
      start = i = boundary;
    }
    Emit(start, end, paragraph);
  }

 private:
  // The first byte at or after i (and before end) that may start a
  // terminator, or end. Sentences run ~130 bytes between candidates: 16 bytes
  // a step with SSE2, then byte by byte.
  size_t NextTerminatorByte(size_t i, size_t end) const {
    const auto* p = reinterpret_cast<const unsigned char*>(s_.data());
#if defined(__SSE2__)
    const __m128i dot = _mm_set1_epi8('.');
    const __m128i bang = _mm_set1_epi8('!');
    const __m128i question = _mm_set1_epi8('?');
    const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2));
    for (; i + 16 <= end; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i hit =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                       _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(v, e2)));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
      if (mask != 0) return i + static_cast<unsigned>(__builtin_ctz(mask));
    }
#endif
    while (i < end && !(kByteClass[p[i]] & kTerminatorByte)) ++i;
    return i;
  }

  // If the terminator at i ends a sentence, returns the end of that sentence
  // (after closing quotes/brackets); else 0.
  size_t BoundaryAfterTerminator(size_t start, size_t i, size_t end) const {
    const char term = s_[i];
    size_t j = i;
    size_t run = 0;
    while (j < end && TerminatorWidth(s_, j) > 0) {
      j += TerminatorWidth(s_, j);
      ++run;
    }
    const size_t after_terms = j;
    while (j < end && CloserWidth(s_, j) > 0) j += CloserWidth(s_, j);
    if (j >= end) return end;
    if (SpaceWidth(s_, j) == 0) return 0;  // "3.5", "U.S.-led", "example.com"
    size_t k = j;
    while (k < end && SpaceWidth(s_, k) > 0) k += SpaceWidth(s_, k);
    if (k >= end) return j;
    const std::string_view next = WordAfter(s_, k, end);
    const bool next_lower = !next.empty() && IsLower(next[0]);
    if (term == '.' && run == 1 && after_terms == i + 1) {
      return PeriodEndsSentence(WordBefore(s_, start, i), next) ? j : 0;
    }
    return next_lower ? 0 : j;  // "!", "?", "...", "…": a lower-case word continues
  }

  void Emit(size_t begin, size_t end, uint32_t paragraph) {
    while (begin < end && SpaceWidth(s_, begin) > 0) begin += SpaceWidth(s_, begin);
    while (end > begin && IsAsciiSpace(s_[end - 1])) --end;
    if (begin >= end) return;
    // Cut overlong runs at the last space before the limit.
    while (end - begin > options_.max_sentence_bytes) {
      size_t cut = begin + options_.max_sentence_bytes;
      while (cut > begin && !IsAsciiSpace(s_[cut])) --cut;
      if (cut == begin) {  // no space at all: cut at a UTF-8 boundary
        cut = begin + options_.max_sentence_bytes;
        while (cut > begin && (static_cast<unsigned char>(s_[cut]) & 0xC0) == 0x80) --cut;
        // Only continuation bytes (invalid UTF-8): no boundary to find, cut
        // anyway, else this loop would never advance.
        if (cut == begin) cut = begin + options_.max_sentence_bytes;
      }
      Push(begin, cut, paragraph);
      begin = cut;
      while (begin < end && IsAsciiSpace(s_[begin])) ++begin;
    }
    if (begin < end) Push(begin, end, paragraph);
  }

  void Push(size_t begin, size_t end, uint32_t paragraph) {
    SentenceSpan span;
    span.begin = static_cast<uint32_t>(begin);
    span.end = static_cast<uint32_t>(end);
    span.paragraph = paragraph;
    if (begin >= end) return;
    if (IsCollapsed(begin, end)) {
      span.text.assign(s_.data() + begin, end - begin);
      out_->push_back(std::move(span));
      return;
    }
    span.text.reserve(end - begin);
    bool in_space = false;
    for (size_t i = begin; i < end;) {
      const size_t w = SpaceWidth(s_, i);
      if (w > 0) {
        in_space = true;
        i += w;
        continue;
      }
      // Copy the run of non-space bytes at once.
      size_t run_end = i + 1;
      while (run_end < end && SpaceWidth(s_, run_end) == 0) ++run_end;
      if (in_space && !span.text.empty()) span.text.push_back(' ');
      in_space = false;
      span.text.append(s_.data() + i, run_end - i);
      i = run_end;
    }
    if (!span.text.empty()) out_->push_back(std::move(span));
  }

  // Whether text[begin, end) is already whitespace-collapsed: single ' '
  // between words, none at either end, no other whitespace (the common case,
  // copied in one go).
  bool IsCollapsed(size_t begin, size_t end) const {
    const auto* p = reinterpret_cast<const unsigned char*>(s_.data());
    if (p[begin] == ' ' || p[end - 1] == ' ') return false;
    size_t i = begin;
#if defined(__SSE2__)
    // 16 bytes a step: no \t \n \r \f or 0xC2 (may start U+00A0), and no
    // space followed by a space (bytes i+1..i+16 are inside the span).
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i cr_range = _mm_set1_epi8(static_cast<char>('\r' - '\t'));  // \t..\r: 9..13
    for (; i + 17 <= end; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
      // \t \n \v \f \r are 9..13: (v - 9) <= 4 unsigned, via max(x, 4) == 4.
      // \v is a false alarm: a hit only hands over to the exact byte loop.
      const __m128i shifted = _mm_sub_epi8(v, tab);
      const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(shifted, cr_range), cr_range);
      const __m128i double_space =
          _mm_and_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(w, space));
      const __m128i bad = _mm_or_si128(_mm_or_si128(control, double_space), _mm_cmpeq_epi8(v, c2));
      if (_mm_movemask_epi8(bad) != 0) break;  // let the byte loop decide from here
    }
#endif
    // Branch-free so the compiler can vectorise it: one pass of byte compares.
    bool bad = false;
    for (; i < end; ++i) {
      const unsigned char c = p[i];
      const unsigned char next = p[i + 1 < end ? i + 1 : i];
      bad |= (c == '\t') | (c == '\n') | (c == '\r') | (c == '\f') | (c == 0xC2) |
             ((c == ' ') & (next == ' '));
    }
    return !bad;
  }

  std::string_view s_;
  const SentenceSplitterOptions& options_;
  std::vector<SentenceSpan>* out_;
};

}  // namespace

SentenceSplitter::SentenceSplitter(SentenceSplitterOptions options) : options_(options) {}

std::vector<SentenceSpan> SentenceSplitter::Split(std::string_view text) const {
  std::vector<SentenceSpan> out;
  SegmentSplitter splitter(text, options_, &out);
  uint32_t paragraph = 0;
  size_t seg_begin = 0;
  bool seg_has_text = false;
  size_t i = 0;
  while (i <= text.size()) {
    const bool at_end = i == text.size();
    if (!at_end && text[i] != '\n') {
      const void* nl = std::memchr(text.data() + i, '\n', text.size() - i);
      const size_t line_end =
          nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
      for (size_t k = i; k < line_end && !seg_has_text; ++k) seg_has_text = !IsAsciiSpace(text[k]);
      i = line_end;
      continue;
    }
    // At a newline (or the end): does it close the current paragraph?
    size_t next = i + 1;
    bool blank_line = false;
    if (!at_end) {
      size_t k = next;
      while (k < text.size() && text[k] != '\n' && IsAsciiSpace(text[k])) ++k;
      blank_line = k < text.size() && text[k] == '\n';
    }
    if (at_end || options_.newline_is_boundary || blank_line) {
      if (seg_has_text) {
        splitter.Split(seg_begin, i, paragraph);
        ++paragraph;
      }
      seg_begin = next;
      seg_has_text = false;
    }
    i = next;
  }
  return out;
}

}  // namespace chorus
