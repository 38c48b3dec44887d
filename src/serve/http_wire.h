// The bytes of HTTP/1.1 as the server reads and writes them: a request's
// head (request line and header fields) parsed within limits, its target
// split into a decoded path and query, and a response written out.
//
// Parsing is strict where leniency lets one request be read two ways
// (request smuggling): a header name must be followed directly by ':',
// continuation lines are refused, Content-Length must be digits and agree
// with itself, and Transfer-Encoding is refused (the API takes bodies with a
// Content-Length only). Lines may end in CRLF or LF.
//
//   HeadParse p = ParseRequestHead(buffer, limits);
//   if (p.state == HeadParse::kIncomplete) ReadMore();
//   if (p.state == HeadParse::kError) Answer(p.error_status, p.error);
//
// Thread safety: pure functions.
#ifndef CHORUS_SERVE_HTTP_WIRE_H_
#define CHORUS_SERVE_HTTP_WIRE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "serve/router.h"

namespace chorus::serve {

struct HeadLimits {
  // Bytes of the request line and header fields together. Default 32 KiB.
  size_t max_bytes = size_t{32} << 10;
  // Longest request line (the target is in it). Default 8 KiB.
  size_t max_request_line = size_t{8} << 10;
  // Header fields. Default 100.
  uint32_t max_fields = 100;
};

struct RequestHead {
  std::string method;   // "GET"
  std::string target;   // "/v1/events?after=3", as sent
  bool http10 = false;  // HTTP/1.0 (else HTTP/1.1)
  // Header fields in order, names lower-cased, values without surrounding
  // whitespace.
  std::vector<std::pair<std::string, std::string>> fields;
  size_t bytes = 0;  // of the head, through its empty line
  uint64_t content_length = 0;
  bool expect_continue = false;  // "Expect: 100-continue"
  bool keep_alive = true;        // by version and "Connection"

  // The value of the first field called `name` (lower-case), or "".
  std::string_view Field(std::string_view name) const;
};

struct HeadParse {
  enum State { kIncomplete, kComplete, kError };
  State state = kIncomplete;
  RequestHead head;        // kComplete
  int error_status = 400;  // kError: 400, 414, 417, 431, 501 or 505
  std::string error;       // kError: what is wrong, for the client
};

// Offset just past the first empty line ("\n\n" or "\n\r\n") that ends at
// or after `from`, or npos: where a head may end (a caller searches only the
// bytes it has not searched before, so a head sent a byte at a time costs
// linear time).
size_t FindEmptyLine(std::string_view bytes, size_t from);

// Parses the head at the start of `bytes` (what a connection has received;
// a body may follow it). kIncomplete until the empty line arrives, unless
// the limits are already exceeded.
HeadParse ParseRequestHead(std::string_view bytes, const HeadLimits& limits);

// The request target split and %-decoded: "/v1/events?after=3&limit=2" ->
// path "/v1/events", query {after: 3, limit: 2} ('+' is a space in the
// query; a repeated key keeps its first value). False for a target that is
// not an origin-form path ("*", "http://...") or decodes to a NUL.
bool SplitTarget(std::string_view target, std::string* path,
                 std::map<std::string, std::string>* query);

// The whole response: status line, Content-Type, Content-Length, the extra
// headers, Connection (close or keep-alive), then the body unless `head_only`.
std::string WriteResponse(const HttpResponse& response, bool head_only, bool close);

// "OK", "Not Found", ... ("Unknown" for a status without a phrase here).
std::string_view ReasonPhrase(int status);

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_HTTP_WIRE_H_
