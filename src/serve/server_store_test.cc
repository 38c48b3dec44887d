// POST /v1/compare and the event store over real sockets: /v1/articles,
// /v1/events, /v1/events/{id}, and a restart on the same store.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "chorus/event_json.h"
#include "chorus/sentence_json.h"
#include "chorus/store.h"
#include "serve/api_request.h"
#include "serve/test_articles.h"
#include "serve/test_server.h"

namespace chorus::serve {
namespace {

using nlohmann::json;
using testing::ErrorCode;
using testing::Parse;
using testing::PostJson;
using testing::RunningServer;
using testing::TestOptions;

TEST(ServerStoreTest, CompareReturnsFactsWithTheirSources) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto r = PostJson(c, "/v1/compare", {{"articles", testing::FireArticles()}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = Parse(r);
  EXPECT_EQ(j["sources"].size(), 3u);
  ASSERT_FALSE(j["facts"].empty());
  bool multi_source = false;
  for (const json& f : j["facts"]) multi_source |= f["sources"].size() >= 2;
  EXPECT_TRUE(multi_source) << j["facts"].dump();
}

TEST(ServerStoreTest, CompareIsWhatTheCliPrints) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  const json body = {{"articles", testing::FireArticles()}};
  auto r = PostJson(c, "/v1/compare", body);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  // `chorus compare --format json` prints ComparisonToJson of the analyzed
  // cluster and a newline.
  Result<ArticlesRequest> parsed = ParseArticlesRequest(body.dump(), 10);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const std::string cli =
      ComparisonToJson(Comparer().Compare(ClusterAnalyzer().Analyze(parsed->cluster))) + "\n";
  EXPECT_EQ(r->body, cli);
}

TEST(ServerStoreTest, SentencesAreWhatTheCliPrints) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  const json body = {{"articles", testing::FireArticles()}};
  auto r = PostJson(c, "/v1/sentences", body);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  // `chorus sentences --format json` prints SentenceToJson a line.
  Result<ArticlesRequest> parsed = ParseArticlesRequest(body.dump(), 10);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const AnalyzedCluster analyzed = ClusterAnalyzer().Analyze(parsed->cluster);
  ASSERT_GE(analyzed.sentences.size(), 3u);
  std::string cli;
  for (const AnalyzedSentence& s : analyzed.sentences) {
    cli += (cli.empty() ? "{\"sentences\":[" : ",") + SentenceToJson(analyzed, s);
  }
  EXPECT_EQ(r->body, cli + "]}\n");
  EXPECT_EQ(Parse(r)["sentences"][0]["doc"], "fire-a");
  EXPECT_EQ(Parse(r)["sentences"][0]["sentence"], 0);

  auto bad_option = PostJson(c, "/v1/sentences",
                             {{"articles", testing::FireArticles()}, {"options", {{"words", 3}}}});
  ASSERT_TRUE(bad_option);
  EXPECT_EQ(bad_option->status, 400);
}

TEST(ServerStoreTest, CompareAndArticlesRejectBadRequests) {
  ServerOptions o = TestOptions();
  o.max_articles = 2;
  RunningServer server(o);
  httplib::Client c = server.Client();
  for (const char* path : {"/v1/compare", "/v1/articles"}) {
    auto bad_json = c.Post(path, "{\"articles\": [", "application/json");
    ASSERT_TRUE(bad_json);
    EXPECT_EQ(bad_json->status, 400) << path;
    EXPECT_EQ(ErrorCode(bad_json), "bad_request");
    auto no_text = PostJson(c, path, {{"articles", {{{"id", "a"}}}}});
    EXPECT_EQ(no_text->status, 400) << path;
    EXPECT_NE(no_text->body.find("articles[0].text"), std::string::npos) << no_text->body;
    auto unknown_option = PostJson(
        c, path, {{"articles", {{{"id", "a"}, {"text", "A fire."}}}}, {"options", {{"wordz", 3}}}});
    EXPECT_EQ(unknown_option->status, 400) << path;
    EXPECT_NE(unknown_option->body.find("options.wordz"), std::string::npos);
    auto too_many = PostJson(c, path, {{"articles", testing::FireArticles()}});
    EXPECT_EQ(too_many->status, 413) << path;
    EXPECT_EQ(ErrorCode(too_many), "payload_too_large");
    auto get = c.Get(path);
    EXPECT_EQ(get->status, 405) << path;
    EXPECT_EQ(get->get_header_value("Allow"), "POST");
  }
  // Nothing was stored by the refused requests.
  EXPECT_TRUE(Parse(c.Get("/v1/events"))["events"].empty());
}

TEST(ServerStoreTest, UnknownEventIs404AndWrongMethodIs405) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  for (const char* path : {"/v1/events/99", "/v1/events/abc", "/v1/events/0"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(ErrorCode(r), "not_found");
  }
  auto bad_query = c.Get("/v1/events/1?words=many");
  EXPECT_EQ(bad_query->status, 400);
  auto post_events = c.Post("/v1/events", "{}", "application/json");
  EXPECT_EQ(post_events->status, 405);
}

TEST(ServerStoreTest, EventsComeInPagesAfterACursor) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  json all = testing::FireArticles();
  for (const json& a : testing::BudgetArticles()) all.push_back(a);
  ASSERT_EQ(PostJson(c, "/v1/articles", {{"articles", all}})->status, 200);

