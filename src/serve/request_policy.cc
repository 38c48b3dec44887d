#include "serve/request_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <string_view>

namespace chorus::serve {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "name:port", "[::1]:port" or "name" -> the name ("[::1]" keeps its
// brackets) and the port ("" when none).
std::pair<std::string, std::string> SplitHostPort(std::string_view authority) {
  size_t colon = std::string_view::npos;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close != std::string_view::npos && close + 1 < authority.size() &&
        authority[close + 1] == ':') {
      colon = close + 1;
    }
  } else {
    colon = authority.rfind(':');
  }
  if (colon == std::string_view::npos) return {Lower(authority), ""};
  return {Lower(authority.substr(0, colon)), std::string(authority.substr(colon + 1))};
}

bool IsIpAddress(const std::string& host) {
  unsigned char buf[16];
  if (inet_pton(AF_INET, host.c_str(), buf) == 1) return true;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    return inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), buf) == 1;
  }
  return false;
}

bool HostAllowed(const std::string& host, const std::vector<std::string>& allowed) {
  if (host == "localhost" || IsIpAddress(host)) return true;
  return std::any_of(allowed.begin(), allowed.end(),
                     [&](const std::string& a) { return a == "*" || Lower(a) == host; });
}

// True when `origin` ("http://127.0.0.1:8080") is the origin `host` names:
// same name, and for http the same port (80 when not given). An https
// origin is a TLS proxy in front of the server: only the name is compared.
bool SameOrigin(std::string_view origin, std::string_view host_field) {
  std::string_view rest;
  std::string_view default_port;
  if (origin.substr(0, 7) == "http://") {
    rest = origin.substr(7);
    default_port = "80";
  } else if (origin.substr(0, 8) == "https://") {
    rest = origin.substr(8);
  } else {
    return false;  // "null" (sandboxed pages, files) and anything else
  }
  const auto [origin_host, origin_port] = SplitHostPort(rest);
  const auto [host, port] = SplitHostPort(host_field);
  if (origin_host != host) return false;
  if (default_port.empty()) return true;
  return (origin_port.empty() ? std::string(default_port) : origin_port) ==
         (port.empty() ? std::string("80") : port);
}

// A request that sends data: POST, PUT and PATCH always; others with a body.
bool Writes(const RequestHead& head) {
  return head.method == "POST" || head.method == "PUT" || head.method == "PATCH" ||
         head.content_length > 0;
}

bool IsJson(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  return Lower(type) == "application/json";
}

}  // namespace

std::optional<HttpResponse> ScreenRequest(const RequestHead& head,
                                          const std::vector<std::string>& allowed_hosts) {
  const std::string_view host_field = head.Field("host");
  const std::string host = SplitHostPort(host_field).first;
  if (!host_field.empty() && !HostAllowed(host, allowed_hosts)) {
    return ErrorResponse(403, "forbidden",
                         "Host \"" + host + "\" is not this server's; start it with --allow-host " +
                             host + " to accept it");
  }
  const std::string_view origin = head.Field("origin");
  if (!origin.empty() && !SameOrigin(origin, host_field)) {
    return ErrorResponse(
        403, "forbidden",
        "requests from another origin (" + std::string(origin) + ") are not accepted");
  }
  if (Writes(head) && !IsJson(head.Field("content-type"))) {
    return ErrorResponse(415, "unsupported_media_type",
                         "send the body as JSON, with the header Content-Type: application/json");
  }
  return std::nullopt;
}

}  // namespace chorus::serve
