// The server's route groups, each registered on a Router by one function so
// that tests can build the same API without sockets.
#ifndef CHORUS_SERVE_ROUTES_H_
#define CHORUS_SERVE_ROUTES_H_

#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/server.h"
#include "serve/metrics.h"
#include "serve/router.h"
#include "serve/work_queue.h"

namespace chorus::serve {

// What the route groups share. Everything is owned by the server and outlives
// the routes.
struct RouteContext {
  const ServerOptions* options = nullptr;
  WorkQueue* queue = nullptr;
  MetricsRegistry* metrics = nullptr;
  std::chrono::steady_clock::time_point started;
  std::vector<std::string> methods;  // summarization methods, default first
};

// The deadline of a request read now.
WorkQueue::Clock::time_point RequestDeadline(const RouteContext& ctx);

// GET /healthz and GET /metrics.
void AddSystemRoutes(const RouteContext& ctx, Router* router);
// The web page: GET /, /app.js, /app.css (embedded at build time).
void AddWebRoutes(Router* router);

class ClusterEngine;
class EventService;
// POST /v1/summarize.
void AddSummarizeRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                       Router* router);
// A function of an analyzed cluster giving a response body (JSON);
// kCancelled once `stop` is requested.
using AnalyzedClusterRender =
    std::function<Result<std::string>(const AnalyzedCluster&, const std::stop_token& stop)>;
// POST `path`: the articles of one cluster (no options), analyzed under the
// request's deadline, answered with `render`'s body.
void AddAnalyzedClusterRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                             const std::string& path, AnalyzedClusterRender render, Router* router);
// POST /v1/sentences: the cluster's sentences after cleaning and splitting,
// {"sentences": [SentenceToJson...]} (chorus/sentence_json.h).
void AddSentencesRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                       Router* router);
// POST /v1/compare.
void AddCompareRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                     Router* router);
// `chorus compare --format json` of an analyzed cluster, + "\n"; kCancelled
// once `stop` is requested.
Result<std::string> ComparisonJson(const AnalyzedCluster& cluster, const std::stop_token& stop);
// POST /v1/articles, GET /v1/events, GET /v1/events/{id}.
void AddEventRoutes(const RouteContext& ctx, std::shared_ptr<EventService> events,
                    std::shared_ptr<const ClusterEngine> engine, Router* router);

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_ROUTES_H_
