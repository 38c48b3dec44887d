// Fuzzes HTML main-text extraction (BoundHtmlNesting, gumbo, chorus's walk
// over its tree), and checks the bound BoundHtmlNesting promises: with a
// depth limit of 6, gumbo's tree on its output is never deeper than 2 x 6 + 3,
// however the input nests (a small limit lets short inputs reach it).
#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "chorus/ingest.h"
#include "ingest/html_nesting.h"

namespace {

int GumboDepth(const std::string& html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  int deepest = 0;
  std::vector<std::pair<const GumboNode*, int>> todo = {{out->root, 1}};
  while (!todo.empty()) {
    const auto [node, depth] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, depth);
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      todo.push_back({static_cast<const GumboNode*>(children.data[i]), depth + 1});
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  chorus::Document doc = chorus::ParseArticleText(html, "fuzz.html", true);
  (void)doc;
  chorus::ingest::HtmlNestingLimits limits;
  limits.max_depth = 6;
  const chorus::ingest::BoundedHtml bounded = chorus::ingest::BoundHtmlNesting(html, limits);
  if (GumboDepth(bounded.html) > 2 * 6 + 3) std::abort();
  return 0;
}
