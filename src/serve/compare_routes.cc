// POST /v1/compare: one cluster in the request body, compared by the
// library's Comparer and rendered as `chorus compare --format json` prints it.
#include <memory>
#include <utility>

#include "chorus/compare.h"
#include "serve/routes.h"

namespace chorus::serve {

Result<std::string> ComparisonJson(const AnalyzedCluster& cluster, const std::stop_token& stop) {
  static const Comparer comparer;  // const and reentrant: shared by all requests
  ASSIGN_OR_RETURN(Comparison comparison, comparer.Compare(cluster, stop));
  return ComparisonToJson(comparison) + "\n";
}

void AddCompareRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                     Router* router) {
  // `chorus compare` has no options beyond its output format yet.
  AddAnalyzedClusterRoute(ctx, std::move(engine), "/v1/compare", ComparisonJson, router);
}

}  // namespace chorus::serve
