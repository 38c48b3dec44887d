// POST /v1/summarize, POST /v1/sentences and the route of one analyzed cluster
// (AddAnalyzedClusterRoute, also POST /v1/compare's): one cluster in the request body.
//
// Everything runs on the work queue under the request's deadline: parsing
// the JSON and any web pages in it, the analysis and the summary, each
// stopping when the deadline passes.
#include <memory>
#include <utility>

#include "chorus/sentence_json.h"
#include "serve/api_request.h"
#include "serve/bounded_call.h"
#include "serve/cluster_engine.h"
#include "serve/routes.h"

namespace chorus::serve {

void AddSummarizeRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                       Router* router) {
  router->Add("POST", "/v1/summarize", [ctx, engine](const HttpRequest& req, const PathParams&) {
    auto body = std::make_shared<const std::string>(req.body);
    return RunBounded(
        *ctx.queue, RequestDeadline(ctx), [ctx, engine, body](const std::stop_token& stop) {
          Result<ArticlesRequest> parsed =
              ParseArticlesRequest(*body, ctx.options->max_articles, stop);
          if (!parsed.ok()) return ErrorResponse(parsed.status());
          Result<SummarizeRequestOptions> options = ParseSummarizeOptions(parsed->options);
          if (!options.ok()) return ErrorResponse(options.status());
          Result<const Summarizer*> summarizer = engine->Find(options->method);
          if (!summarizer.ok()) return ErrorResponse(summarizer.status());
          options->summary.stop = stop;
          Result<std::string> json = engine->SummaryJsonSince(parsed->cluster, options->since,
                                                              **summarizer, options->summary);
          if (!json.ok()) return ErrorResponse(json.status());
          return JsonResponse(200, std::move(*json));
        });
  });
}

void AddAnalyzedClusterRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                             const std::string& path, AnalyzedClusterRender render,
                             Router* router) {
  router->Add("POST", path, [ctx, engine, render](const HttpRequest& req, const PathParams&) {
    auto body = std::make_shared<const std::string>(req.body);
    return RunBounded(*ctx.queue, RequestDeadline(ctx),
                      [ctx, engine, render, body](const std::stop_token& stop) {
                        Result<ArticlesRequest> parsed =
                            ParseArticlesRequest(*body, ctx.options->max_articles, stop);
                        if (!parsed.ok()) return ErrorResponse(parsed.status());
                        if (Status s = CheckKnownOptions(parsed->options, {}); !s.ok())
                          return ErrorResponse(s);
                        Result<AnalyzedCluster> analyzed = engine->Analyze(parsed->cluster, stop);
                        if (!analyzed.ok()) return ErrorResponse(analyzed.status());
                        Result<std::string> json = render(*analyzed, stop);
                        if (!json.ok()) return ErrorResponse(json.status());
                        return JsonResponse(200, std::move(*json));
                      });
  });
}

void AddSentencesRoute(const RouteContext& ctx, std::shared_ptr<const ClusterEngine> engine,
                       Router* router) {
  AddAnalyzedClusterRoute(
      ctx, std::move(engine), "/v1/sentences",
      [](const AnalyzedCluster& cluster, const std::stop_token&) {
        // The lines `chorus sentences --format json` prints, as one list.
        std::string json = "{\"sentences\":[";
        for (const AnalyzedSentence& s : cluster.sentences) {
          if (json.back() != '[') json += ',';
          json += SentenceToJson(cluster, s);
        }
        return Result<std::string>(json + "]}\n");
      },
      router);
}

}  // namespace chorus::serve
