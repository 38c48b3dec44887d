// Checks on raw input bytes before they are parsed: binary and HTML sniffing
// (UTF-8 repair is base/utf8.h). Shared by every input kind so each reports the
// same way.
#ifndef CHORUS_SRC_INGEST_TEXT_CHECKS_H_
#define CHORUS_SRC_INGEST_TEXT_CHECKS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "chorus/document.h"

namespace chorus::ingest {

// True when `head` (the first bytes of a file) looks like binary data rather
// than text: it holds a NUL byte, more than 10% of its bytes are control
// characters other than tab, newline, carriage return and form feed, or more
// than one byte in eight belongs to an invalid UTF-8 sequence.
bool LooksBinary(std::string_view head);

// Control characters in every field of `doc` replaced (base/utf8.h): what an
// article says can be printed on a terminal as it is.
void ReplaceControlCharacters(Document* doc);

// True when `text` starts (after a BOM and whitespace) like an HTML document:
// "<!doctype html", "<html", "<head" or "<body", case-insensitively.
bool LooksLikeHtml(std::string_view text);

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_TEXT_CHECKS_H_