  const json first = Parse(c.Get("/v1/events?limit=1"));
  ASSERT_EQ(first["events"].size(), 1u);
  EXPECT_EQ(first["events"][0]["event"], 1);
  EXPECT_EQ(first["next_after"], 1);
  const json second = Parse(c.Get("/v1/events?limit=1&after=1"));
  ASSERT_EQ(second["events"].size(), 1u);
  EXPECT_EQ(second["events"][0]["event"], 2);
  EXPECT_TRUE(second["next_after"].is_null()) << second;
  const json whole = Parse(c.Get("/v1/events"));
  EXPECT_EQ(whole["events"].size(), 2u);
  EXPECT_TRUE(whole["next_after"].is_null());
  EXPECT_TRUE(Parse(c.Get("/v1/events?after=2"))["events"].empty());

  for (const char* bad : {"/v1/events?limit=0", "/v1/events?limit=1001", "/v1/events?after=-1",
                          "/v1/events?after=x", "/v1/events?page=2"}) {
    auto r = c.Get(bad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_EQ(ErrorCode(r), "bad_request") << bad << " " << r->body;
  }
  EXPECT_NE(c.Get("/v1/events?page=2")->body.find("known: after, limit"), std::string::npos);
}

TEST(ServerStoreTest, ArticlesFormEventsThatSurviveARestart) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("chorus_server_api_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ServerOptions o = TestOptions();
  o.store_path = (dir / "chorus.db").string();
  json events_before;
  {
    RunningServer server(o);
    httplib::Client c = server.Client();
    json all = testing::FireArticles();
    for (const json& a : testing::BudgetArticles()) all.push_back(a);
    auto added = PostJson(c, "/v1/articles", {{"articles", all}});
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 200) << added->body;
    const json a = Parse(added);
    ASSERT_EQ(a["articles"].size(), 5u);
    EXPECT_EQ(a["articles"][0]["article"], "fire-a");
    // The three fire reports are one event, the budget reports another.
    EXPECT_EQ(a["articles"][1]["event"], a["articles"][0]["event"]);
    EXPECT_EQ(a["articles"][2]["event"], a["articles"][0]["event"]);
    EXPECT_NE(a["articles"][3]["event"], a["articles"][0]["event"]);

    auto list = c.Get("/v1/events");
    ASSERT_EQ(list->status, 200);
    // Keys in the documented order: the renderer's bytes, never re-parsed.
    EXPECT_NE(list->body.find("\"event\": 1,\n    \"label\""), std::string::npos) << list->body;
    EXPECT_NE(added->body.find("{\"article\":\"fire-a\",\"event\":1,\"duplicate_of\":null}"),
              std::string::npos)
        << added->body;
    events_before = Parse(list)["events"];
    ASSERT_EQ(events_before.size(), 2u);
    EXPECT_EQ(events_before[0]["articles"], 3);
    EXPECT_EQ(events_before[0]["first_date"], "2024-05-01");
    EXPECT_EQ(events_before[0]["last_date"], "2024-05-02");

    auto metrics = c.Get("/metrics");
    EXPECT_NE(metrics->body.find("chorus_store_articles 5\n"), std::string::npos);
    EXPECT_NE(metrics->body.find("chorus_store_events 2\n"), std::string::npos);
    const size_t bytes_at = metrics->body.find("\nchorus_store_file_bytes ");
    ASSERT_NE(bytes_at, std::string::npos) << metrics->body;
    EXPECT_GT(std::stod(metrics->body.substr(bytes_at + 25)), 4096.0);
    server.Stop();
    // GET /v1/events's "events" are the bytes `chorus events --format json` prints.
    StoreOptions read_only;
    read_only.read_only = true;
    Result<std::unique_ptr<EventStore>> store = EventStore::Open(o.store_path, read_only);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Result<std::vector<EventInfo>> stored = (*store)->ListEvents();
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(list->body, "{\"events\":" + EventsToJson(*stored, 2) + ",\"next_after\":null}\n");
  }
  {
    RunningServer server(o);  // the same store, reopened
    httplib::Client c = server.Client();
    auto list = c.Get("/v1/events");
    ASSERT_EQ(list->status, 200);
    EXPECT_EQ(Parse(list)["events"], events_before);

    auto event = c.Get("/v1/events/1?words=30");
    ASSERT_TRUE(event);
    ASSERT_EQ(event->status, 200) << event->body;
    const json e = Parse(event);
    EXPECT_EQ(e["event"]["event"], 1);
    EXPECT_EQ(e["articles"].size(), 3u);
    ASSERT_FALSE(e["summary"]["summary"].empty());
    // Every summary sentence cites articles of this event.
    for (const json& sentence : e["summary"]["summary"]) {
      ASSERT_FALSE(sentence["support"].empty()) << sentence;
      EXPECT_TRUE(sentence["doc"].get<std::string>().starts_with("fire-")) << sentence;
    }
    EXPECT_FALSE(e["comparison"]["facts"].empty());

    // What's new since 2024-05-02: only the later report, for a reader of the first two.
    auto update = c.Get("/v1/events/1?words=30&since=2024-05-02");
    ASSERT_EQ(update->status, 200) << update->body;
    const json u = Parse(update);
    EXPECT_EQ(u["articles"].size(), 3u);
    ASSERT_FALSE(u["summary"]["summary"].empty());
    for (const json& sentence : u["summary"]["summary"])
      EXPECT_EQ(sentence["doc"], "fire-c") << sentence;
    EXPECT_EQ(c.Get("/v1/events/1?since=May")->status, 400);

    // Adding the same articles again stores nothing twice; new ones continue the events.
    auto again = PostJson(c, "/v1/articles", {{"articles", testing::FireArticles()}});
    ASSERT_EQ(again->status, 200);
    EXPECT_EQ(Parse(again)["skipped"].size(), 3u);
    EXPECT_TRUE(Parse(again)["articles"].empty());
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chorus::serve
