// The server over real sockets: a chorus::Server on a loopback ephemeral port,
// driven with httplib's client.
#include "chorus/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "serve/test_server.h"

namespace chorus {
namespace {

using nlohmann::json;
using serve::testing::ErrorCode;
using serve::testing::RunningServer;
using serve::testing::TestOptions;

TEST(ServerTest, HealthzAndMetrics) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");
  (void)c.Get("/nope");
  auto metrics = c.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_NE(metrics->body.find(
                "chorus_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("route=\"unmatched\",method=\"GET\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("chorus_http_request_duration_seconds_bucket{route=\"/healthz\""),
            std::string::npos);
}

TEST(ServerTest, ServesTheEmbeddedWebPage) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("chorus"), std::string::npos);
  for (const char* asset : {"/app.js", "/app.css"}) {
    auto r = c.Get(asset);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << asset;
  }
}

TEST(ServerTest, UnknownRouteIs404AndWrongMethodIs405) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  auto missing = c.Get("/v2/summarize");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(ErrorCode(missing), "not_found");
  auto wrong = c.Delete("/healthz");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(ErrorCode(wrong), "method_not_allowed");
  EXPECT_EQ(wrong->get_header_value("Allow"), "GET");
}

TEST(ServerTest, BodyLargerThanTheLimitIs413) {
  ServerOptions o = TestOptions();
  o.max_body_bytes = 1000;
  RunningServer server(o);
  httplib::Client c = server.Client();
  auto r = c.Post("/healthz", std::string(5000, 'x'), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorCode(r), "payload_too_large");
}

TEST(ServerTest, WritesOneJsonAccessLogLinePerRequest) {
  RunningServer server(TestOptions());
  httplib::Client c = server.Client();
  (void)c.Get("/healthz");
  (void)c.Get("/missing");
  server.Stop();
  std::vector<std::string> log = server.Log();
  ASSERT_EQ(log.size(), 2u);
  // Lines are written after each response, so their order may differ.
  if (json::parse(log[0])["path"] != "/healthz") std::swap(log[0], log[1]);
  const json first = json::parse(log[0]);
  EXPECT_EQ(first["method"], "GET");
  EXPECT_EQ(first["path"], "/healthz");
  EXPECT_EQ(first["status"], 200);
  EXPECT_GT(first["bytes"].get<int>(), 0);
  EXPECT_GE(first["latency_ms"].get<double>(), 0.0);
  EXPECT_TRUE(first["time"].is_string());
  EXPECT_EQ(json::parse(log[1])["status"], 404);
}

TEST(ServerTest, StopsWithoutRequestsAndRefusesABusyPort) {
  RunningServer server(TestOptions());
  ServerOptions o = TestOptions();
  o.port = server.port();
  auto second = Server::Create(o);
  ASSERT_TRUE(second.ok());
  const Status s = (*second)->Bind();
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  server.Stop();
}

}  // namespace
}  // namespace chorus
