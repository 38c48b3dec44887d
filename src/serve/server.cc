// Server: cpp-httplib transport around the socket-independent Router.
#include "chorus/server.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "base/mutex.h"
#include "serve/cluster_engine.h"
#include "serve/connection_loop.h"
#include "serve/event_service.h"
#include "serve/http_wire.h"
#include "serve/metrics.h"
#include "serve/request_policy.h"
#include "serve/router.h"
#include "serve/routes.h"
#include "serve/work_queue.h"

namespace chorus {
namespace {

using Clock = std::chrono::steady_clock;

std::string UtcTimestamp() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
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

// The method as a metrics label: a client inventing methods must not add
// series.
std::string_view MethodLabel(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "other";
}

struct Server::State {
  ServerOptions options;
  serve::MetricsRegistry metrics;
  std::shared_ptr<const serve::ClusterEngine> engine;
  std::shared_ptr<serve::EventService> events;  // the store: closed when State goes
  std::unique_ptr<serve::WorkQueue> queue;
  serve::Router router;
  std::unique_ptr<serve::ConnectionLoop> loop;
  std::atomic<bool> bound{false};
  Mutex run_mu;  // serializes Run with itself

  serve::HttpResponse Handle(const serve::IncomingRequest& in);
  void Record(std::string_view route, std::string_view method, std::string_view path,
              const std::string& remote, const serve::HttpResponse& res, double seconds);
};

serve::HttpResponse Server::State::Handle(const serve::IncomingRequest& in) {
  serve::HttpRequest request;
  request.method = in.head.method;
  serve::HttpResponse out;
  if (!serve::SplitTarget(in.head.target, &request.path, &request.query)) {
    out = serve::ErrorResponse(400, "bad_request", "the request target is not a path");
    out.route = "transport";
  } else {
    request.body = in.body;
    out = router.Handle(request);
  }
  // Counted before the response is written, so a client that reads /metrics
  // right after a response sees that response counted.
  Record(out.route, in.head.method, request.path, in.remote, out,
         std::chrono::duration<double>(Clock::now() - in.start).count());
  return out;
}

void Server::State::Record(std::string_view route, std::string_view method, std::string_view path,
                           const std::string& remote, const serve::HttpResponse& res,
                           double seconds) {
  metrics.RecordRequest(std::string(route), std::string(MethodLabel(method)), res.status, seconds);
  if (!options.access_log) return;
  nlohmann::json line = {
      {"time", UtcTimestamp()}, {"method", method},         {"path", path},
      {"status", res.status},   {"bytes", res.body.size()}, {"latency_ms", seconds * 1000.0},
      {"remote", remote}};
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
  // Handler threads wait on workers for at most threads + queue_limit
  // requests; the rest answer /healthz, /metrics and refusals at once.
  if (opt.io_threads == 0) opt.io_threads = std::max(16u, 4 * opt.threads + opt.queue_limit);
  if (opt.max_connections == 0) return InvalidArgumentError("max connections: must be > 0");
  if (opt.header_timeout_ms == 0) return InvalidArgumentError("header timeout: must be > 0");
  ASSIGN_OR_RETURN(state->engine, serve::ClusterEngine::Create());
  // An event is summarized and compared within the bounds of one request.
  ASSIGN_OR_RETURN(state->events, serve::EventService::Open(
                                      opt.store_path, {.max_articles = opt.max_articles,
                                                       .max_text_bytes = opt.max_body_bytes}));
  // Workers compute at a lower priority than the threads that read
  // connections and answer /healthz, so a busy server still answers at once.
  state->queue = std::make_unique<serve::WorkQueue>(opt.threads, opt.queue_limit, /*nice=*/10);

  serve::RouteContext ctx;
  ctx.options = &state->options;
  ctx.queue = state->queue.get();
  ctx.metrics = &state->metrics;
  ctx.started = Clock::now();
  ctx.methods = state->engine->methods();
  serve::AddSystemRoutes(ctx, &state->router);
  serve::AddWebRoutes(&state->router);
  serve::AddSummarizeRoute(ctx, state->engine, &state->router);
  serve::AddSentencesRoute(ctx, state->engine, &state->router);
  serve::AddCompareRoute(ctx, state->engine, &state->router);
  serve::AddEventRoutes(ctx, state->events, state->engine, &state->router);
  state->metrics.AddGauge("chorus_store_articles", "Articles in the event store.",
                          [e = state->events.get()] { return double(e->article_count()); });
  state->metrics.AddGauge("chorus_store_events", "Events in the event store.",
                          [e = state->events.get()] { return double(e->event_count()); });
  if (!opt.store_path.empty()) {
    // The database and its write-ahead log: what the store takes on disk.
    state->metrics.AddGauge("chorus_store_file_bytes",
                            "Bytes on disk of the event store (database + WAL).",
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
  serve::TransportOptions transport;
  transport.max_body_bytes = opt.max_body_bytes;
  transport.max_buffered_bytes = std::max(transport.max_buffered_bytes, 4 * opt.max_body_bytes);
  transport.max_connections = opt.max_connections;
  transport.header_timeout_ms = opt.header_timeout_ms;
  transport.handler_threads = opt.io_threads;
  serve::TransportCallbacks callbacks;
  callbacks.screen = [s](const serve::RequestHead& head) {
    return serve::ScreenRequest(head, s->options.allowed_hosts);
  };
  callbacks.handle = [s](const serve::IncomingRequest& in) { return s->Handle(in); };
  callbacks.refused = [s](const serve::RequestHead* head, const std::string& remote,
                          const serve::HttpResponse& res, double seconds) {
    // Answered from the head alone, or with no request read at all.
    std::string path;
    std::map<std::string, std::string> query;
    if (head != nullptr) serve::SplitTarget(head->target, &path, &query);
    s->Record("transport", head != nullptr ? head->method : "", path, remote, res, seconds);
  };
  state->loop = std::make_unique<serve::ConnectionLoop>(std::move(transport), std::move(callbacks));
  return std::unique_ptr<Server>(new Server(std::move(state)));
}

Server::Server(std::unique_ptr<State> state) : state_(std::move(state)) {}

Server::~Server() {
  Stop();
  MutexLock lock(&state_->run_mu);  // waits for Run to return
  state_->queue->Shutdown();
}

const ServerOptions& Server::options() const { return state_->options; }

int Server::port() const {
  const int p = state_->loop->port();
  return p >= 0 ? p : state_->options.port;
}

Status Server::Bind() {
  const ServerOptions& opt = state_->options;
  RETURN_IF_ERROR(state_->loop->Bind(opt.host, opt.port));
  state_->bound = true;
  return Status::Ok();
}

Status Server::Run() {
  MutexLock lock(&state_->run_mu);
  RETURN_IF_ERROR(Bind());
  state_->loop->Run();
  // Every request read has been answered: nothing is in flight.
  state_->queue->Shutdown();
  return Status::Ok();
}

void Server::Stop() { state_->loop->Stop(); }

}  // namespace chorus
