#include "serve/router.h"

#include <exception>
#include <new>
#include <nlohmann/json.hpp>
#include <utility>

namespace chorus::serve {
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const size_t end = std::min(path.find('/', i), path.size());
    out.emplace_back(path.substr(i, end - i));
    i = end;
  }
  return out;
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

HttpResponse JsonResponse(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

std::string_view ErrorCodeForHttpStatus(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 408:
      return "request_timeout";
    case 413:
      return "payload_too_large";
    case 415:
      return "unsupported_media_type";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal" : "error";
  }
}

HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  // Messages may quote request bytes that are not valid UTF-8: replace them.
  return JsonResponse(status, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

HttpResponse AnswerOrInternalError(const std::function<HttpResponse()>& answer) {
  try {
    return answer();
  } catch (const std::bad_alloc&) {
    return ErrorResponse(500, "internal", "the server ran out of memory for this request");
  } catch (const std::exception& e) {
    return ErrorResponse(500, "internal", std::string("internal error: ") + e.what());
  } catch (...) {
    return ErrorResponse(500, "internal", "internal error");
  }
}

HttpResponse ErrorResponse(const Status& status) {
  int http = 500;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kParseError:
      http = 400;
      break;
    case StatusCode::kNotFound:
      http = 404;
      break;
    case StatusCode::kResourceExhausted:
      http = 413;
      break;
    case StatusCode::kUnavailable:
    case StatusCode::kCancelled:
      http = 503;
      break;
    default:
      http = 500;
      break;
  }
  return ErrorResponse(http, ErrorCodeForHttpStatus(http), status.message());
}

void Router::Add(std::string method, std::string pattern, RouteHandler handler) {
  Route r;
  r.segments = SplitPath(pattern);
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.handler = std::move(handler);
  routes_.push_back(std::move(r));
}

bool Router::Match(const Route& route, std::string_view path, PathParams* params) {
  const std::vector<std::string> segments = SplitPath(path);
  if (segments.size() != route.segments.size()) return false;
  // A trailing slash names another resource ("/v1/events/" is not "/v1/events").
  if (path.size() > 1 && path.back() == '/') return false;
  params->clear();
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (IsParameter(want)) {
      (*params)[want.substr(1, want.size() - 2)] = segments[i];
    } else if (want != segments[i]) {
      return false;
    }
  }
  return true;
}

HttpResponse Router::Handle(const HttpRequest& request) const {
  // HEAD is GET without a body (the transport drops the body).
  const std::string method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::string allowed;
  std::string matched_pattern;
  PathParams params;
  for (const Route& route : routes_) {
    if (!Match(route, request.path, &params)) continue;
    if (route.method == method) {
      HttpResponse res = AnswerOrInternalError([&] { return route.handler(request, params); });
      res.route = route.pattern;
      return res;
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
    matched_pattern = route.pattern;
  }
  if (!allowed.empty()) {
    HttpResponse res = ErrorResponse(405, "method_not_allowed",
                                     std::string(request.method) + " is not allowed on " +
                                         request.path + " (allowed: " + allowed + ")");
    res.headers["Allow"] = allowed;
    res.route = matched_pattern;
    return res;
  }
  HttpResponse res = ErrorResponse(404, "not_found", "no route " + request.path);
  res.route = "unmatched";
  return res;
}

}  // namespace chorus::serve
