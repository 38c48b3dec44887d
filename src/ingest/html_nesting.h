// BoundHtmlNesting: rewrites a web page so that the tree gumbo builds from it
// is shallow, before gumbo sees it.
//
// Debian's gumbo (0.10.1) puts no limit on nesting, spends time proportional
// to the depth of its stack of open elements on every tag (scope checks),
// and frees its tree recursively: 100k nested <table><tr><td> overflowed the
// stack, 20k nested <div> took 38 s, and so did tens of thousands of unclosed
// <b>, misnested <span><div></span>, or attributes on one tag.
//
// This pass tokenizes the page as the HTML standard does (tags and their
// quoted attributes, comments, doctype, raw text of script/style/title/...),
// builds the tree with OpenElements (the common rules of HTML tree
// construction, and a depth limit: start tags past `max_depth` are left out,
// with their end tags, their text joining the enclosing element) and writes
// it back out as balanced markup: every element it closes, implicitly or
// not, gets an explicit end tag, and end tags that close nothing go. On such
// input gumbo's stack of open elements never holds an element this pass has
// closed, so gumbo's tree is at most about 2 x max_depth deep (it adds
// html/body, and tbody/tr around table cells), whatever the page. For that:
//   - formatting elements (a, b, i, em, font, ...) are written as <span>
//     (attributes kept), so gumbo never reopens them behind our back;
//   - every '<' that is text, or inside a comment, attribute value or
//     raw-text element, is written as "&lt;" (where its text is kept) or a
//     space (where chorus drops it), so no tag can hide there or be formed
//     by tags left out around it;
//   - a self-closing "/" is written only on empty elements in SVG/MathML
//     (where gumbo would otherwise open <br>); other self-closed tags in SVG
//     get an explicit end tag; frameset, frame and isindex go.
// Real pages (their nesting is a few dozen levels) keep their text: on 1,891
// pages the extracted text changed only where an <a> nested in an <a>.
//
//   BoundedHtml b = BoundHtmlNesting(page);
//   GumboOutput* out = gumbo_parse(b.html.c_str());
//
// Thread safety: a pure function. Linear time: each tag costs at most
// O(max_depth).
#ifndef CHORUS_SRC_INGEST_HTML_NESTING_H_
#define CHORUS_SRC_INGEST_HTML_NESTING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::ingest {

struct HtmlNestingLimits {
  // Elements open at once in the model; deeper start tags are dropped.
  // Default 256 (news pages nest a few dozen levels).
  uint32_t max_depth = 256;
  // Attributes kept on one tag. Default 64.
  uint32_t max_attributes = 64;
};

struct BoundedHtml {
  std::string html;
  uint64_t dropped_tags = 0;        // start and end tags left out for depth
  uint64_t dropped_attributes = 0;  // attributes past max_attributes
};

// Longest tag name kept; a longer name is no element a page uses.
inline constexpr size_t kMaxTagName = 64;

BoundedHtml BoundHtmlNesting(std::string_view html, const HtmlNestingLimits& limits = {});

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_HTML_NESTING_H_
