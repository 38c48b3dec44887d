// POST /v1/summarize over real sockets: the CLI's JSON, each error status,
// overload and the time limit.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

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

TEST(ServerApiTest, SummarizeReturnsTheCliJsonWithCitations) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto r = PostJson(c, "/v1/summarize",
                    {{"articles", testing::FireArticles()}, {"options", {{"words", 40}}}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const json j = Parse(r);
  EXPECT_EQ(j["method"], "chorus");
  ASSERT_FALSE(j["summary"].empty());
  size_t words = 0;
  for (const json& s : j["summary"]) {
    EXPECT_TRUE(s["doc"].get<std::string>().starts_with("fire-")) << s;
    EXPECT_FALSE(s["support"].empty());
    const std::string text = s["text"];
    words += std::count(text.begin(), text.end(), ' ') + 1;
  }
  EXPECT_LE(words, 40u);
  // The options are the CLI's flags; every method /healthz lists is served.
  const json methods = Parse(c.Get("/healthz"))["methods"];
  ASSERT_FALSE(methods.empty());
  EXPECT_EQ(methods[0], "chorus");
  for (const json& method : methods) {
    auto r = PostJson(c, "/v1/summarize",
                      {{"articles", testing::FireArticles()},
                       {"options", {{"sentences", 1}, {"method", method}}}});
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(Parse(r)["summary"].size(), 1u);
    EXPECT_EQ(Parse(r)["method"], method);
  }
}

// Same input, same output: requests answered at once by different workers
// give the bytes a lone request gets.
TEST(ServerApiTest, ConcurrentRequestsGiveIdenticalBodies) {
  RunningServer server(TestOptions());
  const json request = {{"articles", testing::FireArticles()}, {"options", {{"words", 60}}}};
  httplib::Client lone = server.Client();
  auto first = PostJson(lone, "/v1/summarize", request);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  std::vector<std::string> bodies(6);
  std::vector<std::thread> clients;
  for (size_t k = 0; k < bodies.size(); ++k) {
    clients.emplace_back([&, k] {
      httplib::Client c = server.Client();
      auto r = PostJson(c, "/v1/summarize", request);
      if (r && r->status == 200) bodies[k] = r->body;
    });
  }
  for (std::thread& t : clients) t.join();
  for (const std::string& body : bodies) EXPECT_EQ(body, first->body);
}

// options.query focuses the summary; options.since makes it an update for a
// reader of the articles dated before.
TEST(ServerApiTest, QueryAndSinceOptions) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto focused = PostJson(c, "/v1/summarize",
                          {{"articles", testing::FireArticles()},
                           {"options", {{"sentences", 1}, {"query", "how many firefighters"}}}});
  ASSERT_EQ(focused->status, 200) << focused->body;
  EXPECT_NE(Parse(focused)["summary"][0]["text"].get<std::string>().find("firefighters"),
            std::string::npos)
      << focused->body;
  auto generic = PostJson(c, "/v1/summarize",
                          {{"articles", testing::FireArticles()}, {"options", {{"sentences", 1}}}});
  EXPECT_NE(Parse(generic)["summary"][0]["text"], Parse(focused)["summary"][0]["text"]);
  auto update = PostJson(c, "/v1/summarize",
                         {{"articles", testing::FireArticles()},
                          {"options", {{"words", 40}, {"since", "2024-05-02"}}}});
  ASSERT_EQ(update->status, 200) << update->body;
  // Held in a variable: a range-for over a member of a temporary reads freed memory.
  const json update_body = Parse(update);
  ASSERT_FALSE(update_body["summary"].empty()) << update->body;
  for (const json& s : update_body["summary"]) EXPECT_EQ(s["doc"], "fire-c") << s;
  auto bad = PostJson(c, "/v1/summarize",
                      {{"articles", testing::FireArticles()}, {"options", {{"since", "May 2"}}}});
  ASSERT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("options.since"), std::string::npos) << bad->body;
}

TEST(ServerApiTest, BadRequestsAre400NamingTheField) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto bad_json = c.Post("/v1/summarize", "{\"articles\": [", "application/json");
  ASSERT_TRUE(bad_json);
  EXPECT_EQ(bad_json->status, 400);
  EXPECT_EQ(ErrorCode(bad_json), "bad_request");
  EXPECT_NE(bad_json->body.find("not valid JSON"), std::string::npos);

  auto no_text = PostJson(c, "/v1/summarize", {{"articles", {{{"id", "a"}}}}});
  EXPECT_EQ(no_text->status, 400);
  EXPECT_NE(Parse(no_text)["error"]["message"].get<std::string>().find("articles[0].text"),
            std::string::npos);
  auto bad_option = PostJson(c, "/v1/summarize",
                             {{"articles", testing::FireArticles()}, {"options", {{"words", 0}}}});
  EXPECT_EQ(bad_option->status, 400);
  EXPECT_NE(bad_option->body.find("options.words"), std::string::npos);
  auto bad_method =
      PostJson(c, "/v1/summarize",
               {{"articles", testing::FireArticles()}, {"options", {{"method", "magic"}}}});
  EXPECT_EQ(bad_method->status, 400);
  EXPECT_NE(bad_method->body.find("options.method"), std::string::npos);
}

