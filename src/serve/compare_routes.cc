// POST /v1/compare: one cluster in the request body, compared by the
// library's Comparer and rendered as `chorus compare --format json` prints it.
#include <memory>
#include <utility>

#include "chorus/compare.h"
#include "serve/api_request.h"
#include "serve/bounded_call.h"
#include "serve/cluster_engine.h"
#include "serve/routes.h"

namespace chorus::serve {

std::string ComparisonJson(const AnalyzedCluster& cluster) {
  static const Comparer comparer;  // const and reentrant: shared by all requests
  return ComparisonToJson(comparer.Compare(cluster)) + "\n";
}

void AddCompareRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                     Router* router) {
  router->Add("POST", "/v1/compare", [ctx, engine](const HttpRequest& req, const PathParams&) {
    const auto deadline = RequestDeadline(ctx);
    Result<ArticlesRequest> parsed = ParseArticlesRequest(req.body, ctx.options->max_articles);
    if (!parsed.ok()) return ErrorResponse(parsed.status());
    // `chorus compare` has no options beyond its output format yet.
    if (Status s = CheckKnownOptions(parsed->options, {}); !s.ok()) return ErrorResponse(s);
    auto cluster = std::make_shared<Cluster>(std::move(parsed->cluster));
    return RunBounded(*ctx.queue, deadline, [engine, cluster] {
      return JsonResponse(200, ComparisonJson(engine->Analyze(*cluster)));
    });
  });
}

}  // namespace chorus::serve
