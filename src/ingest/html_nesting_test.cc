#include "ingest/html_nesting.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "ingest/html_article.h"

namespace chorus::ingest {
namespace {

// Deepest element of gumbo's tree for `html`, walked without recursion.
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
  // A tree this test built shallow enough to free recursively.
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return deepest;
}

std::string Repeat(std::string_view piece, int times) {
  std::string s = "<html><body>";
  for (int i = 0; i < times; ++i) s += piece;
  return s + "text";
}

// gumbo's depth on the output is bounded by the limit (x2: gumbo adds tbody
// and tr around cells; +3: html, body and one more).
int Bound(const HtmlNestingLimits& limits) { return 2 * static_cast<int>(limits.max_depth) + 3; }

TEST(HtmlNestingTest, TheShapesThatCrashedOrStalledGumboStayShallow) {
  const HtmlNestingLimits limits;
  for (const char* piece :
       {"<table><tr><td>", "<div>", "<span><div></span>", "<b>", "<p><b x=1></p>t", "<svg><g>",
        "<ul><li>", "<a><p>", "<select><div>", "<template><tr>", "<math><mtext><div>"}) {
    SCOPED_TRACE(piece);
    const BoundedHtml b = BoundHtmlNesting(Repeat(piece, 20000), limits);
    EXPECT_LE(GumboDepth(b.html), Bound(limits));
  }
}

TEST(HtmlNestingTest, ManyAttributesOnOneTagAreCapped) {
  std::string tag = "<html><body><p";
  for (int i = 0; i < 20000; ++i) tag += " a" + std::to_string(i) + "=\"1\"";
  const BoundedHtml b = BoundHtmlNesting(tag + ">text</p>");
  EXPECT_EQ(b.dropped_attributes, 20000u - HtmlNestingLimits().max_attributes);
  EXPECT_NE(b.html.find(">text</p>"), std::string::npos);
}

TEST(HtmlNestingTest, WritesEveryElementItClosesAsAnEndTag) {
  EXPECT_EQ(BoundHtmlNesting("<p>one<p>two<div>three</div>").html,
            "<p>one</p><p>two</p><div>three</div>");
  EXPECT_EQ(BoundHtmlNesting("<ul><li>a<li>b</ul>").html, "<ul><li>a</li><li>b</li></ul>");
  EXPECT_EQ(BoundHtmlNesting("<table><tr><td>a<td>b<tr><td>c</table>").html,
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
  // Formatting elements become spans; end tags that close nothing go.
  EXPECT_EQ(BoundHtmlNesting("<b class=x>bold</b></i>").html, "<span class=x>bold</span>");
  // As in browsers: </br> breaks a line, a stray </p> is an empty paragraph.
  EXPECT_EQ(BoundHtmlNesting("a</br>b</p>c").html, "a<br>b<p></p>c");
}

TEST(HtmlNestingTest, NoTagHidesInTextCommentsAttributesOrRawText) {
  // Whatever gumbo makes of where these end, it finds no tag inside them.
  EXPECT_EQ(BoundHtmlNesting("<!-- <div> --><script>if (a<b) x='</div>'</script>").html,
            "<!--  div> --><script>if (a b) x=' /div>'</script>");
  EXPECT_EQ(BoundHtmlNesting("<title>a < b</title><p title='<div>'>1 < 2").html,
            "<title>a &lt; b</title><p title='&lt;div>'>1 &lt; 2");
  // A tag cut by the end of input goes, as in the tokenizer.
  EXPECT_EQ(BoundHtmlNesting("<p>text<div class=\"unterminated").html, "<p>text");
}

TEST(HtmlNestingTest, SelfClosingTagsCloseOnlyInSvg) {
  EXPECT_EQ(BoundHtmlNesting("<svg><path d=\"x\"/><br>").html, "<svg><path d=\"x\"></path><br />");
  EXPECT_EQ(BoundHtmlNesting("<div/>in").html, "<div>in");
}

// Random pages from a small vocabulary of troublesome tags, repeated: gumbo's
// tree on the output must never be deeper than the bound, however the tags
// nest, close, misnest or hide in comments, attributes and raw text.
TEST(HtmlNestingTest, GumboNeverGoesDeeperThanTheBoundOnRandomPages) {
  static const char* const kNames[] = {"html",      "body",
                                       "head",      "br",
                                       "p",         "li",
                                       "dd",        "dt",
                                       "select",    "option",
                                       "optgroup",  "table",
                                       "caption",   "colgroup",
                                       "col",       "tbody",
                                       "tr",        "td",
                                       "th",        "template",
                                       "button",    "form",
                                       "input",     "textarea",
                                       "script",    "div",
                                       "applet",    "object",
                                       "ol",        "ul",
                                       "h1",        "h2",
                                       "hr",        "xmp",
                                       "plaintext", "img",
                                       "image",     "link",
                                       "meta",      "iframe",
                                       "menuitem",  "noscript",
                                       "style",     "title",
                                       "a",         "b",
                                       "i",         "font",
                                       "nobr",      "svg",
                                       "math",      "mi",
                                       "mtext",     "foreignObject",
                                       "desc",      "annotation-xml",
                                       "span",      "x-y",
                                       "ruby",      "rt",
                                       "isindex",   "frameset",
                                       "frame",     "pre",
                                       "dl",        "wbr",
                                       "embed",     "base",
                                       "isindex"};
  static const char* const kAttributes[] = {"",       " x=\"a<b\"", " x='<div>'", " x=a<b",
                                            " a b=c", " x=\"",      " /",         "/"};
  static const char* const kOther[] = {
      "t", " ", "<!--c-->", "<!-->", "<!--x--!>", "<![CDATA[<div>]]>", "</ >", "<?x>", "<", "&lt;"};
  std::mt19937 rng(20240501);
  HtmlNestingLimits limits;
  limits.max_depth = 8;
  for (int page = 0; page < 3000; ++page) {
    std::vector<std::string> pattern(1 + rng() % 6);
    for (std::string& piece : pattern) {
      const std::string name = kNames[rng() % std::size(kNames)];
      switch (rng() % 10) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
          piece = "<" + name + kAttributes[rng() % std::size(kAttributes)] + ">";
          break;
        case 5:
        case 6:
        case 7:
          piece = "</" + name + ">";
          break;
        default:
          piece = kOther[rng() % std::size(kOther)];
      }
    }
    std::string html;
    for (size_t i = 0, n = 20 + rng() % 300; i < n; ++i) html += pattern[i % pattern.size()];
    const BoundedHtml b = BoundHtmlNesting(html, limits);
    ASSERT_LE(GumboDepth(b.html), Bound(limits)) << html;
  }
}

TEST(HtmlNestingTest, ArticleOfAHundredThousandNestedTablesKeepsItsText) {
  // Debian's gumbo overflowed the stack freeing this tree (issue 16).
  const Document d = ParseHtmlArticle(Repeat("<table><tr><td>", 100000), "deep.html");
  EXPECT_EQ(d.text, "text");
}

}  // namespace
}  // namespace chorus::ingest
