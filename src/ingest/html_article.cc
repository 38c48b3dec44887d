#include "ingest/html_article.h"

#include <gumbo.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/dates.h"
#include "base/strings.h"
#include "ingest/html_nesting.h"
#include "ingest/text_article.h"

namespace chorus::ingest {
namespace {

// Elements whose whole subtree is page furniture, never the story.
bool IsDroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a paragraph.
bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

std::string_view Attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// True when a class or id token names page furniture ("share-bar",
// "related-links", "comments", "newsletter-signup", "ad", "promo").
bool IsFurnitureName(std::string_view names) {
  static const char* const kWords[] = {
      "share",   "social",     "related", "comment",   "newsletter", "promo",   "advert",
      "sponsor", "breadcrumb", "cookie",  "subscribe", "byline",     "caption", "sidebar",
      "menu",    "footer",     "header",  "nav",       "tags",       "popular", "ad"};
  std::string lower = Lower(names);
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[i]))) ++i;
    size_t j = i;
    while (j < lower.size() && std::isalnum(static_cast<unsigned char>(lower[j]))) ++j;
    std::string_view word(lower.data() + i, j - i);
    for (const char* w : kWords) {
      if (word == w) return true;
    }
    i = j;
  }
  return false;
}

void AppendCollapsed(std::string_view text, std::string* out) {
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

struct Extraction {
  std::vector<std::string> paragraphs;
  std::string current;

  void EndParagraph() {
    while (!current.empty() && current.back() == ' ') current.pop_back();
    size_t start = current.find_first_not_of(' ');
    if (start != std::string::npos) paragraphs.push_back(current.substr(start));
    current.clear();
  }
};

// Our walks stop this deep. BoundHtmlNesting keeps gumbo's trees shallower
// than this on any page; the limit keeps the walks' own stack bounded anyway.
constexpr int kMaxWalkDepth = 600;

void AppendTextOf(const GumboNode* node, std::string* out, int depth = 0) {
  if (depth > kMaxWalkDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    AppendCollapsed(node->v.text.text, out);
  } else if (node->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      AppendTextOf(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
    }
  }
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  AppendTextOf(node, &out);
  return out;
}

void Walk(const GumboNode* node, Extraction* x, int depth) {
  if (depth > kMaxWalkDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    AppendCollapsed(node->v.text.text, &x->current);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& e = node->v.element;
  if (IsDroppedTag(e.tag)) return;
  if (IsFurnitureName(Attribute(e, "class")) || IsFurnitureName(Attribute(e, "id")) ||
      Attribute(e, "role") == "navigation" || Attribute(e, "hidden").data() != nullptr) {
    return;
  }
  bool block = IsBlockTag(e.tag);
  if (block) x->EndParagraph();
  for (unsigned i = 0; i < e.children.length; ++i) {
    Walk(static_cast<const GumboNode*>(e.children.data[i]), x, depth + 1);
  }
  if (block) x->EndParagraph();
}

// Depth-first search for the first element with `tag`.
const GumboNode* FindFirst(const GumboNode* node, GumboTag tag, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* found =
        FindFirst(static_cast<const GumboNode*>(children.data[i]), tag, depth + 1);
    if (found != nullptr) return found;
  }
  return nullptr;
}

struct PageMeta {
  std::string og_title, title_tag, site_name, url, date;
};

void CollectMeta(const GumboNode* node, PageMeta* meta, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxWalkDepth) return;
  const GumboElement& e = node->v.element;
  if (e.tag == GUMBO_TAG_META) {
    std::string key = Lower(Attribute(e, "property"));
    if (key.empty()) key = Lower(Attribute(e, "name"));
    std::string_view content = Attribute(e, "content");
    if (key == "og:title" && meta->og_title.empty()) meta->og_title = content;
    if (key == "og:site_name" && meta->site_name.empty()) meta->site_name = content;
    if (key == "og:url" && meta->url.empty()) meta->url = content;
    if ((key == "article:published_time" || key == "date" || key == "pubdate") &&
        meta->date.empty()) {
      meta->date = content.substr(0, 10);
    }
  } else if (e.tag == GUMBO_TAG_LINK && Lower(Attribute(e, "rel")) == "canonical") {
    if (meta->url.empty()) meta->url = Attribute(e, "href");
  } else if (e.tag == GUMBO_TAG_TITLE && meta->title_tag.empty()) {
    meta->title_tag = TextOf(node);
  } else if (e.tag == GUMBO_TAG_TIME && meta->date.empty()) {
    meta->date = Attribute(e, "datetime").substr(0, 10);
  }
  for (unsigned i = 0; i < e.children.length; ++i) {
    CollectMeta(static_cast<const GumboNode*>(e.children.data[i]), meta, depth + 1);
  }
}

