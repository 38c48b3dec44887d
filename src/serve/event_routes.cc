// POST /v1/articles, GET /v1/events, GET /v1/events/{id}: the event store.
#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "chorus/event_json.h"
#include "fmt/format.h"
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

// Summary options of GET /v1/events/{id} from its query (?words=80&method=lexrank;
// ?since=2024-03-02 for what is new since a date, "What's new" on the web page).
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

// The page of GET /v1/events from its query (?after=40&limit=20): a page of
// kDefaultEventPage events unless asked otherwise, never more than
// kMaxEventPage, so a large store is read a page at a time.
constexpr uint32_t kDefaultEventPage = 100;
constexpr uint32_t kMaxEventPage = 1000;

Result<EventPage> PageOf(const std::map<std::string, std::string>& query) {
  EventPage page;
  page.limit = kDefaultEventPage;
  for (const auto& [key, value] : query) {
    const std::optional<int64_t> n = ParseEventId(value);
    if (key == "after") {
      if (!n || *n < 0) return InvalidArgumentError("after: expected an event id (0 or more)");
      page.after = *n;
    } else if (key == "limit") {
      if (!n || *n < 1 || *n > kMaxEventPage) {
        return InvalidArgumentError(fmt::format("limit: expected 1 to {}", kMaxEventPage));
      }
      page.limit = static_cast<uint32_t>(*n);
    } else {
      return InvalidArgumentError(key + ": unknown parameter; known: after, limit");
    }
  }
  return page;
}

nlohmann::json ArticlesJson(const Cluster& cluster) {
  nlohmann::json list = nlohmann::json::array();
  for (const Document& d : cluster.documents) {
    list.push_back({{"id", d.id},
                    {"source", d.source},
                    {"date", d.date},
                    {"title", d.title},
                    {"url", d.url},
                    {"text", d.text}});
  }
  return list;
}

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;

// The bodies below are composed from the library's renderers as they wrote
// them (never parsed back), so each part is the bytes the CLI prints.

// {"articles": [assignment...], "skipped": [ids already stored]}.
std::string AddedBody(const AddedArticles& added) {
  std::string body = "{\"articles\":[";
  for (const StreamAssignment& a : added.assignments) {
    if (body.back() != '[') body += ',';
    body += AssignmentToJson(a);
  }
  body += "],\"skipped\":" + nlohmann::json(added.skipped).dump(-1, ' ', false, kReplace);
  return body + "}\n";
}

// {"events": <`chorus events --format json` of the page>, "next_after": id|null}.
std::string EventPageBody(const EventListPage& page) {
  std::string body = "{\"events\":" + EventsToJson(page.events, 2);
  body += ",\"next_after\":";
  body += page.next_after ? std::to_string(*page.next_after) : "null";
  return body + "}\n";
}

}  // namespace

void AddEventRoutes(const RouteContext& ctx, std::shared_ptr<EventService> events,
                    std::shared_ptr<const ClusterEngine> engine, Router* router) {
  router->Add("POST", "/v1/articles", [ctx, events](const HttpRequest& req, const PathParams&) {
    auto body = std::make_shared<const std::string>(req.body);
    return RunBounded(
        *ctx.queue, RequestDeadline(ctx), [ctx, events, body](const std::stop_token& stop) {
          Result<ArticlesRequest> parsed =
              ParseArticlesRequest(*body, ctx.options->max_articles, stop);
          if (!parsed.ok()) return ErrorResponse(parsed.status());
          if (Status s = CheckKnownOptions(parsed->options, {}); !s.ok()) return ErrorResponse(s);
          // Not stopped past this point: a batch is stored whole or not at all.
          Result<AddedArticles> added = events->AddArticles(std::move(parsed->cluster.documents));
          if (!added.ok()) return ErrorResponse(added.status());
          return JsonResponse(200, AddedBody(*added));
        });
  });
  router->Add("GET", "/v1/events", [ctx, events](const HttpRequest& req, const PathParams&) {
    Result<EventPage> page = PageOf(req.query);
    if (!page.ok()) return ErrorResponse(page.status());
    return RunBounded(*ctx.queue, RequestDeadline(ctx),
                      [events, page = *page](const std::stop_token&) {
                        Result<EventListPage> list = events->ListEvents(page);
                        if (!list.ok()) return ErrorResponse(list.status());
                        return JsonResponse(200, EventPageBody(*list));
                      });
  });
  router->Add(
      "GET", "/v1/events/{id}",
      [ctx, events, engine](const HttpRequest& req, const PathParams& params) {
        const std::optional<int64_t> id = ParseEventId(params.at("id"));
        if (!id) return ErrorResponse(404, "not_found", "no event " + params.at("id"));
        Result<SummarizeRequestOptions> options = QueryOptions(req.query);
        if (!options.ok()) return ErrorResponse(options.status());
        Result<const Summarizer*> summarizer = engine->Find(options->method);
        if (!summarizer.ok()) return ErrorResponse(summarizer.status());
        return RunBounded(
            *ctx.queue, RequestDeadline(ctx),
            [events, engine, id = *id, summary = options->summary, since = options->since,
             s = *summarizer](const std::stop_token& stop) mutable {
              Result<std::pair<EventInfo, Cluster>> event = events->LoadEvent(id);
              if (!event.ok()) return ErrorResponse(event.status());
              Result<AnalyzedCluster> analyzed_or = engine->Analyze(event->second, stop);
              if (!analyzed_or.ok()) return ErrorResponse(analyzed_or.status());
              const AnalyzedCluster& analyzed = *analyzed_or;
              summary.stop = stop;
              Result<std::string> summary_json =
                  since.empty() ? engine->SummaryJson(analyzed, *s, summary)
                                : engine->SummaryJsonSince(event->second, since, *s, summary);
              if (!summary_json.ok()) return ErrorResponse(summary_json.status());
              Result<std::string> comparison_json = ComparisonJson(analyzed, stop);
              if (!comparison_json.ok()) return ErrorResponse(comparison_json.status());
              // The summary and comparison are spliced in as the renderers wrote them.
              std::string body = "{\"event\":" + EventToJson(event->first);
              body += ",\"articles\":" + ArticlesJson(event->second).dump(-1, ' ', false, kReplace);
              // An event larger than one request's bounds is read from a sample of
              // its articles spread over its dates: how many were left out.
              const int64_t members = int64_t{event->first.articles} - event->first.duplicates;
              const auto shown = static_cast<int64_t>(event->second.documents.size());
              body +=
                  fmt::format(",\"articles_omitted\":{}", std::max<int64_t>(0, members - shown));
              body += ",\"summary\":" + *summary_json;
              body += ",\"comparison\":" + *comparison_json + "}\n";
              return JsonResponse(200, std::move(body));
            });
      });
}

}  // namespace chorus::serve
