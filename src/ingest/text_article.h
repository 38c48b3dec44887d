// Plain-text articles: one article a file, with optional header lines.
//
// Header lines open the file, each starting with a space and a key (the seed
// format): " date YYYY-MM-DD", " source NAME", " url URL", " title TITLE", " lean LEAN".
// Text may follow the date on its line: a headline there becomes the title,
// anything else the first paragraph. After the headers, a first line that
// looks like a headline (short, no final period) followed by a blank line is
// the title.
#ifndef CHORUS_SRC_INGEST_TEXT_ARTICLE_H_
#define CHORUS_SRC_INGEST_TEXT_ARTICLE_H_

#include <string_view>

#include "chorus/document.h"

namespace chorus::ingest {

// The document id a file name gives: its base name without the extension.
std::string IdFromFileName(std::string_view name);

// Parses a plain-text article. `text` must be valid UTF-8; `name` gives the id.
Document ParseTextArticle(std::string_view text, std::string_view name);

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_TEXT_ARTICLE_H_
