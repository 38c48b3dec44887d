#include "serve_command.h"

#include <fmt/format.h>
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <memory>
#include <thread>

#include "chorus/server.h"

namespace chorus::cli {
namespace {

int RunServe(const ServerOptions& options) {
  // SIGTERM/SIGINT are taken by a thread that sigwait()s and stops the server
  // from normal code (not a signal handler). Blocked here, before any thread
  // starts, so every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = Server::Create(options);
  if (!server.ok()) {
    fmt::print(stderr, "chorus serve: {}\n", server.status().ToString());
    return kExitInputError;
  }
  if (Status s = (*server)->Bind(); !s.ok()) {
    fmt::print(stderr, "chorus serve: {}\n", s.ToString());
    return kExitInputError;
  }
  const ServerOptions& opt = (*server)->options();
  fmt::print(stderr, "chorus serve: listening on http://{}:{}/ ({} workers, store {})\n", opt.host,
             (*server)->port(), opt.threads, opt.store_path.empty() ? "in memory" : opt.store_path);
  std::atomic<bool> run_done{false};
  std::thread stopper([&server, &run_done, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (run_done) return;  // woken by us after Run returned
    fmt::print(stderr, "chorus serve: {} received, finishing in-flight requests\n",
               sig == SIGTERM ? "SIGTERM" : "SIGINT");
    (*server)->Stop();
  });
  const Status run = (*server)->Run();
  // Wake the stopper if Run ended without a signal.
  run_done = true;
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  server->reset();  // closes the store
  if (!run.ok()) {
    fmt::print(stderr, "chorus serve: {}\n", run.ToString());
    return kExitInputError;
  }
  fmt::print(stderr, "chorus serve: stopped\n");
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ServerOptions>();
  CLI::App* cmd =
      app.add_subcommand("serve", "Serve the JSON API (/v1) and the web page (/) over HTTP");
  cmd->add_option("--host", options->host, "Interface to listen on")->capture_default_str();
  cmd->add_option("--port", options->port, "TCP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--store", options->store_path,
                  "SQLite event store (created if missing; \"\" for in-memory)")
      ->capture_default_str();
  cmd->add_option("--threads", options->threads, "Worker threads (0: one per hardware thread)")
      ->capture_default_str();
  cmd->add_option("--queue-limit", options->queue_limit,
                  "Requests that may wait for a worker before new ones get 503")
      ->capture_default_str();
  cmd->add_option("--max-body-bytes", options->max_body_bytes,
                  "Largest request body accepted (larger: 413)")
      ->capture_default_str();
  cmd->add_option("--max-articles", options->max_articles,
                  "Most articles in one request (more: 413)")
      ->capture_default_str()
      ->check(AtLeastOne());
  cmd->add_option("--max-request-ms", options->max_request_ms,
                  "Longest a request may take before it is answered 503")
      ->capture_default_str()
      ->check(AtLeastOne());
  cmd->add_option("--max-connections", options->max_connections,
                  "Open connections; at the limit a new one closes the idlest")
      ->capture_default_str()
      ->check(AtLeastOne());
  cmd->add_option("--header-timeout-ms", options->header_timeout_ms,
                  "Time a client has to send a request's head (else 408)")
      ->capture_default_str()
      ->check(AtLeastOne());
  cmd->add_option("--allow-host", options->allowed_hosts,
                  "Also accept requests whose Host is this name (repeatable; '*' for any). "
                  "Without it only localhost and IP addresses are accepted, against DNS rebinding");
  auto quiet = std::make_shared<bool>(false);
  cmd->add_flag("--no-access-log", *quiet, "Do not write the JSON access log to stderr");
  cmd->callback([options, quiet, exit_code] {
    if (*quiet) options->access_log = nullptr;
    *exit_code = RunServe(*options);
  });
}

}  // namespace chorus::cli