std::string Trimmed(std::string_view s) { return std::string(Trim(s)); }

// Every block gumbo allocates during one parse, on a list: the tree is freed
// by walking the list, not by gumbo's recursive gumbo_destroy_output.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    while (head_ != nullptr) {
      Block* next = head_->next;
      std::free(head_);
      head_ = next;
    }
  }

  void Use(GumboOptions* options) {
    options->allocator = &Allocate;
    options->deallocator = &Deallocate;
    options->userdata = this;
  }

 private:
  struct alignas(std::max_align_t) Block {
    Block* prev;
    Block* next;
  };

  static void* Allocate(void* self, size_t size) {
    auto* arena = static_cast<GumboArena*>(self);
    auto* block = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (block == nullptr) std::abort();  // gumbo cannot take a failed allocation
    block->prev = nullptr;
    block->next = arena->head_;
    if (arena->head_ != nullptr) arena->head_->prev = block;
    arena->head_ = block;
    return block + 1;
  }

  static void Deallocate(void* self, void* ptr) {
    if (ptr == nullptr) return;
    auto* arena = static_cast<GumboArena*>(self);
    Block* block = static_cast<Block*>(ptr) - 1;
    if (block->prev != nullptr) block->prev->next = block->next;
    if (block->next != nullptr) block->next->prev = block->prev;
    if (arena->head_ == block) arena->head_ = block->next;
    std::free(block);
  }

  Block* head_ = nullptr;
};

}  // namespace

Document ParseHtmlArticle(std::string_view html, std::string_view name) {
  Document doc;
  doc.id = IdFromFileName(name);
  const BoundedHtml bounded = BoundHtmlNesting(html);
  GumboArena arena;  // declared before the output it frees
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read gumbo's error list; don't build it
  arena.Use(&options);
  GumboOutput* output =
      gumbo_parse_with_options(&options, bounded.html.data(), bounded.html.size());
  if (output == nullptr) return doc;

  PageMeta meta;
  CollectMeta(output->root, &meta);
  const GumboNode* body = FindFirst(output->root, GUMBO_TAG_ARTICLE);
  if (body == nullptr) body = FindFirst(output->root, GUMBO_TAG_MAIN);
  if (body == nullptr) body = output->root;

  Extraction x;
  Walk(body, &x, 0);
  x.EndParagraph();
  const GumboNode* h1 = FindFirst(output->root, GUMBO_TAG_H1);
  std::string first_h1 = h1 == nullptr ? "" : Trimmed(TextOf(h1));

  doc.title = Trimmed(!meta.og_title.empty() ? meta.og_title
                      : !first_h1.empty()    ? first_h1
                                             : meta.title_tag);
  doc.source = Trimmed(meta.site_name);
  doc.url = Trimmed(meta.url);
  if (IsIsoDate(meta.date)) doc.date = meta.date;
  for (const std::string& p : x.paragraphs) {
    if (p == doc.title || p == first_h1) continue;  // the headline is the title, not text
    if (!doc.text.empty()) doc.text += "\n\n";
    doc.text += p;
  }
  return doc;  // the arena frees gumbo's tree
}

}  // namespace chorus::ingest
