// Parsing and validating API request bodies: the JSON articles of
// POST /v1/summarize, /v1/compare and /v1/articles, and their options.
//
// Body: {"id"?, "articles": [article...], "options": {...}}, each article read
// by the one article JSON reader every face uses (chorus/article_json.h:
// "text", or "html"/"file" read as ingest reads files; ids default to the
// position and must be unique). Every error is a Status whose message names
// the field at fault ("articles[2].text: expected a string"): kParseError for
// malformed JSON, kInvalidArgument for wrong fields, kResourceExhausted when
// there are more articles than allowed. Unknown article fields are ignored
// (as ingest does); unknown option names are errors, so a typo is not
// silently dropped.
//
//   ASSIGN_OR_RETURN(ArticlesRequest req, ParseArticlesRequest(body, 1000));
//   ASSIGN_OR_RETURN(SummarizeRequestOptions opt, ParseSummarizeOptions(req.options));
//
// Thread safety: pure functions.
#ifndef CHORUS_SERVE_API_REQUEST_H_
#define CHORUS_SERVE_API_REQUEST_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stop_token>
#include <string>
#include <string_view>

#include "chorus/document.h"
#include "chorus/status.h"
#include "chorus/summarizer.h"

namespace chorus::serve {

struct ArticlesRequest {
  Cluster cluster;         // id: the body's "id" or "request"; documents in request order
  nlohmann::json options;  // the "options" object (empty object when absent)
};

// Parses the body; at least one article, at most `max_articles`. Pages
// ("html") are parsed here: kCancelled (between articles) once `stop` is
// requested.
Result<ArticlesRequest> ParseArticlesRequest(std::string_view body, uint32_t max_articles,
                                             const std::stop_token& stop = {});

struct SummarizeRequestOptions {
  std::string method;      // empty: the default method
  SummaryOptions summary;  // budget and query
  // "YYYY-MM-DD": an update summary of the articles dated since then, for a
  // reader of the earlier ones (chorus/read_history.h). Empty: all articles.
  std::string since;
};

// Options of /v1/summarize, named as `chorus summarize`'s flags: "words",
// "bytes" or "sentences" (one of them; a positive integer), "method",
// "query", "since" (YYYY-MM-DD).
Result<SummarizeRequestOptions> ParseSummarizeOptions(const nlohmann::json& options);

// Fails naming the first key of `options` not in `known` ("options.wordz:
// unknown option; known: words, bytes, ...").
Status CheckKnownOptions(const nlohmann::json& options,
                         std::initializer_list<std::string_view> known);

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_API_REQUEST_H_
