// Article JSON: the one reading of an article written as a JSON object,
// shared by every face: JSON Lines input (article lines and the "documents"
// of a cluster line), the HTTP API's "articles" and Python's article dicts.
// Whatever the face, the same object gives the same Document or the same error.
//
//   {"id": "a1", "text": "...", "title"?, "source"?, "url"?, "date"?, "lean"?}
//
// - "id": a string, or an integer (kept as written). Absent, null or "": the
//   caller's default (the article's position in its list, from 1; a JSON
//   Lines article line gets "<file>-<line>").
// - The text: "text"; or, when "text" is absent, "html" (a web page: main
//   text, title, date, outlet and URL extracted as ingest reads .html files)
//   or "file" (a text file's whole content, header and title lines read as
//   ingest reads text files). It must hold more than whitespace.
// - "title", "source", "url": strings; given, they override what "html" or
//   "file" yielded. "lean": a string (the outlet's political lean, any label;
//   compare falls back on its outlet table without it).
// - "date": "YYYY-MM-DD", or an ISO 8601 date-time that starts with one
//   ("2020-01-05T14:30:00Z" keeps "2020-01-05"). The calendar is not checked.
// - null stands for an absent field; other fields are ignored.
// In a list, ids must be unique. Errors name the field:
// `[2].date: expected YYYY-MM-DD, got "5 Jan"`.
//
//   chorus::Result<std::vector<chorus::Document>> docs =
//       chorus::ArticlesFromJson(R"([{"id": "a", "text": "..."}])");
//
// Thread safety: pure functions.
#ifndef CHORUS_ARTICLE_JSON_H_
#define CHORUS_ARTICLE_JSON_H_

#include <string_view>
#include <vector>

#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

// One article object; `default_id` is its id when it gives none.
Result<Document> ArticleFromJson(std::string_view json, std::string_view default_id = "1");

// A JSON array of article objects, in order (default ids "1", "2", ...).
Result<std::vector<Document>> ArticlesFromJson(std::string_view json);

}  // namespace chorus

#endif  // CHORUS_ARTICLE_JSON_H_
