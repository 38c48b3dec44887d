#include "ingest/html_nesting.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "ingest/open_elements.h"

namespace chorus::ingest {
namespace {

using NameSet = std::unordered_set<std::string_view>;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool StartsWithFolded(std::string_view s, size_t at, std::string_view lower) {
  if (s.size() - at < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (LowerAscii(s[at + i]) != lower[i]) return false;
  }
  return true;
}

// Raw text (script data, RAWTEXT, RCDATA, PLAINTEXT) as gumbo reads it
// (<noscript> is markup there: gumbo parses with scripting off).
const NameSet& RawTextElements() {
  static const NameSet s = {"script",   "style",    "xmp",   "iframe",   "noembed",
                            "noframes", "textarea", "title", "plaintext"};
  return s;
}

// One tag as the standard's tokenizer reads it, from '<' to '>'.
struct TagToken {
  bool end = false;
  bool complete = false;                  // false: the input ended inside the tag
  std::string name;                       // lower-case
  size_t name_end = 0;                    // input offset just past the name
  size_t close = 0;                       // input offset of the closing '>'
  size_t cut = std::string_view::npos;    // offset of the first attribute past the cap
  size_t slash = std::string_view::npos;  // offset of a self-closing "/" before the '>'
  uint32_t attributes = 0;
};

TagToken ReadTag(std::string_view in, size_t lt, uint32_t max_attributes) {
  TagToken t;
  size_t i = lt + 1;
  if (in[i] == '/') {
    t.end = true;
    ++i;
  }
  const size_t name_begin = i;
  while (i < in.size() && !IsSpace(in[i]) && in[i] != '/' && in[i] != '>') ++i;
  t.name.reserve(std::min(i - name_begin, kMaxTagName + 1));
  for (size_t k = name_begin; k < i && t.name.size() <= kMaxTagName; ++k) {
    t.name.push_back(LowerAscii(in[k]));
  }
  t.name_end = i;
  enum State { kBeforeName, kName, kAfterName, kBeforeValue, kUnquoted, kAfterQuoted, kSlash };
  State state = kBeforeName;
  auto new_attribute = [&] {
    if (++t.attributes == max_attributes + 1) t.cut = i;
  };
  while (i < in.size()) {
    const char c = in[i];
    if (c == '>') break;  // quoted values are skipped whole below
    switch (state) {
      case kBeforeName:
        if (c == '/') {
          state = kSlash;
        } else if (!IsSpace(c)) {
          new_attribute();
          state = kName;
        }
        ++i;
        break;
      case kName:
        if (IsSpace(c)) state = kAfterName;
        if (c == '/') state = kSlash;
        if (c == '=') state = kBeforeValue;
        ++i;
        break;
      case kAfterName:
        if (c == '/') {
          state = kSlash;
        } else if (c == '=') {
          state = kBeforeValue;
        } else if (!IsSpace(c)) {
          new_attribute();
          state = kName;
        }
        ++i;
        break;
      case kBeforeValue:
        if (c == '"' || c == '\'') {
          const size_t quote = in.find(c, i + 1);
          i = quote == std::string_view::npos ? in.size() : quote + 1;
          state = kAfterQuoted;
        } else if (IsSpace(c)) {
          ++i;
        } else {
          state = kUnquoted;  // reconsumed
        }
        break;
      case kUnquoted:
        if (IsSpace(c)) state = kBeforeName;
        ++i;
        break;
      case kAfterQuoted:
        if (IsSpace(c)) {
          state = kBeforeName;
          ++i;
        } else if (c == '/') {
          state = kSlash;
          ++i;
        } else {
          state = kBeforeName;  // reconsumed
        }
        break;
      case kSlash:
        state = kBeforeName;  // not '>': reconsumed as an attribute
        break;
    }
  }
  if (i < in.size()) {
    t.close = i;
    t.complete = true;
    if (state == kSlash) t.slash = i - 1;
  }
  return t;
}

class NestingBounder {
 public:
  NestingBounder(std::string_view in, const HtmlNestingLimits& limits)
      : in_(in), limits_(limits), open_(limits.max_depth, [this](std::string_view name) {
          out_.html.append("</");
          out_.html.append(name);
          out_.html.push_back('>');
        }) {
    out_.html.reserve(in.size() + in.size() / 16);
  }

  BoundedHtml Run() {
    while (pos_ < in_.size()) {
      const void* found = std::memchr(in_.data() + pos_, '<', in_.size() - pos_);
      const size_t lt = found == nullptr
                            ? in_.size()
                            : static_cast<size_t>(static_cast<const char*>(found) - in_.data());
      out_.html.append(in_.data() + pos_, lt - pos_);
      pos_ = lt;
      if (lt >= in_.size()) break;
      const char next = lt + 1 < in_.size() ? in_[lt + 1] : '\0';
      const char after = lt + 2 < in_.size() ? in_[lt + 2] : '\0';
      if (IsAlpha(next) || (next == '/' && IsAlpha(after))) {
        Tag(lt);
      } else if (next == '/' && after == '>') {
        pos_ = lt + 3;  // "</>" is dropped by the tokenizer
      } else if (next == '!') {
        MarkupDeclaration(lt);
      } else if (next == '?' || (next == '/' && lt + 2 < in_.size())) {
        AppendRegion(lt, EndOfBogusComment(lt));
      } else {
        // Text ('<' before a space, a digit, the end...), written as a
        // reference so that no tag left out can join it to a following name.
        out_.html.append("&lt;");
        pos_ = lt + 1;
      }
    }
    return std::move(out_);
  }

