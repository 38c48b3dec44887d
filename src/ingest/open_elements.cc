#include "ingest/open_elements.h"

#include <utility>

namespace chorus::ingest {
namespace {

// What the tree construction rules say about an element, as bits.
enum Kind : uint32_t {
  kVoid = 1 << 0,       // never has content
  kBoundary = 1 << 1,   // ends every kind of scope (default, button, list item, table)
  kSpecial = 1 << 2,    // the standard's "special" category: stops "any other end tag"
  kClosesP = 1 << 3,    // its start tag closes a <p> in button scope
  kBlockEnd = 1 << 4,   // its end tag pops to it when it is in scope
  kTablePart = 1 << 5,  // caption, colgroup, col, tbody, thead, tfoot, tr, td, th
  kHeading = 1 << 6,    // h1..h6
  kCell = 1 << 7,       // td, th
  kRowGroup = 1 << 8,   // tbody, thead, tfoot
  kDropped = 1 << 9,    // frameset, frame, isindex: left out
  kMerged = 1 << 10,    // html, head, body: gumbo merges them, never opens another
};

struct TagKinds {
  std::array<uint32_t, GUMBO_TAG_LAST + 1> kinds{};

  TagKinds() {
    constexpr uint32_t kSp = kSpecial;
    constexpr uint32_t kBlock = kSp | kClosesP | kBlockEnd;
    const std::pair<GumboTag, uint32_t> kTable[] = {
        {GUMBO_TAG_HTML, kSp | kBoundary | kMerged},
        {GUMBO_TAG_BODY, kSp | kMerged},
        {GUMBO_TAG_HEAD, kSp | kMerged},
        {GUMBO_TAG_FRAMESET, kDropped},
        {GUMBO_TAG_FRAME, kDropped},
        {GUMBO_TAG_ISINDEX, kDropped},
        {GUMBO_TAG_P, kBlock},
        {GUMBO_TAG_LI, kBlock},
        {GUMBO_TAG_DD, kBlock},
        {GUMBO_TAG_DT, kBlock},
        {GUMBO_TAG_SELECT, kSp},
        {GUMBO_TAG_OPTION, kSp},
        {GUMBO_TAG_OPTGROUP, kSp},
        {GUMBO_TAG_TABLE, kSp | kBoundary},
        {GUMBO_TAG_CAPTION, kSp | kBoundary | kTablePart},
        {GUMBO_TAG_COLGROUP, kSp | kTablePart},
        {GUMBO_TAG_COL, kSp | kVoid | kTablePart},
        {GUMBO_TAG_TBODY, kSp | kTablePart | kRowGroup},
        {GUMBO_TAG_THEAD, kSp | kTablePart | kRowGroup},
        {GUMBO_TAG_TFOOT, kSp | kTablePart | kRowGroup},
        {GUMBO_TAG_TR, kSp | kTablePart},
        {GUMBO_TAG_TD, kSp | kBoundary | kTablePart | kCell},
        {GUMBO_TAG_TH, kSp | kBoundary | kTablePart | kCell},
        {GUMBO_TAG_TEMPLATE, kSp | kBoundary},
        {GUMBO_TAG_BUTTON, kSp | kBoundary | kBlockEnd},
        {GUMBO_TAG_FORM, kSp | kClosesP | kBlockEnd},
        {GUMBO_TAG_TEXTAREA, kSp},
        {GUMBO_TAG_SCRIPT, kSp},
        {GUMBO_TAG_APPLET, kSp | kBoundary | kBlockEnd},
        {GUMBO_TAG_MARQUEE, kSp | kBoundary | kBlockEnd},
        {GUMBO_TAG_OBJECT, kSp | kBoundary | kBlockEnd},
        {GUMBO_TAG_OL, kBlock | kBoundary},
        {GUMBO_TAG_UL, kBlock | kBoundary},
        {GUMBO_TAG_ADDRESS, kBlock},
        {GUMBO_TAG_DIV, kBlock},
        {GUMBO_TAG_ARTICLE, kBlock},
        {GUMBO_TAG_ASIDE, kBlock},
        {GUMBO_TAG_BLOCKQUOTE, kBlock},
        {GUMBO_TAG_CENTER, kBlock},
        {GUMBO_TAG_DIR, kBlock},
        {GUMBO_TAG_DL, kBlock},
        {GUMBO_TAG_FIELDSET, kBlock},
        {GUMBO_TAG_FIGCAPTION, kBlock},
        {GUMBO_TAG_FIGURE, kBlock},
        {GUMBO_TAG_FOOTER, kBlock},
        {GUMBO_TAG_HEADER, kBlock},
        {GUMBO_TAG_MENU, kBlock},
        {GUMBO_TAG_NAV, kBlock},
        {GUMBO_TAG_SECTION, kBlock},
        {GUMBO_TAG_PRE, kBlock},
        {GUMBO_TAG_LISTING, kBlock},
        {GUMBO_TAG_MAIN, kBlock},
        {GUMBO_TAG_HGROUP, kBlock},
        {GUMBO_TAG_DETAILS, kBlock},
        {GUMBO_TAG_SUMMARY, kBlock},
        {GUMBO_TAG_H1, kSp | kClosesP | kHeading},
        {GUMBO_TAG_H2, kSp | kClosesP | kHeading},
        {GUMBO_TAG_H3, kSp | kClosesP | kHeading},
        {GUMBO_TAG_H4, kSp | kClosesP | kHeading},
        {GUMBO_TAG_H5, kSp | kClosesP | kHeading},
        {GUMBO_TAG_H6, kSp | kClosesP | kHeading},
        {GUMBO_TAG_HR, kSp | kClosesP | kVoid},
        {GUMBO_TAG_XMP, kSp | kClosesP},
        {GUMBO_TAG_PLAINTEXT, kSp | kClosesP},
        {GUMBO_TAG_AREA, kSp | kVoid},
        {GUMBO_TAG_BASE, kSp | kVoid},
        {GUMBO_TAG_BASEFONT, kSp | kVoid},
        {GUMBO_TAG_BGSOUND, kSp | kVoid},
        {GUMBO_TAG_BR, kSp | kVoid},
        {GUMBO_TAG_EMBED, kSp | kVoid},
        {GUMBO_TAG_IMG, kSp | kVoid},
        {GUMBO_TAG_IMAGE, kVoid},
        {GUMBO_TAG_INPUT, kSp | kVoid},
        {GUMBO_TAG_KEYGEN, kSp | kVoid},
        {GUMBO_TAG_LINK, kSp | kVoid},
        {GUMBO_TAG_MENUITEM, kSp | kVoid},
        {GUMBO_TAG_META, kSp | kVoid},
        {GUMBO_TAG_PARAM, kSp | kVoid},
        {GUMBO_TAG_SOURCE, kSp | kVoid},
        {GUMBO_TAG_TRACK, kSp | kVoid},
        {GUMBO_TAG_WBR, kSp | kVoid},
        {GUMBO_TAG_IFRAME, kSp},
        {GUMBO_TAG_NOEMBED, kSp},
        {GUMBO_TAG_NOFRAMES, kSp},
        {GUMBO_TAG_NOSCRIPT, kSp},
        {GUMBO_TAG_STYLE, kSp},
        {GUMBO_TAG_TITLE, kSp},
    };
    for (const auto& [tag, k] : kTable) kinds[tag] = k;
  }
};

bool Is(GumboTag tag, uint32_t kind) {
  static const TagKinds k;
  return (k.kinds[tag] & kind) != 0;
}

bool IsTableContext(GumboTag t) {
  return Is(t, kTablePart) || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_TEMPLATE;
}

GumboTag TagOf(std::string_view name) {
  return gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
}

}  // namespace

std::string_view OpenElements::Shown(std::string_view name) {
  switch (TagOf(name)) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
      return "span";
    default:
      return name;
  }
}

