// Status and Result<T>: how errors cross the chorus library boundary.
//
// Every public function that can fail returns a Status or a Result<T>; no
// exception escapes the library and nothing below main() exits the process.
// A Status carries a code (what kind of failure, so callers can map it to an
// exit code or an HTTP status) and a message a user can act on: it names the
// file, line or field at fault and what was expected.
//
//   chorus::Result<Cluster> r = ReadCluster(path);
//   if (!r.ok()) { std::cerr << r.status().ToString() << "\n"; return 1; }
//   Use(*r);
//
// Thread safety: values; copy freely. Cheap to move; an OK Status holds no
// allocation.
#ifndef CHORUS_STATUS_H_
#define CHORUS_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace chorus {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller's input (flags, options, request fields) is wrong
  kNotFound,           // a file, event or id does not exist
  kParseError,         // input data is malformed (bad JSON, bad line)
  kIoError,            // the OS refused a read or write
  kResourceExhausted,  // a size or time limit was reached
  kUnavailable,        // try again later (server overloaded, store busy)
  kInternal,           // a bug in chorus: please report it
  kCancelled,          // the caller stopped the work (through its std::stop_token)
};

// The lower-case name of a code, as printed in messages ("parse error").
std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "parse error: clusters.jsonl:12: expected ..." (or "OK").
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status ParseError(std::string m) { return Status(StatusCode::kParseError, std::move(m)); }
inline Status IoError(std::string m) { return Status(StatusCode::kIoError, std::move(m)); }
inline Status ResourceExhaustedError(std::string m) {
  return Status(StatusCode::kResourceExhausted, std::move(m));
}
inline Status UnavailableError(std::string m) {
  return Status(StatusCode::kUnavailable, std::move(m));
}
inline Status InternalError(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }
inline Status CancelledError(std::string m) { return Status(StatusCode::kCancelled, std::move(m)); }

// Either a T or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result built from an OK status has no value");
    if (status_.ok()) status_ = InternalError("Result built from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace chorus

#define CHORUS_CONCAT_INNER_(a, b) a##b
#define CHORUS_CONCAT_(a, b) CHORUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (a Status) is not OK.
#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::chorus::Status chorus_status_ = (expr);        \
    if (!chorus_status_.ok()) return chorus_status_; \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, F());` declares x from a Result or returns its Status.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(CHORUS_CONCAT_(chorus_result_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

#endif  // CHORUS_STATUS_H_
