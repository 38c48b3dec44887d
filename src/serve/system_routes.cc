// GET /healthz and GET /metrics.
#include <nlohmann/json.hpp>

#include "serve/routes.h"

namespace chorus::serve {

WorkQueue::Clock::time_point RequestDeadline(const RouteContext& ctx) {
  return WorkQueue::Clock::now() + std::chrono::milliseconds(ctx.options->max_request_ms);
}

void AddSystemRoutes(const RouteContext& ctx, Router* router) {
  // Health is answered on the I/O thread, not queued: a busy server is
  // still alive, and says how busy it is.
  router->Add("GET", "/healthz", [ctx](const HttpRequest&, const PathParams&) {
    const double uptime =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - ctx.started).count();
    nlohmann::json j = {{"status", "ok"},
                        {"version", "0.1.0"},
                        {"uptime_s", uptime},
                        {"workers", ctx.queue->threads()},
                        {"queued", ctx.queue->Waiting()},
                        {"running", ctx.queue->Running()},
                        {"methods", ctx.methods}};
    return JsonResponse(200, j.dump());
  });
  router->Add("GET", "/metrics", [ctx](const HttpRequest&, const PathParams&) {
    HttpResponse r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = ctx.metrics->Render();
    return r;
  });
}

}  // namespace chorus::serve
