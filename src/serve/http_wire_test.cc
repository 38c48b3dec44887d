#include "serve/http_wire.h"

#include <gtest/gtest.h>

#include <string>

namespace chorus::serve {
namespace {

HeadParse Parse(const std::string& bytes, HeadLimits limits = {}) {
  return ParseRequestHead(bytes, limits);
}

TEST(HttpWireTest, ParsesARequestHead) {
  const std::string bytes =
      "POST /v1/summarize?x=1 HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: "
      "application/json\r\nContent-Length:  12 \r\n\r\n{\"a\": true}";
  const HeadParse p = Parse(bytes);
  ASSERT_EQ(p.state, HeadParse::kComplete) << p.error;
  EXPECT_EQ(p.head.method, "POST");
  EXPECT_EQ(p.head.target, "/v1/summarize?x=1");
  EXPECT_FALSE(p.head.http10);
  EXPECT_EQ(p.head.content_length, 12u);
  EXPECT_EQ(p.head.Field("host"), "localhost:8080");
  EXPECT_EQ(p.head.Field("content-type"), "application/json");
  EXPECT_EQ(p.head.bytes, bytes.find("{"));
  EXPECT_TRUE(p.head.keep_alive);
}

TEST(HttpWireTest, WaitsForTheEmptyLine) {
  EXPECT_EQ(Parse("GET / HTTP/1.1\r\nHost: x\r\n").state, HeadParse::kIncomplete);
  EXPECT_EQ(Parse("GET / HTTP/1.1\nHost: x\n\n").state, HeadParse::kComplete);
  EXPECT_EQ(FindEmptyLine("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody", 0), 27u);
  EXPECT_EQ(FindEmptyLine("GET / HTTP/1.1\r\nHost: x\r\n", 0), std::string::npos);
  // A caller that searched up to byte 25 finds the line that ends later.
  EXPECT_EQ(FindEmptyLine("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 25), 27u);
}

TEST(HttpWireTest, RefusesHeadsPastTheLimits) {
  HeadLimits limits;
  limits.max_fields = 3;
  std::string many = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 5; ++i) many += "X-A: 1\r\n";
  HeadParse p = Parse(many + "\r\n", limits);
  EXPECT_EQ(p.state, HeadParse::kError);
  EXPECT_EQ(p.error_status, 431);
  // Too many bytes is an error before the head ends (no 11 MB of headers).
  limits = HeadLimits();
  limits.max_bytes = 100;
  p = Parse("GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(200, 'a'), limits);
  EXPECT_EQ(p.error_status, 431);
  p = Parse("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n");
  EXPECT_EQ(p.error_status, 414);
}

TEST(HttpWireTest, RefusesWhatCouldBeReadTwoWays) {
  const auto status = [](const std::string& fields) {
    const HeadParse p = Parse("POST / HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n");
    return p.state == HeadParse::kError ? p.error_status : 0;
  };
  EXPECT_EQ(status("Content-Length: 5\r\nContent-Length: 6\r\n"), 400);
  EXPECT_EQ(status("Content-Length: 5, 6\r\n"), 400);
  EXPECT_EQ(status("Content-Length: 5\r\nContent-Length: 5\r\n"), 0);
  EXPECT_EQ(status("Content-Length: -1\r\n"), 400);
  EXPECT_EQ(status("Content-Length: 0x10\r\n"), 400);
  EXPECT_EQ(status("Transfer-Encoding: chunked\r\n"), 501);
  EXPECT_EQ(status("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"), 400);
  EXPECT_EQ(status("Content-Length : 5\r\n"), 400);  // space before the colon
  EXPECT_EQ(status("X-A: 1\r\n folded\r\n"), 400);
  EXPECT_EQ(status("Host: y\r\n"), 400);  // two Host fields
  EXPECT_EQ(status("Expect: something\r\n"), 417);
  EXPECT_EQ(Parse("GET / HTTP/1.1\r\n\r\n").error_status, 400);  // no Host
  EXPECT_EQ(Parse("GET / HTTP/2.0\r\nHost: x\r\n\r\n").error_status, 505);
  EXPECT_EQ(Parse("GET  / HTTP/1.1\r\nHost: x\r\n\r\n").error_status, 400);
  // A Content-Length past 64 bits is kept as the largest number (then 413).
  const HeadParse huge =
      Parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n");
  ASSERT_EQ(huge.state, HeadParse::kComplete);
  EXPECT_EQ(huge.head.content_length, UINT64_MAX);
}

TEST(HttpWireTest, KeepAliveByVersionAndConnection) {
  EXPECT_FALSE(Parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").head.keep_alive);
  EXPECT_FALSE(Parse("GET / HTTP/1.0\r\n\r\n").head.keep_alive);
  EXPECT_TRUE(Parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").head.keep_alive);
  EXPECT_TRUE(
      Parse("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n").head.expect_continue);
}

TEST(HttpWireTest, SplitsAndDecodesTargets) {
  std::string path;
  std::map<std::string, std::string> query;
  ASSERT_TRUE(SplitTarget("/v1/events%2F1?after=3&q=a+b%21&after=9&&flag", &path, &query));
  EXPECT_EQ(path, "/v1/events/1");
  EXPECT_EQ(query.at("after"), "3");  // the first of a repeated key
  EXPECT_EQ(query.at("q"), "a b!");
  EXPECT_EQ(query.at("flag"), "");
  EXPECT_FALSE(SplitTarget("http://example.com/", &path, &query));
  EXPECT_FALSE(SplitTarget("/a%00b", &path, &query));
  ASSERT_TRUE(SplitTarget("/a%zz%", &path, &query));
  EXPECT_EQ(path, "/a%zz%");
}

TEST(HttpWireTest, WritesResponses) {
  HttpResponse r = JsonResponse(404, "{}");
  r.headers["Allow"] = "GET\r\nX-Injected: 1";
  const std::string out = WriteResponse(r, false, true);
  EXPECT_EQ(out.substr(0, out.find("\r\n")), "HTTP/1.1 404 Not Found");
  EXPECT_NE(out.find("Content-Length: 2\r\n"), std::string::npos);
  EXPECT_NE(out.find("Connection: close\r\n\r\n{}"), std::string::npos);
  EXPECT_EQ(out.find("\r\nX-Injected"), std::string::npos);
  const std::string head_only = WriteResponse(r, true, false);
  EXPECT_NE(head_only.find("Content-Length: 2\r\n"), std::string::npos);
  EXPECT_EQ(head_only.substr(head_only.size() - 4), "\r\n\r\n");
}

}  // namespace
}  // namespace chorus::serve
