// Router: maps an HTTP request (method + path) to a handler, independent of
// sockets, so the whole API can be exercised in unit tests without a network.
//
// Patterns are literal paths with `{name}` segments ("/v1/events/{id}"); a
// matched segment is passed to the handler. A path that matches no pattern is
// answered 404, a path that matches with another method 405 (with an Allow
// header), both as JSON errors.
//
//   Router r;
//   r.Add("GET", "/v1/events/{id}", [](const HttpRequest& q, const PathParams& p) {
//     return JsonResponse(200, "{\"id\": \"" + p.at("id") + "\"}");
//   });
//   HttpResponse res = r.Handle({.method = "GET", .path = "/v1/events/3"});
//
// Thread safety: Add before serving; Handle is const and may run concurrently.
// Copyable (handlers are std::function values).
#ifndef CHORUS_SERVE_ROUTER_H_
#define CHORUS_SERVE_ROUTER_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"

namespace chorus::serve {

struct HttpRequest {
  std::string method;                        // "GET", "POST", ...
  std::string path;                          // without the query string
  std::map<std::string, std::string> query;  // decoded query parameters
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;  // extra headers (Allow, Cache-Control)
  // The pattern that matched ("/v1/events/{id}"), or "unmatched": a bounded
  // label for metrics, unlike the raw path.
  std::string route;
};

using PathParams = std::map<std::string, std::string>;
using RouteHandler = std::function<HttpResponse(const HttpRequest&, const PathParams&)>;

// A JSON response with `status`.
HttpResponse JsonResponse(int status, std::string body);
// {"error": {"code": <code>, "message": <message>}} with `status`.
HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message);
// The HTTP status and error code of a library Status (invalid argument and
// parse errors 400, not found 404, resource exhausted 413, unavailable 503,
// others 500).
HttpResponse ErrorResponse(const Status& status);
// The reason phrase's code for an HTTP status ("not_found" for 404).
std::string_view ErrorCodeForHttpStatus(int status);
// `answer()`, or a 500 when it throws (std::bad_alloc from a request too big
// for the machine, a library bug): one request's failure never takes the
// thread, and with it the server, down.
HttpResponse AnswerOrInternalError(const std::function<HttpResponse()>& answer);

class Router {
 public:
  void Add(std::string method, std::string pattern, RouteHandler handler);
  HttpResponse Handle(const HttpRequest& request) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{id}" marks a parameter
    RouteHandler handler;
  };
  static bool Match(const Route& route, std::string_view path, PathParams* params);
  std::vector<Route> routes_;
};

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_ROUTER_H_
