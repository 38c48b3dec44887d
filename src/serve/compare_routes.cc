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

Result<std::string> ComparisonJson(const AnalyzedCluster& cluster, const std::stop_token& stop) {
  static const Comparer comparer;  // const and reentrant: shared by all requests
  ASSIGN_OR_RETURN(Comparison comparison, comparer.Compare(cluster, stop));
  return ComparisonToJson(comparison) + "\n";
}

void AddCompareRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                     Router* router) {
  router->Add("POST", "/v1/compare", [ctx, engine](const HttpRequest& req, const PathParams&) {
    auto body = std::make_shared<const std::string>(req.body);
    return RunBounded(*ctx.queue, RequestDeadline(ctx),
                      [ctx, engine, body](const std::stop_token& stop) {
      Result<ArticlesRequest> parsed =
          ParseArticlesRequest(*body, ctx.options->max_articles, stop);
      if (!parsed.ok()) return ErrorResponse(parsed.status());
      // `chorus compare` has no options beyond its output format yet.
      if (Status s = CheckKnownOptions(parsed->options, {}); !s.ok()) return ErrorResponse(s);
      Result<AnalyzedCluster> analyzed = engine->Analyze(parsed->cluster, stop);
      if (!analyzed.ok()) return ErrorResponse(analyzed.status());
      Result<std::string> json = ComparisonJson(*analyzed, stop);
      if (!json.ok()) return ErrorResponse(json.status());
      return JsonResponse(200, std::move(*json));
    });
  });
}

}  // namespace chorus::serve
