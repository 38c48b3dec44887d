// UTF-8 checks and repairs on raw bytes, shared by every stage that takes text
// from outside (ingest, clean, eval's file readers, the server).
//
// Thread safety: pure functions.
#ifndef CHORUS_BASE_UTF8_H_
#define CHORUS_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chorus {

// True when `text` is valid UTF-8 (SIMD-fast; the common case costs ~nothing).
bool IsValidUtf8(std::string_view text);

// Byte offset of the first invalid UTF-8 sequence in `text` (the lead byte of
// a truncated sequence), or std::string_view::npos when it is valid. For
// messages: it costs a binary search of validations on failure.
size_t FirstInvalidUtf8(std::string_view text);

// Replaces each maximal invalid UTF-8 subsequence of `*text` with U+FFFD.
// Returns the number of replacements made (0 leaves `*text` untouched).
size_t RepairUtf8(std::string* text);

// Replaces control characters in valid UTF-8 `*text`: form feed and vertical
// tab by a space, the others (NUL, ESC, BEL, DEL, the C1 controls U+0080 to
// U+009F) by U+FFFD; tab, newline and carriage return stay. No news text holds
// them, and printed as they are they drive the reader's terminal (an ESC
// sequence from a JSON "\u001b" recolours or rewrites it). Returns the number
// replaced (0 leaves `*text` untouched).
size_t ReplaceControlCharacters(std::string* text);

// Cuts `*text` to at most `max_bytes` without splitting a UTF-8 sequence.
// Returns true when it cut.
bool TruncateUtf8(std::string* text, size_t max_bytes);

}  // namespace chorus

#endif  // CHORUS_BASE_UTF8_H_