TEST(ServerApiTest, TooLargeIs413ForBodiesAndArticleCounts) {
  ServerOptions o = TestOptions();
  o.max_body_bytes = 4096;
  o.max_articles = 2;
  RunningServer server(o);
  httplib::Client c = server.Client();
  json big = testing::FireArticles();
  big[0]["text"] = std::string(8000, 'a');
  auto body = PostJson(c, "/v1/summarize", {{"articles", big}});
  ASSERT_TRUE(body);
  EXPECT_EQ(body->status, 413);
  EXPECT_EQ(ErrorCode(body), "payload_too_large");
  auto count = PostJson(c, "/v1/summarize", {{"articles", testing::FireArticles()}});
  ASSERT_TRUE(count);
  EXPECT_EQ(count->status, 413);
  EXPECT_NE(count->body.find("at most 2"), std::string::npos);
  // The server goes on answering.
  EXPECT_EQ(c.Get("/healthz")->status, 200);
}

// A cluster big enough that summarizing it keeps a worker busy for a while.
json SlowCluster() {
  json articles = json::array();
  for (int copy = 0; copy < 300; ++copy) {
    for (json a : testing::FireArticles()) {
      const std::string n = std::to_string(copy);
      a["id"] = a["id"].get<std::string>() + "-" + n;
      // Distinct texts, so that no copy is dropped as a duplicate.
      a["text"] = a["text"].get<std::string>() + " Witness " + n + " saw smoke from pier " + n +
                  " and district " + n + ".";
      articles.push_back(a);
    }
  }
  return {{"articles", articles}, {"options", {{"words", 200}}}};
}

// Polls /healthz until one request is running (true), or gives up after ~2 s
// or once the request being waited for has ended (its status set: false).
bool WaitUntilRunning(httplib::Client& c, const std::atomic<int>& finished_status) {
  for (int i = 0; i < 2000 && finished_status == 0; ++i) {
    auto h = c.Get("/healthz");
    if (h && Parse(h)["running"] == 1) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(ServerApiTest, WrongMethodOnSummarizeIs405) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto r = c.Get("/v1/summarize");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(ErrorCode(r), "method_not_allowed");
  EXPECT_EQ(r->get_header_value("Allow"), "POST");
}

TEST(ServerApiTest, FullQueueIs503AtOnce) {
  ServerOptions o = TestOptions();
  o.threads = 1;
  o.queue_limit = 0;  // nothing may wait: a busy worker means 503
  RunningServer server(o);
  std::atomic<int> slow_status{0};
  std::thread slow([&] {
    httplib::Client c = server.Client();
    auto r = PostJson(c, "/v1/summarize", SlowCluster());
    slow_status = r ? r->status : -1;
  });
  httplib::Client c = server.Client();
  // Wait until the slow request occupies the only worker.
  const bool busy = WaitUntilRunning(c, slow_status);
  if (!busy) {
    slow.join();
    FAIL() << "the slow request (status " << slow_status << ") ended before it was overtaken";
  }
  const auto start = std::chrono::steady_clock::now();
  auto r = PostJson(c, "/v1/summarize", {{"articles", testing::FireArticles()}});
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(ErrorCode(r), "overloaded");
  EXPECT_EQ(r->get_header_value("Retry-After"), "1");
  EXPECT_LT(waited, std::chrono::seconds(2));  // answered at once, not after the slow one
  // Every route that needs a worker sheds load the same way, for as long as
  // the slow request holds the worker (on a loaded machine it may end first).
  const json fire = {{"articles", testing::FireArticles()}};
  const std::vector<std::pair<std::string, std::function<int()>>> routes = {
      {"compare", [&] { return PostJson(c, "/v1/compare", fire)->status; }},
      {"articles", [&] { return PostJson(c, "/v1/articles", fire)->status; }},
      {"events", [&] { return c.Get("/v1/events")->status; }},
      {"event", [&] { return c.Get("/v1/events/1")->status; }}};
  for (const auto& [name, send] : routes) {
    const int status = send();
    if (slow_status != 0) break;
    EXPECT_EQ(status, 503) << name;
  }
  // ... while health and metrics are still answered.
  EXPECT_EQ(c.Get("/healthz")->status, 200);
  EXPECT_EQ(c.Get("/metrics")->status, 200);
  slow.join();
  EXPECT_EQ(slow_status.load(), 200);
}

TEST(ServerApiTest, StopLetsAnInFlightRequestFinish) {
  RunningServer server(TestOptions());
  std::atomic<int> slow_status{0};
  std::thread slow([&] {
    httplib::Client c = server.Client();
    auto r = PostJson(c, "/v1/summarize", SlowCluster());
    slow_status = r ? r->status : -1;
  });
  httplib::Client c = server.Client();
  const bool busy = WaitUntilRunning(c, slow_status);
  c.stop();  // no idle keep-alive connection of ours holds the server up
  // What SIGTERM does in `chorus serve`: Stop, and Run returns once the
  // request in flight has been answered.
  server.Stop();
  slow.join();
  EXPECT_TRUE(busy) << "the slow request ended before Stop";
  EXPECT_EQ(slow_status.load(), 200);
}

TEST(ServerApiTest, RequestOverTheTimeLimitIs503) {
  ServerOptions o = TestOptions();
  o.max_request_ms = 1;
  RunningServer server(o);
  httplib::Client c = server.Client();
  auto r = PostJson(c, "/v1/summarize", SlowCluster());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(ErrorCode(r), "deadline_exceeded");
}

}  // namespace
}  // namespace chorus::serve
