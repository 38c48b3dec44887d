#include "ingest/text_checks.h"

#include <simdjson.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>

namespace chorus::ingest {

bool LooksBinary(std::string_view head) {
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) ++control;
  }
  if (!head.empty() && control * 10 > head.size()) return true;
  if (IsValidUtf8(head)) return false;
  std::string copy(head);
  return RepairUtf8(&copy) * 8 > head.size();
}

bool IsValidUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

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
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
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

bool LooksLikeHtml(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  std::string head;
  for (size_t j = i; j < text.size() && head.size() < 14; ++j) {
    head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[j]))));
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (head.compare(0, tag.size(), tag) == 0) return true;
  }
  return false;
}

}  // namespace chorus::ingest
