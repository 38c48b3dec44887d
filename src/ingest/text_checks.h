// Checks on raw input bytes before they are parsed: binary sniffing and UTF-8
// repair. Shared by every input kind so each reports the same way.
#ifndef CHORUS_SRC_INGEST_TEXT_CHECKS_H_
#define CHORUS_SRC_INGEST_TEXT_CHECKS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus::ingest {

// True when `head` (the first bytes of a file) looks like binary data rather
// than text: it holds a NUL byte, more than 10% of its bytes are control
// characters other than tab, newline, carriage return and form feed, or more
// than one byte in eight belongs to an invalid UTF-8 sequence.
bool LooksBinary(std::string_view head);

// True when `text` is valid UTF-8 (SIMD-fast; the common case costs ~nothing).
bool IsValidUtf8(std::string_view text);

// Replaces each maximal invalid UTF-8 subsequence of `*text` with U+FFFD.
// Returns the number of replacements made (0 leaves `*text` untouched).
size_t RepairUtf8(std::string* text);

// Cuts `*text` to at most `max_bytes` without splitting a UTF-8 sequence.
// Returns true when it cut.
bool TruncateUtf8(std::string* text, size_t max_bytes);

// True when `text` starts (after a BOM and whitespace) like an HTML document:
// "<!doctype html", "<html", "<head" or "<body", case-insensitively.
bool LooksLikeHtml(std::string_view text);

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_TEXT_CHECKS_H_
