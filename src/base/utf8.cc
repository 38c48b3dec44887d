#include "base/utf8.h"

#include <simdjson.h>
#include <utf8proc.h>

#include <cstdint>
#include <cstring>

namespace chorus {

bool IsValidUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

size_t FirstInvalidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string_view::npos;
  size_t lo = 0;
  size_t hi = text.size();
  while (hi - lo > 1) {  // the shortest invalid prefix
    const size_t mid = lo + (hi - lo) / 2;
    if (simdjson::validate_utf8(text.data(), mid)) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  // A truncated multi-byte sequence makes a prefix invalid only at its end:
  // step back to the sequence's lead byte.
  size_t at = hi - 1;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80 && hi - at < 4) --at;
  return at;
}

size_t RepairUtf8(std::string* text) {
  if (IsValidUtf8(*text)) return 0;
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text->size() + 16);
  size_t replaced = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text->data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text->size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n > 0) {
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
      p += n;
      left -= n;
      continue;
    }
    // Skip the lead byte and any continuation bytes that follow it: one
    // maximal bad subsequence becomes one U+FFFD.
    ++replaced;
    out.append(kReplacement);
    ++p;
    --left;
    while (left > 0 && (*p & 0xC0) == 0x80) {
      ++p;
      --left;
    }
  }
  text->swap(out);
  return replaced;
}

bool TruncateUtf8(std::string* text, size_t max_bytes) {
  if (text->size() <= max_bytes) return false;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80) --cut;
  text->resize(cut);
  return true;
}

size_t ReplaceControlCharacters(std::string* text) {
  const std::string& t = *text;
  // Bytes of the control character at `i` (1: C0 or DEL, 2: C1), else 0.
  const auto control_at = [&t](size_t i) -> size_t {
    const auto c = static_cast<unsigned char>(t[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return 1;
    if (c == 0xC2 && i + 1 < t.size()) {
      const auto next = static_cast<unsigned char>(t[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return 2;
    }
    return 0;
  };
  // Most text holds none: eight bytes at a time are ruled out when none is
  // below 0x20, 0x7F or 0xC2 (word-wise byte tests), the rest byte by byte.
  size_t at = 0;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const auto any_below = [](uint64_t x, uint64_t n) { return (x - kOnes * n) & ~x & kHighs; };
  bool any = false;
  for (; at + 8 <= t.size() && !any; at += 8) {
    uint64_t x = 0;
    std::memcpy(&x, t.data() + at, 8);
    if ((any_below(x, 0x20) | any_below(x ^ (kOnes * 0x7F), 1) |
         any_below(x ^ (kOnes * 0xC2), 1)) == 0)
      continue;
    for (size_t k = at; k < at + 8; ++k) any |= control_at(k) > 0;
  }
  for (; at < t.size() && !any; ++at) any |= control_at(at) > 0;
  if (!any) return 0;
  size_t found = 0;
  for (size_t i = 0; i < t.size(); ++i) found += control_at(i) > 0;
  std::string out;
  out.reserve(t.size() + 2 * found);
  for (size_t i = 0; i < t.size(); ++i) {
    const size_t n = control_at(i);
    if (n == 0) {
      out.push_back(t[i]);
    } else if (t[i] == '\f' || t[i] == '\v') {
      out.push_back(' ');
    } else {
      out += "\xEF\xBF\xBD";
      i += n - 1;
    }
  }
  *text = std::move(out);
  return found;
}

}  // namespace chorus
