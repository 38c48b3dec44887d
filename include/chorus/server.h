// Server: chorus's HTTP API (JSON under /v1) and web page, on cpp-httplib.
//
// Routes: POST /v1/summarize, POST /v1/compare (a cluster in the body, the
// response is what `chorus summarize|compare --format json` prints),
// POST /v1/articles (add articles to the event store), GET /v1/events,
// GET /v1/events/{id}, GET /healthz, GET /metrics (Prometheus text), and the
// web page at /. Errors are JSON {"error": {"code", "message"}} with the HTTP
// status of their kind (400, 404, 405, 413, 503).
//
// One thread reads every connection (no thread waits on a slow client: the
// head must arrive within header_timeout_ms, at most 100 fields and 32 KiB);
// complete requests go to a pool of handler threads; the work of a request
// (parsing its JSON and HTML, analysis, summarizing, comparing, the store)
// runs on a pool of `threads` workers behind a queue of at most
// `queue_limit` waiting requests. When the queue is full the request is
// answered 503 at once, so an overloaded server sheds load instead of
// building up latency. A request still working at its deadline
// (max_request_ms) is answered 503 and its work is cancelled.
//
// Requests from web pages: the Host must be localhost, an IP address or one
// of `allowed_hosts` (else 403: DNS rebinding); writes must be
// Content-Type: application/json (else 415), and a request with an Origin
// header must come from this server's own origin (else 403), so a page on
// another site cannot post to the API through the user's browser.
//
//   chorus::ServerOptions opt;  opt.port = 0;  // ephemeral
//   auto server = chorus::Server::Create(opt);
//   if (!server.ok()) return server.status();
//   RETURN_IF_ERROR((*server)->Bind());          // now (*server)->port() is known
//   std::thread t([&] { (void)(*server)->Run(); });
//   ...
//   (*server)->Stop();  t.join();                // in-flight requests finish
//
// Thread safety: Stop() and port() may be called from any thread (Stop is
// async-signal-unsafe: call it from a normal thread, e.g. one that sigwait()s).
// Run() is called once. Not copyable or movable (threads refer to it); own it
// by unique_ptr. Destroying a running server stops it first. The store is
// opened by Create and closed when the server is destroyed.
#ifndef CHORUS_SERVER_H_
#define CHORUS_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"

namespace chorus {

struct ServerOptions {
  // Interface to listen on. Default loopback only.
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free ephemeral port (see Server::port()). Default 8080.
  int port = 8080;
  // SQLite event store file; created if missing. Empty: an in-memory store
  // that lives as long as the server. Default "chorus.db".
  std::string store_path = "chorus.db";
  // Worker threads doing the requests' work. 0: hardware concurrency.
  uint32_t threads = 0;
  // Threads answering complete requests (they mostly wait on workers).
  // 0: 4 x workers + queue_limit, at least 16.
  uint32_t io_threads = 0;
  // Open connections; at the limit a new one closes the idlest. Default 1024
  // (at most the process's open-file limit less 64).
  uint32_t max_connections = 1024;
  // A request's head (request line and header fields) must arrive within
  // this of its first byte, else 408. Default 5000 ms.
  uint32_t header_timeout_ms = 5000;
  // Host names accepted besides localhost and IP addresses (a name the
  // server is reached by, e.g. behind a proxy); "*" accepts any. Default none.
  std::vector<std::string> allowed_hosts;
  // Requests that may wait for a worker; one more is answered 503. Default 64.
  uint32_t queue_limit = 64;
  // Largest request body accepted; a larger one is answered 413. Default 8 MiB.
  size_t max_body_bytes = size_t{8} << 20;
  // Most articles in one request; more is answered 413. Default 1000.
  uint32_t max_articles = 1000;
  // Longest a request may take (waiting plus working) before it is answered
  // 503 "deadline exceeded"; its work is then cancelled. Default 10000 ms.
  uint32_t max_request_ms = 10000;
  // Writes one JSON line per request (time, method, path, status, bytes,
  // latency_ms) to this sink; empty: no access log. Default: standard error.
  std::function<void(std::string_view line)> access_log = DefaultAccessLog;

  static void DefaultAccessLog(std::string_view line);
};

class Server {
 public:
  // Opens the store and builds the routes; does not touch the network yet.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options);

  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket (kUnavailable naming host:port if it cannot).
  Status Bind();
  // The bound port (after Bind), else the configured one.
  int port() const;
  // Serves until Stop(); binds first if Bind() was not called. Returns once
  // in-flight requests have finished and the workers have stopped.
  Status Run();
  // Stops accepting connections; Run() returns after in-flight requests end.
  // Idempotent.
  void Stop();

  const ServerOptions& options() const;

 private:
  struct State;
  explicit Server(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace chorus

#endif  // CHORUS_SERVER_H_