template <typename Match, typename Stop>
size_t OpenElements::Find(Match match, Stop stop) const {
  for (size_t i = stack_.size(); i-- > 0;) {
    if (match(stack_[i])) return i;
    if (stop(stack_[i])) return std::string::npos;
  }
  return std::string::npos;
}

size_t OpenElements::InScope(GumboTag tag) const {
  return Find([tag](const Element& e) { return e.tag == tag; },
              [](const Element& e) { return Is(e.tag, kBoundary); });
}

void OpenElements::PopTo(size_t index) {
  while (stack_.size() > index) {
    const Element& e = stack_.back();
    if (e.tag == GUMBO_TAG_TABLE) --open_tables_;
    if (e.tag == GUMBO_TAG_SVG || e.tag == GUMBO_TAG_MATH) --open_foreign_;
    on_close_(e.name);
    stack_.pop_back();
  }
}

OpenElements::StartResult OpenElements::Open(GumboTag tag, std::string_view name) {
  if (Is(tag, kVoid)) return kEmpty;
  if (stack_.size() >= max_depth_) {
    ++refused_[tag];
    return kRefused;
  }
  stack_.push_back({tag, std::string(Shown(name))});
  if (tag == GUMBO_TAG_TABLE) ++open_tables_;
  if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) ++open_foreign_;
  return kOpened;
}

