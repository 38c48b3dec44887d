#include "serve/api_request.h"

#include <gtest/gtest.h>

namespace chorus::serve {
namespace {

// The error message of parsing `body`, or "" if it parses.
std::string ErrorOf(std::string_view body, uint32_t max_articles = 10) {
  auto r = ParseArticlesRequest(body, max_articles);
  return r.ok() ? "" : r.status().message();
}

TEST(ApiRequestTest, ParsesArticlesAndOptions) {
  auto r = ParseArticlesRequest(R"({"articles": [
      {"id": "a", "text": "One.", "title": "T", "date": "2019-11-29", "source": "APW",
       "url": "http://x", "extra": 1},
      {"id": 7, "text": "Two."}], "options": {"words": 50}})",
                                10);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->cluster.documents.size(), 2u);
  const Document& a = r->cluster.documents[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.date, "2019-11-29");
  EXPECT_EQ(a.source, "APW");
  EXPECT_EQ(a.url, "http://x");
  EXPECT_EQ(r->cluster.documents[1].id, "7");
  EXPECT_EQ(r->options["words"], 50);
}

TEST(ApiRequestTest, ErrorsNameTheField) {
  EXPECT_NE(ErrorOf("{\"articles\": [").find("not valid JSON"), std::string::npos);
  // A number beyond a double is nlohmann's out_of_range, not parse_error (fuzzer finding).
  EXPECT_NE(ErrorOf("9E399").find("not valid JSON"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"articles": [{"id": "a", "text": "x"}], "options": {"words": 1e400}})")
                .find("not valid JSON"),
            std::string::npos);
  EXPECT_EQ(ErrorOf("[]"), "request body: expected a JSON object");
  EXPECT_EQ(ErrorOf("{}"), "articles: missing");
  EXPECT_EQ(ErrorOf(R"({"articles": {}})"), "articles: expected an array");
  EXPECT_EQ(ErrorOf(R"({"articles": []})"), "articles: expected at least one article");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a"}]})"), "articles[0].text: missing");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "text": 3}]})"),
            "articles[0].text: expected a string");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "text": "  \n"}]})"),
            "articles[0].text: must not be empty");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]})"),
            "articles[1].id: duplicate id \"a\"");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "text": "x", "date": "29 Nov"}]})"),
            "articles[0].date: expected YYYY-MM-DD, got \"29 Nov\"");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "text": "x", "title": []}]})"),
            "articles[0].title: expected a string");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "text": "x"}], "options": 3})"),
            "options: expected an object");
}

// The API reads articles as JSON Lines input and Python do
// (chorus/article_json.h): a missing id is the article's position, an
// integer id is kept as written, a date-time keeps its date.
TEST(ApiRequestTest, ArticlesFollowTheOneArticleJsonRule) {
  auto r = ParseArticlesRequest(
      R"({"articles": [{"text": "x"}, {"id": 12, "text": "y", "date": "2020-01-05T10:30:00Z"}]})",
      10);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->cluster.documents[0].id, "1");
  EXPECT_EQ(r->cluster.documents[1].id, "12");
  EXPECT_EQ(r->cluster.documents[1].date, "2020-01-05");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"text": "x"}, {"id": "1", "text": "y"}]})"),
            "articles[1].id: duplicate id \"1\"");
}

TEST(ApiRequestTest, HtmlArticlesAreReadAsWebPages) {
  auto r = ParseArticlesRequest(R"({"id": "fire", "articles": [{"id": "p", "html":
      "<html><head><title>Harbor fire</title></head><body><article><p>A fire destroyed three warehouses at the harbor on Sunday, officials said.</p><p>No one was hurt, the fire brigade said.</p></article></body></html>"}]})",
                                10);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->cluster.id, "fire");
  const Document& d = r->cluster.documents[0];
  EXPECT_NE(d.text.find("three warehouses"), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("<p>"), std::string::npos);
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "html": 1}]})"),
            "articles[0].html: expected a string");
  EXPECT_EQ(ErrorOf(R"({"articles": [{"id": "a", "file": 1}]})"),
            "articles[0].file: expected a string");
}

TEST(ApiRequestTest, TextFilesAreReadAsIngestReadsThem) {
  auto r = ParseArticlesRequest(
      R"({"articles": [{"id": "f", "file": " date 2024-05-01\n source Harbor Gazette\nHarbor fire\n\nA fire destroyed three warehouses on Sunday.\n"}]})",
      10);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Document& d = r->cluster.documents[0];
  EXPECT_EQ(d.date, "2024-05-01");
  // Regression: the outlet line was read and then dropped, so the web page
  // named uploaded files "Source 1", "Source 2".
  EXPECT_EQ(d.source, "Harbor Gazette");
  EXPECT_EQ(d.title, "Harbor fire");
  EXPECT_NE(d.text.find("three warehouses"), std::string::npos) << d.text;
  EXPECT_EQ(d.text.find("date 2024"), std::string::npos) << d.text;
}

TEST(ApiRequestTest, TooManyArticlesIsResourceExhausted) {
  auto r = ParseArticlesRequest(R"({"articles": [{"id": "a", "text": "x"},
                                                 {"id": "b", "text": "y"}]})",
                                1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
}

TEST(ApiRequestTest, SummarizeOptionsAreTheCliFlags) {
  auto o = ParseSummarizeOptions({{"sentences", 3}, {"method", "lexrank"}, {"query", "troops"}});
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->summary.budget.unit, BudgetUnit::kSentences);
  EXPECT_EQ(o->summary.budget.amount, 3u);
  EXPECT_EQ(o->method, "lexrank");
  EXPECT_EQ(o->summary.query, "troops");

  auto d = ParseSummarizeOptions(nlohmann::json::object());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->summary.budget.unit, SummaryOptions{}.budget.unit);
  EXPECT_EQ(d->summary.budget.amount, SummaryOptions{}.budget.amount);

  EXPECT_EQ(ParseSummarizeOptions({{"words", -3}}).status().message(),
            "options.words: expected a positive integer (at most 1000000)");
  EXPECT_EQ(ParseSummarizeOptions({{"words", "ten"}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseSummarizeOptions({{"words", 10}, {"bytes", 600}}).status().message(),
            "options: give only one of words, bytes, sentences");
  EXPECT_EQ(ParseSummarizeOptions({{"method", 1}}).status().message(),
            "options.method: expected a string");
  EXPECT_NE(ParseSummarizeOptions({{"wordz", 10}})
                .status()
                .message()
                .find("options.wordz: unknown option"),
            std::string::npos);
}

}  // namespace
}  // namespace chorus::serve
