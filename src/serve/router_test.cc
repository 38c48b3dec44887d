#include "serve/router.h"

#include <gtest/gtest.h>

#include <new>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace chorus::serve {
namespace {

HttpRequest Req(std::string method, std::string path, std::string body = "") {
  HttpRequest q;
  q.method = std::move(method);
  q.path = std::move(path);
  q.body = std::move(body);
  return q;
}

Router EventsRouter() {
  Router r;
  r.Add("GET", "/v1/events",
        [](const HttpRequest&, const PathParams&) { return JsonResponse(200, "[]"); });
  r.Add("GET", "/v1/events/{id}", [](const HttpRequest&, const PathParams& p) {
    return JsonResponse(200, "\"" + p.at("id") + "\"");
  });
  r.Add("POST", "/v1/articles",
        [](const HttpRequest& q, const PathParams&) { return JsonResponse(201, q.body); });
  return r;
}

TEST(RouterTest, RoutesByMethodAndPathWithParameters) {
  const Router r = EventsRouter();
  HttpResponse res = r.Handle(Req("GET", "/v1/events/42"));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "\"42\"");
  EXPECT_EQ(res.route, "/v1/events/{id}");
  res = r.Handle(Req("GET", "/v1/events"));
  EXPECT_EQ(res.body, "[]");
  EXPECT_EQ(res.route, "/v1/events");
  res = r.Handle(Req("POST", "/v1/articles", "{}"));
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.body, "{}");
}

TEST(RouterTest, HeadIsAnsweredLikeGet) {
  EXPECT_EQ(EventsRouter().Handle(Req("HEAD", "/v1/events")).status, 200);
}

TEST(RouterTest, UnknownPathIs404WithJsonError) {
  const Router r = EventsRouter();
  for (const char* path : {"/nope", "/v1/events/1/2", "/v1/events/", "/v1"}) {
    const HttpResponse res = r.Handle(Req("GET", path));
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.route, "unmatched");
    const auto j = nlohmann::json::parse(res.body);
    EXPECT_EQ(j["error"]["code"], "not_found");
    EXPECT_NE(j["error"]["message"].get<std::string>().find(path), std::string::npos);
  }
}

TEST(RouterTest, WrongMethodIs405NamingAllowedMethods) {
  const HttpResponse res = EventsRouter().Handle(Req("DELETE", "/v1/articles"));
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.headers.at("Allow"), "POST");
  EXPECT_EQ(res.route, "/v1/articles");
  EXPECT_EQ(nlohmann::json::parse(res.body)["error"]["code"], "method_not_allowed");
}

TEST(RouterTest, StatusCodesMapToHttpStatuses) {
  EXPECT_EQ(ErrorResponse(InvalidArgumentError("x")).status, 400);
  EXPECT_EQ(ErrorResponse(ParseError("x")).status, 400);
  EXPECT_EQ(ErrorResponse(NotFoundError("x")).status, 404);
  EXPECT_EQ(ErrorResponse(ResourceExhaustedError("x")).status, 413);
  EXPECT_EQ(ErrorResponse(UnavailableError("x")).status, 503);
  EXPECT_EQ(ErrorResponse(InternalError("x")).status, 500);
}

TEST(RouterTest, ErrorMessagesWithInvalidUtf8StayValidJson) {
  const HttpResponse res = ErrorResponse(400, "bad_request", "bad \xff byte");
  EXPECT_FALSE(nlohmann::json::parse(res.body, nullptr, false).is_discarded());
}

TEST(RouterTest, AHandlerThatThrowsIs500NotACrash) {
  // GET /v1/events/1 on a store of 100k tiny articles threw std::bad_alloc
  // on a worker thread and ended the server.
  Router r;
  r.Add("GET", "/oom",
        [](const HttpRequest&, const PathParams&) -> HttpResponse { throw std::bad_alloc(); });
  r.Add("GET", "/bug", [](const HttpRequest&, const PathParams&) -> HttpResponse {
    throw std::out_of_range("index 7");
  });
  r.Add("GET", "/odd", [](const HttpRequest&, const PathParams&) -> HttpResponse { throw 7; });
  for (const char* path : {"/oom", "/bug", "/odd"}) {
    const HttpResponse res = r.Handle(Req("GET", path));
    EXPECT_EQ(res.status, 500) << path;
    EXPECT_EQ(nlohmann::json::parse(res.body)["error"]["code"], "internal") << path;
    EXPECT_EQ(res.route, path);
  }
  EXPECT_NE(r.Handle(Req("GET", "/oom")).body.find("out of memory"), std::string::npos);
}

}  // namespace
}  // namespace chorus::serve