OpenElements::StartResult OpenElements::Start(std::string_view name) {
  const GumboTag tag = TagOf(name);
  if (Is(tag, kDropped)) return kRefused;
  if (Is(tag, kMerged)) return kEmpty;  // attributes merged into the one element
  if (tag == GUMBO_TAG_TABLE || Is(tag, kTablePart)) return StartTablePart(tag, name);
  if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
    const bool li = tag == GUMBO_TAG_LI;
    const size_t at = Find(
        [li](const Element& e) {
          return li ? e.tag == GUMBO_TAG_LI : e.tag == GUMBO_TAG_DD || e.tag == GUMBO_TAG_DT;
        },
        [](const Element& e) {
          return Is(e.tag, kSpecial) && e.tag != GUMBO_TAG_ADDRESS && e.tag != GUMBO_TAG_DIV &&
                 e.tag != GUMBO_TAG_P;
        });
    if (at != std::string::npos) PopTo(at);
  }
  if (Is(tag, kClosesP)) {
    const size_t p = InScope(GUMBO_TAG_P);
    if (p != std::string::npos) PopTo(p);
  }
  if (Is(tag, kHeading) && Is(Top(), kHeading)) PopTo(stack_.size() - 1);
  if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && Top() == GUMBO_TAG_OPTION) {
    PopTo(stack_.size() - 1);
  }
  if (tag == GUMBO_TAG_OPTGROUP && Top() == GUMBO_TAG_OPTGROUP) PopTo(stack_.size() - 1);
  if (tag == GUMBO_TAG_BUTTON || tag == GUMBO_TAG_A || tag == GUMBO_TAG_NOBR) {
    // These never nest: a second one closes the first.
    const size_t at = InScope(tag);
    if (at != std::string::npos) PopTo(at);
  }
  return Open(tag, name);
}

// A table part closes the cell, row or row group it starts in; outside a
// table it is left out, as browsers do.
OpenElements::StartResult OpenElements::StartTablePart(GumboTag tag, std::string_view name) {
  const size_t at = Find([](const Element& e) { return IsTableContext(e.tag); },
                         [](const Element&) { return false; });
  const GumboTag context = at == std::string::npos ? kNone : stack_[at].tag;
  const auto nearest = [this](GumboTag t) {
    return Find([t](const Element& e) { return e.tag == t; },
                [](const Element& e) { return e.tag == GUMBO_TAG_TEMPLATE; });
  };
  if (tag == GUMBO_TAG_TABLE) {
    // In a table, row group or row (not a cell) a table closes that table.
    if (context == GUMBO_TAG_TABLE || Is(context, kRowGroup) || context == GUMBO_TAG_TR) {
      PopTo(nearest(GUMBO_TAG_TABLE));
    }
    return Open(tag, name);
  }
  if (open_tables_ == 0 || at == std::string::npos) return kRefused;
  if (context == GUMBO_TAG_CAPTION || context == GUMBO_TAG_COLGROUP) {
    PopTo(at);  // closed by any other part of the table
  } else if (Is(tag, kCell)) {
    PopTo(Is(context, kCell) ? at : at + 1);
  } else if (tag == GUMBO_TAG_TR) {
    const size_t row = nearest(GUMBO_TAG_TR);
    PopTo((Is(context, kCell) || context == GUMBO_TAG_TR) && row != std::string::npos ? row
                                                                                      : at + 1);
  } else if (tag != GUMBO_TAG_COL) {  // row groups, caption, colgroup: back to the table
    const size_t table = nearest(GUMBO_TAG_TABLE);
    if (table != std::string::npos) PopTo(table + 1);
  }
  return Open(tag, name);
}

bool OpenElements::End(std::string_view name) {
  const GumboTag tag = TagOf(name);
  if (refused_[tag] > 0) {
    --refused_[tag];  // the end tag of a start tag refused for depth
    return false;
  }
  if (Is(tag, kMerged) || Is(tag, kVoid) || Is(tag, kDropped)) return false;
  const auto same = [&](const Element& e) {
    return e.tag == tag && (tag != GUMBO_TAG_UNKNOWN || e.name == name);
  };
  size_t at = std::string::npos;
  if (Is(tag, kBlockEnd) || tag == GUMBO_TAG_SELECT) {
    at = InScope(tag);
  } else if (Is(tag, kHeading)) {
    at = Find([](const Element& e) { return Is(e.tag, kHeading); },
              [](const Element& e) { return Is(e.tag, kBoundary); });
  } else if (tag == GUMBO_TAG_TABLE || Is(tag, kTablePart)) {
    at = Find(same, [tag](const Element& e) {
      return e.tag == GUMBO_TAG_TEMPLATE || (tag != GUMBO_TAG_TABLE && e.tag == GUMBO_TAG_TABLE);
    });
  } else {
    at = Find(same, [](const Element& e) { return Is(e.tag, kSpecial); });
  }
  if (at == std::string::npos) return false;
  PopTo(at);
  return true;
}

}  // namespace chorus::ingest
