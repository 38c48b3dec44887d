// OpenElements: the stack of open elements of the tree BoundHtmlNesting
// builds from a page's tags (see html_nesting.h for why it builds one).
//
// It follows the HTML standard's tree construction for the common cases a
// news page relies on: void elements, an open <p> closed by a block, <li>,
// <dd>/<dt>, headings and options closing their predecessors, table cells,
// rows and row groups closing each other, end tags popping to their element
// within scope and ignored when nothing matches. It is not a full HTML5 tree
// builder (no adoption agency, no foster parenting, no insertion modes), and
// need not be: BoundHtmlNesting writes every element it closes as an explicit
// end tag, so gumbo, reading that output, never keeps open an element this
// stack has closed. Start tags that would open an element past `max_depth`
// are refused, and later the end tags of their name.
//
//   OpenElements open(/*max_depth=*/256, [&](std::string_view name) {
//     out += "</" + std::string(name) + ">";   // an element it closed
//   });
//   if (open.Start("div") != OpenElements::kRefused) out += "<div>";
//   if (open.End("div")) { /* the end tag was written by the callback */ }
//
// Thread safety: none; one stack per page. Names are lower-case tag names.
// Each call costs O(depth) at most.
#ifndef CHORUS_SRC_INGEST_OPEN_ELEMENTS_H_
#define CHORUS_SRC_INGEST_OPEN_ELEMENTS_H_

#include <gumbo.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::ingest {

class OpenElements {
 public:
  using CloseSink = std::function<void(std::string_view name)>;

  OpenElements(uint32_t max_depth, CloseSink on_close)
      : max_depth_(max_depth), on_close_(std::move(on_close)) {}

  enum StartResult {
    kRefused,  // leave the tag out
    kOpened,   // the element is open: its end tag will come through on_close
    kEmpty,    // written, but nothing stays open (<br>, <img>, <meta>, <body>...)
  };
  // A start tag. Elements it closes first are reported to on_close.
  StartResult Start(std::string_view name);
  // An end tag: pops to its element, reporting each element closed (the
  // element itself last) to on_close, and returns true; false (nothing
  // closed) when no open element matches, or for the end tag of a start tag
  // refused for depth.
  bool End(std::string_view name);

  // The name an element is written with: formatting elements (a, b, i, em,
  // font, ...) as "span". gumbo's adoption agency and "reconstruct the active
  // formatting elements" reopen formatting elements behind the tags it is
  // given, and unclosed or misnested ones are what make its trees deep; a
  // span is opened once and closed by its end tag. Their attributes stay.
  static std::string_view Shown(std::string_view name);

  // An <svg> or <math> is open: self-closing tags close there.
  bool InForeignContent() const { return open_foreign_ > 0; }
  size_t depth() const { return stack_.size(); }

 private:
  struct Element {
    GumboTag tag;
    std::string name;  // told apart by name when tag is GUMBO_TAG_UNKNOWN
  };
  static constexpr GumboTag kNone = GUMBO_TAG_LAST;

  StartResult StartTablePart(GumboTag tag, std::string_view name);
  StartResult Open(GumboTag tag, std::string_view name);
  void PopTo(size_t index);
  GumboTag Top() const { return stack_.empty() ? kNone : stack_.back().tag; }
  // Index of the nearest open element (from the top) for which `match` holds,
  // or npos when one for which `stop` holds comes first.
  template <typename Match, typename Stop>
  size_t Find(Match match, Stop stop) const;
  size_t InScope(GumboTag tag) const;

  const uint32_t max_depth_;
  const CloseSink on_close_;
  std::vector<Element> stack_;
  size_t open_tables_ = 0;
  size_t open_foreign_ = 0;                             // <svg> and <math>
  std::array<uint64_t, GUMBO_TAG_LAST + 1> refused_{};  // start tags refused for depth
};

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_OPEN_ELEMENTS_H_
