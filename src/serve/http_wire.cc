#include "serve/http_wire.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>

namespace chorus::serve {
namespace {

// RFC 9110 token characters (method and field names).
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsTokenChar);
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

HeadParse Error(int status, std::string message) {
  HeadParse r;
  r.state = HeadParse::kError;
  r.error_status = status;
  r.error = std::move(message);
  return r;
}

// Content-Length: digits, or a list of equal numbers ("5, 5"); the largest
// uint64 when too large to hold (the caller refuses it as too large).
bool ParseContentLength(std::string_view value, uint64_t* out) {
  bool any = false;
  uint64_t first = 0;
  while (true) {
    const size_t comma = value.find(',');
    const std::string_view item = Trim(value.substr(0, comma));
    if (item.empty() ||
        !std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    uint64_t n = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
    if (ec == std::errc::result_out_of_range) n = std::numeric_limits<uint64_t>::max();
    if (any && n != first) return false;
    first = n;
    any = true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  *out = first;
  return true;
}

// Fills the fields derived from the header fields, or returns an error.
HeadParse Interpret(HeadParse r) {
  RequestHead& h = r.head;
  h.keep_alive = !h.http10;
  bool length_seen = false;
  int hosts = 0;
  for (const auto& [name, value] : h.fields) {
    if (name == "content-length") {
      uint64_t n = 0;
      if (!ParseContentLength(value, &n) || (length_seen && n != h.content_length)) {
        return Error(400, "Content-Length is not one non-negative number");
      }
      h.content_length = n;
      length_seen = true;
    } else if (name == "transfer-encoding") {
      if (std::any_of(h.fields.begin(), h.fields.end(),
                      [](const auto& f) { return f.first == "content-length"; })) {
        return Error(400, "a request may not have both Transfer-Encoding and Content-Length");
      }
      return Error(501, "Transfer-Encoding is not supported: send the body with a Content-Length");
    } else if (name == "host") {
      ++hosts;
    } else if (name == "expect") {
      if (Lower(value) != "100-continue")
        return Error(417, "only Expect: 100-continue is supported");
      h.expect_continue = true;
    } else if (name == "connection") {
      const std::string tokens = Lower(value);
      if (tokens.find("close") != std::string::npos) h.keep_alive = false;
      if (h.http10 && tokens.find("keep-alive") != std::string::npos) h.keep_alive = true;
    }
  }
  if (hosts > 1) return Error(400, "more than one Host header field");
  if (hosts == 0 && !h.http10) return Error(400, "an HTTP/1.1 request needs a Host header field");
  r.state = HeadParse::kComplete;
  return r;
}

bool ParseRequestLine(std::string_view line, RequestHead* h, HeadParse* error) {
  const size_t sp1 = line.find(' ');
  const size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    *error = Error(400, "malformed request line");
    return false;
  }
  const std::string_view method = line.substr(0, sp1);
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (!IsToken(method) || target.empty() || std::any_of(target.begin(), target.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
      })) {
    *error = Error(400, "malformed request line");
    return false;
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    *error = Error(505, "only HTTP/1.1 and HTTP/1.0 are supported");
    return false;
  }
  h->method = method;
  h->target = target;
  h->http10 = version == "HTTP/1.0";
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = LowerAscii(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// %-decodes `s` ('+' as a space when `plus_is_space`); false on a NUL.
bool Decode(std::string_view s, bool plus_is_space, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      c = static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return false;
    out->push_back(c);
  }
  return true;
}

}  // namespace

size_t FindEmptyLine(std::string_view bytes, size_t from) {
  for (size_t i = bytes.find('\n', from >= 2 ? from - 2 : 0); i != std::string_view::npos;
       i = bytes.find('\n', i + 1)) {
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') return i + 2;
    if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

std::string_view RequestHead::Field(std::string_view name) const {
  for (const auto& [n, v] : fields) {
    if (n == name) return v;
  }
  return {};
}

HeadParse ParseRequestHead(std::string_view bytes, const HeadLimits& limits) {
  size_t pos = 0;
  // A client may send empty lines before a request (RFC 9112 2.2).
  while (pos < bytes.size() && pos < 8 && (bytes[pos] == '\r' || bytes[pos] == '\n')) ++pos;
  const size_t start = pos;
  HeadParse r;
  bool request_line = true;
  while (true) {
    const size_t nl = bytes.find('\n', pos);
    const size_t line_end = nl == std::string_view::npos ? bytes.size() : nl;
    if (request_line && line_end - pos > limits.max_request_line) {
      return Error(414, fmt::format("request line longer than {} bytes", limits.max_request_line));
    }
    if (line_end - start > limits.max_bytes) {
      return Error(431,
                   fmt::format("request header fields larger than {} bytes", limits.max_bytes));
    }
    if (nl == std::string_view::npos) return r;  // kIncomplete
    std::string_view line = bytes.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (request_line) {
      if (!ParseRequestLine(line, &r.head, &r)) return r;
      request_line = false;
      continue;
    }
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') {
      return Error(400, "folded header lines are not accepted");
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) {
      return Error(400, "malformed header field");
    }
    const std::string_view value = Trim(line.substr(colon + 1));
    if (std::any_of(value.begin(), value.end(),
                    [](char c) { return c == '\0' || c == '\r' || c == '\n'; })) {
      return Error(400, "malformed header field value");
    }
    if (r.head.fields.size() >= limits.max_fields) {
      return Error(431, fmt::format("more than {} header fields", limits.max_fields));
    }
    r.head.fields.emplace_back(Lower(line.substr(0, colon)), std::string(value));
  }
  r.head.bytes = pos;
  return Interpret(std::move(r));
}

bool SplitTarget(std::string_view target, std::string* path,
                 std::map<std::string, std::string>* query) {
  if (target.empty() || target.front() != '/') return false;
  const size_t q = target.find('?');
  if (!Decode(target.substr(0, q), false, path)) return false;
  query->clear();
  if (q == std::string_view::npos) return true;
  std::string_view rest = target.substr(q + 1);
  std::string key, value;
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    if (!Decode(pair.substr(0, eq), true, &key)) return false;
    if (!Decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true,
                &value)) {
      return false;
    }
    query->emplace(key, value);
  }
  return true;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 417:
      return "Expectation Failed";
    case 421:
      return "Misdirected Request";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Unknown";
  }
}

std::string WriteResponse(const HttpResponse& response, bool head_only, bool close) {
  std::string out =
      fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n", response.status,
                  ReasonPhrase(response.status), response.content_type, response.body.size());
  out += "X-Content-Type-Options: nosniff\r\n";
  for (const auto& [name, value] : response.headers) {
    const std::string lower = Lower(name);
    if (lower == "content-length" || lower == "connection" || lower == "content-type" ||
        lower == "x-content-type-options") {
      continue;
    }
    out += name;
    out += ": ";
    for (char c : value) out.push_back(c == '\r' || c == '\n' ? ' ' : c);
    out += "\r\n";
  }
  out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
  if (!head_only) out += response.body;
  return out;
}

}  // namespace chorus::serve
