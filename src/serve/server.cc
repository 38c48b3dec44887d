// Server: cpp-httplib transport around the socket-independent Router.
#include "chorus/server.h"

#include <fmt/format.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "serve/cluster_engine.h"
#include "serve/event_service.h"
#include "serve/metrics.h"
#include "serve/router.h"
#include "serve/routes.h"
#include "serve/work_queue.h"

namespace chorus {
namespace {

using Clock = std::chrono::steady_clock;

// What the handler learned about the request it is answering, for the access
// log and metrics written after the response (httplib calls the logger on the
// same thread, right after writing).
struct RequestContext {
  const httplib::Request* request = nullptr;
  Clock::time_point start;
  std::string route;
};
thread_local RequestContext tls_request;

std::string UtcTimestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

uint32_t ResolveThreads(uint32_t threads) {
  if (threads > 0) return threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

void ServerOptions::DefaultAccessLog(std::string_view line) {
  // One write per line so lines from concurrent requests never interleave.
  std::string out(line);
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stderr);
}

struct Server::State {
  ServerOptions options;
  serve::MetricsRegistry metrics;
  std::shared_ptr<const serve::ClusterEngine> engine;
  std::shared_ptr<serve::EventService> events;  // the store: closed when State goes
  std::unique_ptr<serve::WorkQueue> queue;
  serve::Router router;
  httplib::Server http;
  std::atomic<int> bound_port{-1};
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> in_run{false};
  std::mutex run_mu;  // serializes Run with itself

