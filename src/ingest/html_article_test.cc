#include "ingest/html_article.h"

#include <gtest/gtest.h>

namespace chorus::ingest {
namespace {

constexpr char kPage[] = R"(<!DOCTYPE html>
<html><head>
<title>Dock fire | The Harbor Times</title>
<meta property="og:title" content="Dock fire destroys warehouse">
<meta property="og:site_name" content="The Harbor Times">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://harbor.test/fire">
<style>p { color: red }</style>
<script>var tracking = "do not keep";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="share-bar">Share on Facebook</div>
<article>
<h1>Dock fire destroys warehouse</h1>
<p>Fire   swept through
a <b>warehouse</b> at dawn.</p>
<figure><img src="x.jpg"><figcaption>Smoke over the pier. Photo: A. Lens</figcaption></figure>
<h2>Crews respond</h2>
<p>Three firefighters &amp; one guard were hurt.<br>All are recovering.</p>
<aside>Read our newsletter</aside>
<ul><li>First item</li><li>Second item</li></ul>
<form><input value="Subscribe"></form>
</article>
<footer>Copyright 2024 The Harbor Times</footer>
</body></html>)";

TEST(HtmlArticleTest, ExtractsMainTextAndMetadata) {
  Document d = ParseHtmlArticle(kPage, "pages/fire.html");
  EXPECT_EQ(d.id, "fire");
  EXPECT_EQ(d.title, "Dock fire destroys warehouse");
  EXPECT_EQ(d.source, "The Harbor Times");
  EXPECT_EQ(d.date, "2024-05-02");
  EXPECT_EQ(d.url, "https://harbor.test/fire");
  EXPECT_EQ(d.text,
            "Fire swept through a warehouse at dawn.\n\nCrews respond\n\n"
            "Three firefighters & one guard were hurt.\n\nAll are recovering.\n\n"
            "First item\n\nSecond item");
}

TEST(HtmlArticleTest, TitleFallsBackToH1ThenTitleTag) {
  Document d = ParseHtmlArticle(
      "<html><head><title>Tab title</title></head><body>"
      "<h1>Big headline</h1><p>Text.</p></body></html>",
      "a.html");
  EXPECT_EQ(d.title, "Big headline");
  EXPECT_EQ(d.text, "Text.");
  d = ParseHtmlArticle("<title>Only title</title><div>Loose text<p>Para</p>tail</div>", "b.htm");
  EXPECT_EQ(d.title, "Only title");
  EXPECT_EQ(d.text, "Loose text\n\nPara\n\ntail");
}

TEST(HtmlArticleTest, BrokenMarkupNeverFails) {
  Document d = ParseHtmlArticle("<p>Unclosed <b>bold <i>and <div>nested</p></span>", "c.html");
  EXPECT_NE(d.text.find("Unclosed bold and"), std::string::npos);
  EXPECT_TRUE(ParseHtmlArticle("", "e.html").text.empty());
}

}  // namespace
}  // namespace chorus::ingest