 private:
  // Appends in_[begin, end) with every '<' replaced by `lt`, and moves past
  // it.
  void Append(size_t begin, size_t end, std::string_view lt) {
    for (size_t i = begin; i < end; ++i) {
      if (in_[i] == '<') {
        out_.html.append(lt);
      } else {
        out_.html.push_back(in_[i]);
      }
    }
    pos_ = end;
  }
  // The same for a region that starts with its own '<' (kept).
  void AppendRegion(size_t lt, size_t end) {
    out_.html.push_back('<');
    Append(lt + 1, end, " ");
  }

  size_t EndOfBogusComment(size_t lt) const {
    const size_t gt = in_.find('>', lt + 1);
    return gt == std::string_view::npos ? in_.size() : gt + 1;
  }

  void MarkupDeclaration(size_t lt) {
    if (in_.substr(lt, 4) == "<!--") {
      AppendRegion(lt, EndOfComment(lt + 4));
    } else if (in_.substr(lt, 9) == "<![CDATA[") {
      // A CDATA section only in foreign content, which gumbo never sees
      // here; elsewhere a bogus comment that ends earlier, at the first '>'.
      const size_t close = in_.find("]]>", lt + 9);
      AppendRegion(lt, close == std::string_view::npos ? in_.size() : close + 3);
    } else {
      AppendRegion(lt, EndOfBogusComment(lt));  // doctype and bogus comments
    }
  }

  // Where a comment whose text starts at `i` ends (past its closing '>'):
  // "<!-->", "<!--->", "-->" (after any dashes) or "--!>".
  size_t EndOfComment(size_t i) const {
    if (i < in_.size() && in_[i] == '>') return i + 1;
    if (in_.substr(i, 2) == "->") return i + 2;
    for (size_t dash = in_.find("--", i); dash != std::string_view::npos;
         dash = in_.find("--", dash + 1)) {
      size_t k = dash + 2;
      while (k < in_.size() && in_[k] == '-') ++k;
      if (k < in_.size() && in_[k] == '>') return k + 1;
      if (in_.substr(k, 2) == "!>") return k + 2;
    }
    return in_.size();
  }

  void Tag(size_t lt) {
    const TagToken t = ReadTag(in_, lt, limits_.max_attributes);
    pos_ = t.complete ? t.close + 1 : in_.size();  // a tag cut by the end of input goes
    if (!t.complete) return;
    if (t.name.size() > kMaxTagName) {
      ++out_.dropped_tags;
    } else if (t.end && (t.name == "br" || t.name == "p")) {
      // As in browsers, </br> is a line break and a </p> that closes nothing
      // an empty paragraph (both end a paragraph of the text).
      if (t.name == "br") {
        out_.html.append("<br>");
      } else if (!open_.End(t.name)) {
        out_.html.append("<p></p>");
      }
    } else if (t.end) {
      if (!open_.End(t.name)) ++out_.dropped_tags;  // nothing it closes: left out
    } else {
      StartTag(t);
    }
  }

  void StartTag(const TagToken& t) {
    const OpenElements::StartResult opened = open_.Start(t.name);
    if (opened == OpenElements::kRefused) {
      ++out_.dropped_tags;
    } else {
      out_.html.push_back('<');
      out_.html.append(OpenElements::Shown(t.name));
      // The attributes, without a self-closing "/" (this pass decides what
      // closes where) and without those past the cap.
      size_t end = t.slash == std::string_view::npos ? t.close : t.slash;
      if (t.cut != std::string_view::npos) {
        out_.dropped_attributes += t.attributes - limits_.max_attributes;
        end = t.cut;
      }
      Append(t.name_end, end, "&lt;");
      if (t.cut != std::string_view::npos) out_.html.push_back(' ');
      // In SVG and MathML gumbo opens <br>, <img>... unless self-closed.
      const bool foreign = open_.InForeignContent();
      out_.html.append(opened == OpenElements::kEmpty && foreign ? " />" : ">");
      pos_ = t.close + 1;
      // <path/> in SVG is an empty element; elsewhere "/" means nothing.
      if (opened == OpenElements::kOpened && t.slash != std::string_view::npos && foreign) {
        open_.End(t.name);
      }
    }
    SkipRawText(t.name);
  }

  // After the start tag of a raw-text element: its text, up to the end tag
  // that closes it, with its '<' replaced.
  void SkipRawText(std::string_view name) {
    if (RawTextElements().count(name) == 0) return;
    // The title's text is kept (as "&lt;", which RCDATA decodes back).
    const bool title = name == "title";
    size_t end = in_.size();
    if (name != "plaintext") {
      for (size_t i = in_.find("</", pos_); i != std::string_view::npos;
           i = in_.find("</", i + 1)) {
        const size_t k = i + 2 + name.size();
        if (StartsWithFolded(in_, i + 2, name) &&
            (k == in_.size() || IsSpace(in_[k]) || in_[k] == '/' || in_[k] == '>')) {
          end = i;
          break;
        }
      }
    }
    Append(pos_, end, title ? "&lt;" : " ");
  }

  std::string_view in_;
  const HtmlNestingLimits& limits_;
  size_t pos_ = 0;
  BoundedHtml out_;
  OpenElements open_;
};

}  // namespace

BoundedHtml BoundHtmlNesting(std::string_view html, const HtmlNestingLimits& limits) {
  return NestingBounder(html, limits).Run();
}

}  // namespace chorus::ingest
