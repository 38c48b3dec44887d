#include "serve/api_request.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "base/dates.h"
#include "base/strings.h"
#include "chorus/ingest.h"

namespace chorus::serve {
namespace {

using nlohmann::json;

// Reads optional string field `key` of `obj` into `out`.
Status OptionalString(const json& obj, std::string_view key, const std::string& where,
                      std::string* out) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return InvalidArgumentError(fmt::format("{}.{}: expected a string", where, key));
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

Result<Document> ParseArticle(const json& a, const std::string& where) {
  if (!a.is_object()) return InvalidArgumentError(where + ": expected an object");
  Document d;
  const auto id = a.find("id");
  if (id == a.end()) return InvalidArgumentError(where + ".id: missing");
  if (id->is_string()) {
    d.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    d.id = id->dump();
  } else {
    return InvalidArgumentError(where + ".id: expected a string");
  }
  if (d.id.empty()) return InvalidArgumentError(where + ".id: must not be empty");
  const auto text = a.find("text");
  const auto html = a.find("html");
  const auto file = a.find("file");
  if (text == a.end() && (html != a.end() || file != a.end())) {
    // A web page ("html") or a text file's whole content ("file"): read as
    // ingest reads .html files and text files (date and title lines).
    const bool is_html = html != a.end();
    const std::string field = is_html ? "html" : "file";
    const json& raw = is_html ? *html : *file;
    if (!raw.is_string()) return InvalidArgumentError(where + "." + field + ": expected a string");
    Document page = ParseArticleText(raw.get_ref<const std::string&>(), d.id, is_html);
    d.text = std::move(page.text);
    d.title = std::move(page.title);
    d.date = std::move(page.date);
    d.source = std::move(page.source);
    d.url = std::move(page.url);
    if (IsBlank(d.text)) return InvalidArgumentError(where + "." + field + ": no text found");
  } else {
    if (text == a.end()) return InvalidArgumentError(where + ".text: missing");
    if (!text->is_string()) return InvalidArgumentError(where + ".text: expected a string");
    d.text = text->get<std::string>();
    if (IsBlank(d.text)) return InvalidArgumentError(where + ".text: must not be empty");
  }
  RETURN_IF_ERROR(OptionalString(a, "title", where, &d.title));
  RETURN_IF_ERROR(OptionalString(a, "source", where, &d.source));
  RETURN_IF_ERROR(OptionalString(a, "url", where, &d.url));
  RETURN_IF_ERROR(OptionalString(a, "date", where, &d.date));
  if (!d.date.empty() && !IsIsoDate(d.date)) {
    return InvalidArgumentError(
        fmt::format("{}.date: expected YYYY-MM-DD, got \"{}\"", where, d.date));
  }
  return d;
}

}  // namespace

Result<ArticlesRequest> ParseArticlesRequest(std::string_view body, uint32_t max_articles) {
  json root;
  try {
    root = json::parse(body);
  } catch (const json::parse_error& e) {
    return ParseError(fmt::format("request body is not valid JSON (byte {}): {}", e.byte,
                                  e.what()));
  } catch (const json::exception& e) {
    // Numbers beyond a double ("1e400") are out_of_range, not parse_error.
    return ParseError(fmt::format("request body is not valid JSON: {}", e.what()));
  }
  if (!root.is_object()) return InvalidArgumentError("request body: expected a JSON object");
  const auto articles = root.find("articles");
  if (articles == root.end()) return InvalidArgumentError("articles: missing");
  if (!articles->is_array()) return InvalidArgumentError("articles: expected an array");
  if (articles->empty()) return InvalidArgumentError("articles: expected at least one article");
  if (articles->size() > max_articles) {
    return ResourceExhaustedError(fmt::format("articles: {} articles, at most {} per request",
                                              articles->size(), max_articles));
  }
  ArticlesRequest req;
  req.cluster.id = "request";
  if (const auto id = root.find("id"); id != root.end() && !id->is_null()) {
    if (!id->is_string()) return InvalidArgumentError("id: expected a string");
    req.cluster.id = id->get<std::string>();
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < articles->size(); ++i) {
    const std::string where = fmt::format("articles[{}]", i);
    ASSIGN_OR_RETURN(Document d, ParseArticle((*articles)[i], where));
    if (!ids.insert(d.id).second) {
      return InvalidArgumentError(fmt::format("{}.id: duplicate id \"{}\"", where, d.id));
    }
    req.cluster.documents.push_back(std::move(d));
  }
  req.options = json::object();
  const auto options = root.find("options");
  if (options != root.end() && !options->is_null()) {
    if (!options->is_object()) return InvalidArgumentError("options: expected an object");
    req.options = *options;
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
  RETURN_IF_ERROR(CheckKnownOptions(options, {"words", "bytes", "sentences", "method", "query"}));
  SummarizeRequestOptions out;
  int budgets = 0;
  for (const auto& [key, unit] : {std::pair{"words", BudgetUnit::kWords},
                                  std::pair{"bytes", BudgetUnit::kBytes},
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
       {std::pair{"method", &out.method}, std::pair{"query", &out.summary.query}}) {
    const auto it = options.find(key);
    if (it == options.end() || it->is_null()) continue;
    if (!it->is_string()) {
      return InvalidArgumentError(fmt::format("options.{}: expected a string", key));
    }
    *field = it->get<std::string>();
  }
  return out;
}

}  // namespace chorus::serve
