// The one article JSON reader (chorus/article_json.h): the rules every face
// shares, and that JSON Lines input applies them to each cluster document.
#include "chorus/article_json.h"

#include <gtest/gtest.h>

#include "ingest/jsonl_parser.h"

namespace chorus {
namespace {

std::string ErrorOf(std::string_view json) {
  Result<Document> doc = ArticleFromJson(json, "9");
  return doc.ok() ? "" : doc.status().message();
}

TEST(ArticleJsonTest, FieldsAndDefaults) {
  Result<Document> d = ArticleFromJson(
      R"({"id": "a", "text": "Body.", "title": "T", "source": "S", "url": "u", "date": "2020-01-05", "x": [1]})");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->id, "a");
  EXPECT_EQ(d->text, "Body.");
  EXPECT_EQ(d->title, "T");
  EXPECT_EQ(d->source, "S");
  EXPECT_EQ(d->url, "u");
  EXPECT_EQ(d->date, "2020-01-05");
  EXPECT_EQ(ArticleFromJson(R"({"text": "x"})", "7")->id, "7");
  EXPECT_EQ(ArticleFromJson(R"({"id": null, "text": "x"})", "7")->id, "7");
  EXPECT_EQ(ArticleFromJson(R"({"id": "", "text": "x"})", "7")->id, "7");
  EXPECT_EQ(ArticleFromJson(R"({"id": -42, "text": "x"})")->id, "-42");
  EXPECT_EQ(ArticleFromJson(R"({"id": 18446744073709551615, "text": "x"})")->id,
            "18446744073709551615");
  EXPECT_EQ(ArticleFromJson(R"({"id": "a", "text": "x", "title": null})")->title, "");
}

TEST(ArticleJsonTest, DatesAreIsoDatesOrDateTimes) {
  EXPECT_EQ(ArticleFromJson(R"({"text": "x", "date": "2020-01-05T10:00:00Z"})")->date,
            "2020-01-05");
  EXPECT_EQ(ArticleFromJson(R"({"text": "x", "date": "2020-01-05 10:00"})")->date, "2020-01-05");
  EXPECT_EQ(ArticleFromJson(R"({"text": "x", "date": ""})")->date, "");
  EXPECT_EQ(ErrorOf(R"({"text": "x", "date": "Jan 5, 2020"})"),
            "date: expected YYYY-MM-DD, got \"Jan 5, 2020\"");
  EXPECT_EQ(ErrorOf(R"({"text": "x", "date": "2020-01-05x"})"),
            "date: expected YYYY-MM-DD, got \"2020-01-05x\"");
  EXPECT_EQ(ErrorOf(R"({"text": "x", "date": 20200105})"), "date: expected a string");
}

TEST(ArticleJsonTest, ErrorsNameTheField) {
  EXPECT_EQ(ErrorOf("[1]"), "article: expected an article object");
  EXPECT_EQ(ErrorOf(R"({"id": "a"})"), "text: missing");
  EXPECT_EQ(ErrorOf(R"({"text": 5})"), "text: expected a string");
  EXPECT_EQ(ErrorOf(R"({"text": " \n\t"})"), "text: must not be empty");
  EXPECT_EQ(ErrorOf(R"({"id": 1.5, "text": "x"})"), "id: expected a string or an integer");
  EXPECT_EQ(ErrorOf(R"({"id": "a", "text": "x", "source": {}})"), "source: expected a string");
  EXPECT_EQ(ErrorOf(R"({"html": "<p> </p>"})"), "html: no text found");
  EXPECT_NE(ErrorOf(R"({"text": )").find("not valid JSON"), std::string::npos);
  EXPECT_EQ(ArticleFromJson("{").status().code(), StatusCode::kParseError);
}

TEST(ArticleJsonTest, PagesAndFilesAreReadAsIngestReadsThem) {
  Result<Document> f = ArticleFromJson(
      R"({"id": "f.txt", "file": " date 2024-05-01\nHarbor fire\n\nA fire destroyed three warehouses.\n"})");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->id, "f.txt");  // the id given, not one made from a file name
  EXPECT_EQ(f->date, "2024-05-01");
  EXPECT_EQ(f->title, "Harbor fire");
  EXPECT_EQ(f->text, "A fire destroyed three warehouses.");
  Result<Document> h = ArticleFromJson(
      R"({"html": "<html><head><title>Pier</title></head><body><p>A pier burned down on Sunday night.</p></body></html>", "title": "Given"})");
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->text, "A pier burned down on Sunday night.");
  EXPECT_EQ(h->title, "Given");  // a given field overrides the page's
  // "text" wins over "html".
  EXPECT_EQ(ArticleFromJson(R"({"text": "plain", "html": "<p>page</p>"})")->text, "plain");
}

TEST(ArticleJsonTest, ListsNumberAndCheckIds) {
  Result<std::vector<Document>> docs =
      ArticlesFromJson(R"([{"text": "a"}, {"id": "x", "text": "b"}])");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].id, "1");
  EXPECT_EQ((*docs)[1].id, "x");
  EXPECT_EQ(ArticlesFromJson(R"([{"text": "a"}, {"id": "1", "text": "b"}])").status().message(),
            "[1].id: duplicate id \"1\"");
  EXPECT_EQ(ArticlesFromJson(R"([{"text": "a"}, {"id": "b"}])").status().message(),
            "[1].text: missing");
  EXPECT_EQ(ArticlesFromJson(R"({"text": "a"})").status().message(),
            ": expected an array of articles");
}

// JSON Lines input reads a cluster's documents with the same rules.
TEST(ArticleJsonTest, JsonLinesClustersUseTheSameReader) {
  ingest::JsonlParser parser;
  ingest::JsonlRecord record;
  std::string error;
  ASSERT_TRUE(parser.ParseCopy(
      R"({"id": 5, "documents": [{"text": "a", "date": "2020-01-05T01:02:03Z"}, {"id": 3, "text": "b"}]})",
      &record, &error))
      << error;
  EXPECT_EQ(record.cluster.id, "5");
  EXPECT_EQ(record.cluster.documents[0].id, "1");
  EXPECT_EQ(record.cluster.documents[0].date, "2020-01-05");
  EXPECT_EQ(record.cluster.documents[1].id, "3");
  EXPECT_FALSE(
      parser.ParseCopy(R"({"documents": [{"text": "a", "date": "yesterday"}]})", &record, &error));
  EXPECT_EQ(error, "documents[0].date: expected YYYY-MM-DD, got \"yesterday\"");
  EXPECT_FALSE(parser.ParseCopy(R"({"id": "a", "text": "  "})", &record, &error));
  EXPECT_EQ(error, "text: must not be empty");
  // An article line may be a web page too.
  ASSERT_TRUE(parser.ParseCopy(R"({"id": "p", "html": "<p>A pier burned down on Sunday.</p>"})",
                               &record, &error))
      << error;
  EXPECT_EQ(record.kind, ingest::JsonlRecord::Kind::kArticle);
  EXPECT_EQ(record.article.text, "A pier burned down on Sunday.");
}

}  // namespace
}  // namespace chorus
