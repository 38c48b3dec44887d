#include "base/utf8.h"

#include <simdjson.h>
#include <utf8proc.h>

namespace chorus {

bool IsValidUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

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

}  // namespace chorus
