// ConnectionLoop: the server's HTTP/1.1 transport. One thread watches every
// connection (epoll) and reads each request whole, head and body, before any
// other thread sees it; a pool of handler threads answers complete requests;
// the loop writes the answers back.
//
// No thread waits on a client. A client that sends its head slowly (a byte
// every few seconds), never finishes its body, sends nothing, or does not
// read its response holds one connection slot and its bytes, never a thread,
// and only until its deadline:
//   - the head must arrive within header_timeout_ms of its first byte, the
//     whole request within read_timeout_ms (else 408 and the connection
//     closes);
//   - an idle keep-alive connection closes after idle_timeout_ms;
//   - a response must be taken within write_timeout_ms.
// Heads are limited in bytes and fields (431), bodies by max_body_bytes
// (413, before the body is read) and, all requests together, by
// max_buffered_bytes (503). At max_connections a new connection closes the
// idlest open one, so a flood of idle or slow connections cannot lock out a
// client that sends its request at once (/healthz stays answered).
//
// An answer the loop gives itself (bad head, too large, timeouts) closes
// the connection after it is written, reading and discarding what the client
// still sends for a moment so the client sees the answer, not a reset.
//
//   ConnectionLoop loop(options, callbacks);
//   RETURN_IF_ERROR(loop.Bind("127.0.0.1", 0));
//   std::thread t([&] { loop.Run(); });   // until Stop()
//   loop.Stop();  t.join();               // requests in flight are answered
//
// Thread safety: Bind and Run from one thread, Run once; Stop and port()
// from any thread. Callbacks run on pool threads (Handle) or the loop thread
// (Screen, Refused). Not copyable.
#ifndef CHORUS_SERVE_CONNECTION_LOOP_H_
#define CHORUS_SERVE_CONNECTION_LOOP_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "chorus/status.h"
#include "serve/http_wire.h"
#include "serve/router.h"

namespace chorus::serve {

struct TransportOptions {
  HeadLimits head;
  size_t max_body_bytes = size_t{8} << 20;
  // Bodies held at once, for requests being read or answered. Default 64 MiB.
  size_t max_buffered_bytes = size_t{64} << 20;
  // Open connections; more close the idlest. Default 1024 (and at most the
  // process's file limit less 64).
  uint32_t max_connections = 1024;
  uint32_t header_timeout_ms = 5000;
  uint32_t read_timeout_ms = 30000;
  uint32_t idle_timeout_ms = 5000;
  uint32_t write_timeout_ms = 10000;
  uint32_t max_requests_per_connection = 1000;
  // Threads answering complete requests. Default 16.
  uint32_t handler_threads = 16;
};

// A request read whole.
struct IncomingRequest {
  RequestHead head;
  std::string body;
  std::string remote;                           // "127.0.0.1:51234"
  std::chrono::steady_clock::time_point start;  // its first byte arrived
};

struct TransportCallbacks {
  // Looks at a head before its body is read; an answer here is sent at once
  // (and no "100 Continue"). May be empty.
  std::function<std::optional<HttpResponse>(const RequestHead& head)> screen;
  // Answers a complete request; runs on a handler thread.
  std::function<HttpResponse(const IncomingRequest& request)> handle;
  // Called (loop thread) for each answer the loop or `screen` gave, after it
  // is queued: for logs and metrics. `head` is null when none was read.
  std::function<void(const RequestHead* head, const std::string& remote,
                     const HttpResponse& response, double seconds)>
      refused;
};

class ConnectionLoop {
 public:
  ConnectionLoop(TransportOptions options, TransportCallbacks callbacks);
  ~ConnectionLoop();
  ConnectionLoop(const ConnectionLoop&) = delete;
  ConnectionLoop& operator=(const ConnectionLoop&) = delete;

  // Listens on host:port (port 0: any free port). kUnavailable when the
  // address is in use or not this machine's.
  Status Bind(const std::string& host, int port);
  int port() const { return port_.load(); }
  // Serves until Stop(), then answers what is in flight and returns.
  void Run();
  void Stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::atomic<int> port_{-1};
};

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_CONNECTION_LOOP_H_
