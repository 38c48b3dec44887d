#include "serve/metrics.h"

#include <gtest/gtest.h>

namespace chorus::serve {
namespace {

TEST(MetricsRegistryTest, RendersCountersCumulativeHistogramAndGauges) {
  MetricsRegistry m;
  int articles = 7;
  m.AddGauge("chorus_store_articles", "Articles in the store.", [&] { return articles; });
  m.RecordRequest("/v1/summarize", "POST", 200, 0.003);
  m.RecordRequest("/v1/summarize", "POST", 200, 0.02);
  m.RecordRequest("/v1/summarize", "POST", 400, 0.0001);
  m.RecordRequest("/v1/summarize", "POST", 200, 30.0);  // beyond the last bucket
  const std::string text = m.Render();
  EXPECT_NE(text.find("# TYPE chorus_http_requests_total counter"), std::string::npos);
  EXPECT_NE(
      text.find(
          "chorus_http_requests_total{route=\"/v1/summarize\",method=\"POST\",status=\"200\"} 3"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("status=\"400\"} 1"), std::string::npos);
  // Buckets are cumulative: 1 request <= 1 ms, 2 <= 5 ms, 3 <= 25 ms, 4 in +Inf.
  EXPECT_NE(text.find("route=\"/v1/summarize\",le=\"0.001\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("route=\"/v1/summarize\",le=\"0.005\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("route=\"/v1/summarize\",le=\"0.025\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("route=\"/v1/summarize\",le=\"10\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("route=\"/v1/summarize\",le=\"+Inf\"} 4\n"), std::string::npos);
  EXPECT_NE(text.find("chorus_http_request_duration_seconds_count{route=\"/v1/summarize\"} 4"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE chorus_store_articles gauge\nchorus_store_articles 7\n"),
            std::string::npos);
  articles = 9;
  EXPECT_NE(m.Render().find("chorus_store_articles 9\n"), std::string::npos);
}

TEST(MetricsRegistryTest, EscapesLabelValues) {
  MetricsRegistry m;
  m.RecordRequest("a\"b\\c", "GET", 200, 0.001);
  EXPECT_NE(m.Render().find("route=\"a\\\"b\\\\c\""), std::string::npos);
}

}  // namespace
}  // namespace chorus::serve
