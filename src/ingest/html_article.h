// HTML articles: the main text of a web page, extracted with gumbo.
//
// Scripts, styles, navigation, headers, footers, asides, forms, figures and
// their captions, and blocks whose class or id names page furniture (share
// bars, related links, comments, newsletters, ads) are dropped. When the page
// has an <article> (or else <main>) element only its content is used.
// Paragraphs, headings, list items and block quotes become paragraphs. The
// title comes from og:title, else the first <h1>, else <title>; the source
// from og:site_name, the url from og:url or the canonical link, the date from
// article:published_time or a <time datetime> (its YYYY-MM-DD part).
#ifndef CHORUS_SRC_INGEST_HTML_ARTICLE_H_
#define CHORUS_SRC_INGEST_HTML_ARTICLE_H_

#include <string_view>

#include "chorus/document.h"

namespace chorus::ingest {

// Parses an HTML page; `html` must be valid UTF-8; `name` gives the id.
// Never fails: a page without text gives a document with empty text.
Document ParseHtmlArticle(std::string_view html, std::string_view name);

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_HTML_ARTICLE_H_
