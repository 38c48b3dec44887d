#include "serve/request_policy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chorus::serve {
namespace {

// The status ScreenRequest answers (0: the request is taken).
int Screen(const std::string& method, std::vector<std::pair<std::string, std::string>> fields,
           const std::vector<std::string>& allowed = {}) {
  RequestHead head;
  head.method = method;
  head.target = "/v1/articles";
  head.fields = std::move(fields);
  const auto r = ScreenRequest(head, allowed);
  return r ? r->status : 0;
}

TEST(RequestPolicyTest, HostMustNameThisServer) {
  EXPECT_EQ(Screen("GET", {{"host", "127.0.0.1:8080"}}), 0);
  EXPECT_EQ(Screen("GET", {{"host", "localhost:8080"}}), 0);
  EXPECT_EQ(Screen("GET", {{"host", "[::1]:8080"}}), 0);
  EXPECT_EQ(Screen("GET", {{"host", "10.1.2.3"}}), 0);
  // A DNS-rebinding page reaches 127.0.0.1 under its own name.
  EXPECT_EQ(Screen("GET", {{"host", "evil.example:8080"}}), 403);
  EXPECT_EQ(Screen("GET", {{"host", "News.Example"}}, {"news.example"}), 0);
  EXPECT_EQ(Screen("GET", {{"host", "anything"}}, {"*"}), 0);
}

TEST(RequestPolicyTest, WritesMustBeJson) {
  const auto post = [](const std::string& type) {
    return Screen("POST", {{"host", "127.0.0.1:8080"}, {"content-type", type}});
  };
  EXPECT_EQ(post("application/json"), 0);
  EXPECT_EQ(post("Application/JSON; charset=utf-8"), 0);
  // What a page on any site may send without a CORS preflight.
  EXPECT_EQ(post("text/plain"), 415);
  EXPECT_EQ(post("application/x-www-form-urlencoded"), 415);
  EXPECT_EQ(post("multipart/form-data; boundary=x"), 415);
  EXPECT_EQ(post(""), 415);
  EXPECT_EQ(post("application/jsonp"), 415);
  EXPECT_EQ(Screen("GET", {{"host", "127.0.0.1:8080"}}), 0);
}

TEST(RequestPolicyTest, OriginMustBeThisServer) {
  const auto from = [](const std::string& origin) {
    return Screen(
        "POST",
        {{"host", "127.0.0.1:8080"}, {"content-type", "application/json"}, {"origin", origin}});
  };
  EXPECT_EQ(from("http://127.0.0.1:8080"), 0);  // the served web page
  EXPECT_EQ(from("http://evil.example"), 403);
  EXPECT_EQ(from("http://127.0.0.1:3000"), 403);  // another local site
  EXPECT_EQ(from("null"), 403);
  EXPECT_EQ(Screen("GET", {{"host", "localhost"}, {"origin", "http://localhost"}}), 0);
  EXPECT_EQ(Screen("GET", {{"host", "localhost"}, {"origin", "https://localhost"}}), 0);
}

}  // namespace
}  // namespace chorus::serve
