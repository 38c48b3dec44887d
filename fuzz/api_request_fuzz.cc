// Fuzzes the HTTP API's request parser: the JSON body of /v1/summarize,
// /v1/compare and /v1/articles, then the summarize options it carries.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "serve/api_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr uint32_t kMaxArticles = 16;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  chorus::Result<chorus::serve::ArticlesRequest> request =
      chorus::serve::ParseArticlesRequest(body, kMaxArticles);
  if (!request.ok()) {
    if (request.status().message().empty()) __builtin_trap();  // every failure says what is wrong
    return 0;
  }
  const size_t articles = request->cluster.documents.size();
  if (articles == 0 || articles > kMaxArticles) __builtin_trap();  // the contract's bounds
  chorus::Result<chorus::serve::SummarizeRequestOptions> options =
      chorus::serve::ParseSummarizeOptions(request->options);
  if (!options.ok() && options.status().message().empty()) __builtin_trap();
  return 0;
}
