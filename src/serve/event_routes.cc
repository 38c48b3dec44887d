// POST /v1/articles, GET /v1/events, GET /v1/events/{id}: the event store.
#include <charconv>
#include <map>
#include <optional>
#include <memory>
#include <utility>

#include "serve/api_request.h"
#include "serve/bounded_call.h"
#include "serve/cluster_engine.h"
#include "serve/event_service.h"
#include "serve/routes.h"

namespace chorus::serve {
namespace {

std::optional<int64_t> ParseEventId(std::string_view text) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}

// Summary options of GET /v1/events/{id} from its query (?words=80&method=lexrank).
Result<SummarizeRequestOptions> QueryOptions(const std::map<std::string, std::string>& query) {
  nlohmann::json options = nlohmann::json::object();
  for (const auto& [key, value] : query) {
    if (key == "words" || key == "bytes" || key == "sentences") {
      const std::optional<int64_t> n = ParseEventId(value);
      if (!n) return InvalidArgumentError(key + ": expected a positive integer");
      options[key] = *n;
    } else {
      options[key] = value;
    }
  }
  return ParseSummarizeOptions(options);
}

nlohmann::json ArticlesJson(const Cluster& cluster) {
  nlohmann::json list = nlohmann::json::array();
  for (const Document& d : cluster.documents) {
    list.push_back({{"id", d.id}, {"source", d.source}, {"date", d.date}, {"title", d.title},
                    {"url", d.url}, {"text", d.text}});
  }
  return list;
}

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

}  // namespace

void AddEventRoutes(const RouteContext& ctx, std::shared_ptr<EventService> events,
                    std::shared_ptr<const ClusterEngine> engine, Router* router) {
  router->Add("POST", "/v1/articles", [ctx, events](const HttpRequest& req, const PathParams&) {
    const auto deadline = RequestDeadline(ctx);
    Result<ArticlesRequest> parsed = ParseArticlesRequest(req.body, ctx.options->max_articles);
    if (!parsed.ok()) return ErrorResponse(parsed.status());
    if (Status s = CheckKnownOptions(parsed->options, {}); !s.ok()) return ErrorResponse(s);
    auto docs = std::make_shared<std::vector<Document>>(std::move(parsed->cluster.documents));
    return RunBounded(*ctx.queue, deadline, [events, docs] {
      Result<nlohmann::json> added = events->AddArticles(std::move(*docs));
      if (!added.ok()) return ErrorResponse(added.status());
      return JsonResponse(200, added->dump(-1, ' ', false, kReplace));
    });
  });
  router->Add("GET", "/v1/events", [ctx, events](const HttpRequest&, const PathParams&) {
    return RunBounded(*ctx.queue, RequestDeadline(ctx), [events] {
      Result<nlohmann::json> list = events->ListEvents();
      if (!list.ok()) return ErrorResponse(list.status());
      return JsonResponse(200, list->dump(-1, ' ', false, kReplace));
    });
  });
  router->Add("GET", "/v1/events/{id}", [ctx, events, engine](const HttpRequest& req,
                                                             const PathParams& params) {
    const std::optional<int64_t> id = ParseEventId(params.at("id"));
    if (!id) return ErrorResponse(404, "not_found", "no event " + params.at("id"));
    Result<SummarizeRequestOptions> options = QueryOptions(req.query);
    if (!options.ok()) return ErrorResponse(options.status());
    Result<const Summarizer*> summarizer = engine->Find(options->method);
    if (!summarizer.ok()) return ErrorResponse(summarizer.status());
    return RunBounded(*ctx.queue, RequestDeadline(ctx),
                      [events, engine, id = *id, summary = options->summary, s = *summarizer] {
      Result<std::pair<nlohmann::json, Cluster>> event = events->LoadEvent(id);
      if (!event.ok()) return ErrorResponse(event.status());
      const AnalyzedCluster analyzed = engine->Analyze(event->second);
      Result<std::string> summary_json = engine->SummaryJson(analyzed, *s, summary);
      if (!summary_json.ok()) return ErrorResponse(summary_json.status());
      // The summary and comparison are spliced in as the renderers wrote them.
      std::string body = "{\"event\":" + event->first.dump(-1, ' ', false, kReplace);
      body += ",\"articles\":" + ArticlesJson(event->second).dump(-1, ' ', false, kReplace);
      body += ",\"summary\":" + *summary_json;
      body += ",\"comparison\":" + ComparisonJson(analyzed) + "}\n";
      return JsonResponse(200, std::move(body));
    });
  });
}

}  // namespace chorus::serve
