// The article JSON reader (chorus/article_json.h) on an already parsed
// simdjson DOM value, for readers that parse larger documents (JSON Lines
// clusters, API request bodies) and hand it each article in place.
//
// `where` prefixes the field in error messages ("documents[2]" gives
// "documents[2].date: ..."); empty gives "date: ...".
//
// Thread safety: pure functions. simdjson is only declared here, so includers
// need not see its compile definitions.
#ifndef CHORUS_SRC_INGEST_ARTICLE_JSON_H_
#define CHORUS_SRC_INGEST_ARTICLE_JSON_H_

#include <stop_token>
#include <string_view>
#include <vector>

#include "chorus/document.h"
#include "chorus/status.h"

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace chorus::ingest {

// One article object.
Result<Document> ReadArticleJson(const simdjson::dom::element& value, std::string_view default_id,
                                 std::string_view where);

// An array of article objects: default ids "1", "2", ...; ids unique. Errors
// say `<where>[i].field`. kCancelled (between articles: a page's HTML takes
// time) once `stop` is requested.
Result<std::vector<Document>> ReadArticleListJson(const simdjson::dom::element& value,
                                                  std::string_view where,
                                                  const std::stop_token& stop = {});

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_ARTICLE_JSON_H_
