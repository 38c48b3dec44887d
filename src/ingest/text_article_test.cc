#include "ingest/text_article.h"

#include <gtest/gtest.h>

#include "chorus/ingest.h"
#include "ingest/text_checks.h"

namespace chorus::ingest {
namespace {

TEST(TextArticleTest, HeaderLinesAndTitle) {
  Document d = ParseTextArticle(
      " date 2024-05-01\n source Port Ledger\n url https://x.test/a\nWarehouse Fire Rages\n\n"
      "Body one.\n\nBody two.\n",
      "dir/ledger.txt");
  EXPECT_EQ(d.id, "ledger");
  EXPECT_EQ(d.date, "2024-05-01");
  EXPECT_EQ(d.source, "Port Ledger");
  EXPECT_EQ(d.url, "https://x.test/a");
  EXPECT_EQ(d.title, "Warehouse Fire Rages");
  EXPECT_EQ(d.text, "Body one.\n\nBody two.");
}

TEST(TextArticleTest, TitleOnTheDateLine) {
  Document d = ParseTextArticle(" date 2024-05-01 Fire At Pier Nine\n\nBody.\n", "a.txt");
  EXPECT_EQ(d.title, "Fire At Pier Nine");
  EXPECT_EQ(d.text, "Body.");
}

TEST(TextArticleTest, ProseOnTheDateLineIsTheFirstParagraph) {
  Document d = ParseTextArticle(
      " date 2024-05-01 Crews fought the blaze through the night, officials said on Monday, "
      "and the harbour stayed closed to shipping while investigators waited for the smoke to "
      "clear.\n\nBody.\n",
      "a.txt");
  EXPECT_TRUE(d.title.empty());
  EXPECT_EQ(d.text.substr(0, 11), "Crews fough");
  EXPECT_NE(d.text.find("\n\nBody."), std::string::npos);
}

TEST(TextArticleTest, SentenceFirstLineIsNotATitle) {
  Document d = ParseTextArticle("The fire started at dawn.\n\nMore.\n", "a.txt");
  EXPECT_TRUE(d.title.empty());
  EXPECT_EQ(d.text, "The fire started at dawn.\n\nMore.");
  // A headline not followed by a blank line is text too.
  d = ParseTextArticle("Short Line\nNext line.\n", "a.txt");
  EXPECT_TRUE(d.title.empty());
}

TEST(TextArticleTest, ProseStartingWithDateIsNotAHeader) {
  Document d = ParseTextArticle("date night was cancelled.\n", "a.txt");
  EXPECT_TRUE(d.date.empty());
  EXPECT_EQ(d.text, "date night was cancelled.");
}

TEST(TextChecksTest, BinaryAndHtmlSniffing) {
  EXPECT_TRUE(LooksBinary(std::string("a\0b", 3)));
  EXPECT_FALSE(LooksBinary("plain text\twith tabs\r\n"));
  EXPECT_TRUE(LooksBinary("\xFF\xD8\xFF\xE0\x89PNG\x9A\xB3 image-ish bytes \xFE\xFA\xC0\xC1"));
  EXPECT_FALSE(LooksBinary("Caf\xE9 cr\xE8me: latin-1 text with a few bad bytes is still text."));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_FALSE(LooksLikeHtml("<b>not a page"));
}

TEST(TextChecksTest, ParseArticleTextRepairsUtf8) {
  Document d = ParseArticleText("Caf\xE9 fire.", "x.txt", false);
  EXPECT_EQ(d.text, "Caf\xEF\xBF\xBD fire.");
}

}  // namespace
}  // namespace chorus::ingest
