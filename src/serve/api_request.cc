#include "serve/api_request.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <utility>

#include "base/dates.h"
#include "ingest/article_json.h"

namespace chorus::serve {

using nlohmann::json;

Result<ArticlesRequest> ParseArticlesRequest(std::string_view body, uint32_t max_articles,
                                             const std::stop_token& stop) {
  // simdjson, as JSON Lines input is read: the articles go to the same reader.
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto e = parser.parse(body.data(), body.size()).get(root)) {
    return ParseError(
        fmt::format("request body is not valid JSON: {}", simdjson::error_message(e)));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return InvalidArgumentError("request body: expected a JSON object");
  }
  simdjson::dom::element articles;
  if (object.at_key("articles").get(articles) != simdjson::SUCCESS) {
    return InvalidArgumentError("articles: missing");
  }
  simdjson::dom::array list;
  if (articles.get_array().get(list) != simdjson::SUCCESS) {
    return InvalidArgumentError("articles: expected an array");
  }
  if (list.size() == 0) return InvalidArgumentError("articles: expected at least one article");
  if (list.size() > max_articles) {
    return ResourceExhaustedError(
        fmt::format("articles: {} articles, at most {} per request", list.size(), max_articles));
  }
  ArticlesRequest req;
  req.cluster.id = "request";
  simdjson::dom::element value;
  if (object.at_key("id").get(value) == simdjson::SUCCESS && !value.is_null()) {
    std::string_view id;
    if (value.get_string().get(id) != simdjson::SUCCESS) {
      return InvalidArgumentError("id: expected a string");
    }
    req.cluster.id = std::string(id);
  }
  ASSIGN_OR_RETURN(req.cluster.documents, ingest::ReadArticleListJson(articles, "articles", stop));
  req.options = json::object();
  if (object.at_key("options").get(value) == simdjson::SUCCESS && !value.is_null()) {
    if (!value.is_object()) return InvalidArgumentError("options: expected an object");
    // Options are few and small: handed on as nlohmann JSON, which the
    // option readers take.
    try {
      req.options = json::parse(simdjson::minify(value));
    } catch (const json::exception& e) {
      return ParseError(fmt::format("options: not valid JSON: {}", e.what()));
    }
  }
  return req;
}

Status CheckKnownOptions(const nlohmann::json& options,
                         std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : options.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string names;
    for (std::string_view k : known) names += (names.empty() ? "" : ", ") + std::string(k);
    return InvalidArgumentError(fmt::format("options.{}: unknown option; known: {}", key, names));
  }
  return Status::Ok();
}

Result<SummarizeRequestOptions> ParseSummarizeOptions(const nlohmann::json& options) {
  RETURN_IF_ERROR(CheckKnownOptions(
      options, {"words", "bytes", "sentences", "method", "query", "neutral", "since"}));
  SummarizeRequestOptions out;
  int budgets = 0;
  for (const auto& [key, unit] :
       {std::pair{"words", BudgetUnit::kWords}, std::pair{"bytes", BudgetUnit::kBytes},
        std::pair{"sentences", BudgetUnit::kSentences}}) {
    const auto it = options.find(key);
    if (it == options.end()) continue;
    if (!it->is_number_integer() || it->get<int64_t>() <= 0 || it->get<int64_t>() > 1000000) {
      return InvalidArgumentError(
          fmt::format("options.{}: expected a positive integer (at most 1000000)", key));
    }
    out.summary.budget = {unit, static_cast<uint32_t>(it->get<int64_t>())};
    ++budgets;
  }
  if (budgets > 1) {
    return InvalidArgumentError("options: give only one of words, bytes, sentences");
  }
  for (const auto& [key, field] :
       {std::pair{"method", &out.method}, std::pair{"query", &out.summary.query},
        std::pair{"since", &out.since}}) {
    const auto it = options.find(key);
    if (it == options.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return InvalidArgumentError(fmt::format("options.{}: expected a string", key));
    }
    *field = it->get<std::string>();
  }
  if (const auto it = options.find("neutral"); it != options.end() && !it->is_null()) {
    if (!it->is_boolean()) return InvalidArgumentError("options.neutral: expected true or false");
    out.summary.neutral = it->get<bool>();
  }
  if (!out.since.empty() && !IsIsoDate(out.since)) {
    return InvalidArgumentError(
        fmt::format("options.since: expected a date as YYYY-MM-DD, got \"{}\"", out.since));
  }
  return out;
}

}  // namespace chorus::serve
