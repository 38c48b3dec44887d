// POST /v1/summarize: one cluster in the request body.
//
// The body is parsed and validated on the I/O thread (cheap, and a malformed
// request is answered without taking a worker); the analysis and summary run
// on the work queue.
#include <memory>
#include <utility>

#include "serve/api_request.h"
#include "serve/bounded_call.h"
#include "serve/cluster_engine.h"
#include "serve/routes.h"

namespace chorus::serve {

void AddSummarizeRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                      Router* router) {
  router->Add("POST", "/v1/summarize", [ctx, engine](const HttpRequest& req, const PathParams&) {
    const auto deadline = RequestDeadline(ctx);
    Result<ArticlesRequest> parsed = ParseArticlesRequest(req.body, ctx.options->max_articles);
    if (!parsed.ok()) return ErrorResponse(parsed.status());
    Result<SummarizeRequestOptions> options = ParseSummarizeOptions(parsed->options);
    if (!options.ok()) return ErrorResponse(options.status());
    Result<const Summarizer*> summarizer = engine->Find(options->method);
    if (!summarizer.ok()) return ErrorResponse(summarizer.status());
    auto cluster = std::make_shared<Cluster>(std::move(parsed->cluster));
    return RunBounded(*ctx.queue, deadline,
                      [engine, cluster, summary = options->summary, s = *summarizer] {
                        const AnalyzedCluster analyzed = engine->Analyze(*cluster);
                        Result<std::string> json = engine->SummaryJson(analyzed, *s, summary);
                        if (!json.ok()) return ErrorResponse(json.status());
                        return JsonResponse(200, std::move(*json));
                      });
  });
}

}  // namespace chorus::serve