  void Serve(const httplib::Request& req, httplib::Response& res);
  void Log(const httplib::Request& req, const httplib::Response& res);
};

void Server::State::Serve(const httplib::Request& req, httplib::Response& res) {
  tls_request = {&req, Clock::now(), "unmatched"};
  serve::HttpRequest request;
  request.method = req.method;
  request.path = req.path;
  for (const auto& [k, v] : req.params) request.query.emplace(k, v);
  request.body = req.body;
  serve::HttpResponse out = router.Handle(request);
  tls_request.route = out.route;
  // Counted before the response is written, so a client that reads /metrics
  // right after a response sees that response counted.
  metrics.RecordRequest(out.route, req.method, out.status,
                        std::chrono::duration<double>(Clock::now() - tls_request.start).count());
  res.status = out.status;
  for (const auto& [k, v] : out.headers) res.set_header(k, v);
  res.set_content(std::move(out.body), out.content_type);
}

void Server::State::Log(const httplib::Request& req, const httplib::Response& res) {
  // Requests httplib refused before routing (413, malformed request lines)
  // have no context of ours: their latency is not measured.
  const bool routed = tls_request.request == &req;
  const double seconds =
      routed ? std::chrono::duration<double>(Clock::now() - tls_request.start).count() : 0.0;
  const std::string route = routed ? tls_request.route : "transport";
  tls_request = {};
  if (!routed) metrics.RecordRequest(route, req.method, res.status, seconds);
  if (!options.access_log) return;
  nlohmann::json line = {{"time", UtcTimestamp()},     {"method", req.method},
                         {"path", req.path},           {"status", res.status},
                         {"bytes", res.body.size()},   {"latency_ms", seconds * 1000.0},
                         {"remote", req.remote_addr}};
  options.access_log(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options) {
  if (options.port < 0 || options.port > 65535) {
    return InvalidArgumentError(fmt::format("port: {} is not in 0..65535", options.port));
  }
  if (options.max_body_bytes == 0) return InvalidArgumentError("max body bytes: must be > 0");
  if (options.max_articles == 0) return InvalidArgumentError("max articles: must be > 0");
  if (options.max_request_ms == 0) return InvalidArgumentError("max request ms: must be > 0");
  auto state = std::make_unique<State>();
  state->options = std::move(options);
  ServerOptions& opt = state->options;
  opt.threads = ResolveThreads(opt.threads);
  if (opt.io_threads == 0) opt.io_threads = std::max(16u, 4 * opt.threads + opt.queue_limit);
  ASSIGN_OR_RETURN(state->engine, serve::ClusterEngine::Create());
  ASSIGN_OR_RETURN(state->events, serve::EventService::Open(opt.store_path));
  state->queue = std::make_unique<serve::WorkQueue>(opt.threads, opt.queue_limit);

  serve::RouteContext ctx;
  ctx.options = &state->options;
  ctx.queue = state->queue.get();
  ctx.metrics = &state->metrics;
  ctx.started = Clock::now();
  ctx.methods = state->engine->methods();
  serve::AddSystemRoutes(ctx, &state->router);
  serve::AddWebRoutes(&state->router);
  serve::AddSummarizeRoute(ctx, state->engine, &state->router);
  serve::AddCompareRoute(ctx, state->engine, &state->router);
  serve::AddEventRoutes(ctx, state->events, state->engine, &state->router);
  state->metrics.AddGauge("chorus_store_articles", "Articles in the event store.",
                          [e = state->events.get()] { return double(e->article_count()); });
  state->metrics.AddGauge("chorus_store_events", "Events in the event store.",
                          [e = state->events.get()] { return double(e->event_count()); });
  if (!opt.store_path.empty()) {
    // The database and its write-ahead log: what the store takes on disk.
    state->metrics.AddGauge(
        "chorus_store_file_bytes", "Bytes on disk of the event store (database + WAL).",
        [path = opt.store_path] {
          uintmax_t bytes = 0;
          for (const std::string& file : {path, path + "-wal"}) {
            std::error_code ec;
            const uintmax_t size = std::filesystem::file_size(file, ec);
            if (!ec) bytes += size;
          }
          return double(bytes);
        });
  }
  state->metrics.AddGauge("chorus_work_queue_waiting", "Requests waiting for a worker.",
                          [q = state->queue.get()] { return double(q->Waiting()); });
  state->metrics.AddGauge("chorus_work_queue_running", "Requests being worked on.",
                          [q = state->queue.get()] { return double(q->Running()); });

  State* s = state.get();
  httplib::Server& http = s->http;
  const uint32_t io_threads = opt.io_threads;
  http.new_task_queue = [io_threads] { return new httplib::ThreadPool(io_threads); };
  http.set_payload_max_length(opt.max_body_bytes);
  // httplib's default adds SO_REUSEPORT, which lets a second server bind a
  // port already in use: keep only SO_REUSEADDR so that fails loudly.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  // httplib writes a response's headers and body in separate sends; with
  // Nagle on, the body waits for the client's delayed ACK (~40 ms on Linux),
  // which capped a keep-alive connection at ~25 requests/s whatever the CPU.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(2);
  http.set_read_timeout(10);
  http.set_write_timeout(10);
  const auto handler = [s](const httplib::Request& req, httplib::Response& res) {
    s->Serve(req, res);
  };
  // Every method and path goes through the Router, which answers 404 and 405.
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Patch(".*", handler);
  http.Delete(".*", handler);
  http.Options(".*", handler);
  // Errors httplib answers itself (413, malformed requests) get our JSON body.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const std::string message =
        res.status == 413 ? "request body is larger than the server accepts"
                          : fmt::format("the server could not read the request (HTTP {})",
                                        res.status);
    serve::HttpResponse e = serve::ErrorResponse(
        res.status, serve::ErrorCodeForHttpStatus(res.status), message);
    res.set_content(e.body, e.content_type);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_logger([s](const httplib::Request& req, const httplib::Response& res) { s->Log(req, res); });
  return std::unique_ptr<Server>(new Server(std::move(state)));
}

Server::Server(std::unique_ptr<State> state) : state_(std::move(state)) {}

Server::~Server() {
  Stop();
  std::lock_guard<std::mutex> lock(state_->run_mu);  // waits for Run to return
  state_->queue->Shutdown();
}

const ServerOptions& Server::options() const { return state_->options; }

int Server::port() const {
  const int p = state_->bound_port.load();
  return p >= 0 ? p : state_->options.port;
}

Status Server::Bind() {
  if (state_->bound_port.load() >= 0) return Status::Ok();
  const ServerOptions& opt = state_->options;
  int port = opt.port;
  if (port == 0) {
    port = state_->http.bind_to_any_port(opt.host.c_str());
    if (port < 0) port = 0;
  } else if (!state_->http.bind_to_port(opt.host.c_str(), port)) {
    port = 0;
  }
  if (port <= 0) {
    return UnavailableError(fmt::format("cannot listen on {}:{} (in use, or not an address of "
                                        "this machine)", opt.host, opt.port));
  }
  state_->bound_port = port;
  return Status::Ok();
}

Status Server::Run() {
  std::lock_guard<std::mutex> lock(state_->run_mu);
  RETURN_IF_ERROR(Bind());
  state_->in_run = true;
  if (!state_->stop_requested) state_->http.listen_after_bind();
  state_->in_run = false;
  // httplib has joined its connection threads: no request is in flight.
  state_->queue->Shutdown();
  return Status::Ok();
}

void Server::Stop() {
  state_->stop_requested = true;
  // httplib ignores stop() until its accept loop runs: wait for it to start
  // if Run is on its way in.
  for (int i = 0; i < 2000 && state_->in_run && !state_->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  state_->http.stop();
}

}  // namespace chorus
