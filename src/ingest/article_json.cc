#include "ingest/article_json.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <string>
#include <unordered_set>

#include "base/dates.h"
#include "base/strings.h"
#include "chorus/article_json.h"
#include "chorus/ingest.h"
#include "ingest/text_checks.h"

namespace chorus::ingest {
namespace {

namespace dom = simdjson::dom;

std::string FieldName(std::string_view where, std::string_view field) {
  return where.empty() ? std::string(field) : fmt::format("{}.{}", where, field);
}

Status FieldError(std::string_view where, std::string_view field, std::string_view problem) {
  return InvalidArgumentError(fmt::format("{}: {}", FieldName(where, field), problem));
}

// Reads optional string `field` of `object` into `*out` (absent or null leaves
// it); `*present` says whether it was given.
Status OptionalString(const dom::object& object, std::string_view field, std::string_view where,
                      std::string* out, bool* present = nullptr) {
  if (present != nullptr) *present = false;
  dom::element value;
  if (object.at_key(field).get(value) != simdjson::SUCCESS || value.is_null()) return Status::Ok();
  std::string_view s;
  if (value.get_string().get(s) != simdjson::SUCCESS) {
    return FieldError(where, field, "expected a string");
  }
  out->assign(s);
  if (present != nullptr) *present = true;
  return Status::Ok();
}

Status ReadId(const dom::object& object, std::string_view default_id, std::string_view where,
              std::string* id) {
  dom::element value;
  int64_t i = 0;
  uint64_t u = 0;
  std::string_view s;
  if (object.at_key("id").get(value) != simdjson::SUCCESS || value.is_null()) {
    id->clear();
  } else if (value.get_string().get(s) == simdjson::SUCCESS) {
    id->assign(s);
  } else if (value.get_int64().get(i) == simdjson::SUCCESS) {
    *id = fmt::format("{}", i);
  } else if (value.get_uint64().get(u) == simdjson::SUCCESS) {
    *id = fmt::format("{}", u);
  } else {
    return FieldError(where, "id", "expected a string or an integer");
  }
  if (id->empty()) id->assign(default_id);
  return Status::Ok();
}

// The date a "date" field holds: "YYYY-MM-DD" or the date of an ISO date-time.
Status ReadDate(std::string_view where, std::string* date) {
  if (date->empty() || IsIsoDate(*date)) return Status::Ok();
  const std::string_view head = std::string_view(*date).substr(0, 10);
  if (date->size() > 10 && IsIsoDate(head) && ((*date)[10] == 'T' || (*date)[10] == ' ')) {
    date->resize(10);
    return Status::Ok();
  }
  return FieldError(where, "date", fmt::format("expected YYYY-MM-DD, got \"{}\"", *date));
}

// The text: "text", else a page ("html") or a text file ("file") read as
// ingest reads files.
Status ReadText(const dom::object& object, std::string_view where, Document* doc) {
  bool has_text = false;
  RETURN_IF_ERROR(OptionalString(object, "text", where, &doc->text, &has_text));
  std::string_view field = "text";
  if (!has_text) {
    std::string raw;
    bool is_html = false;
    bool is_file = false;
    RETURN_IF_ERROR(OptionalString(object, "html", where, &raw, &is_html));
    if (!is_html) RETURN_IF_ERROR(OptionalString(object, "file", where, &raw, &is_file));
    if (!is_html && !is_file) return FieldError(where, "text", "missing");
    field = is_html ? "html" : "file";
    std::string id = std::move(doc->id);
    *doc = ParseArticleText(raw, id, is_html);
    doc->id = std::move(id);
    if (IsBlank(doc->text)) return FieldError(where, field, "no text found");
  }
  if (IsBlank(doc->text)) return FieldError(where, field, "must not be empty");
  return Status::Ok();
}

}  // namespace

Result<Document> ReadArticleJson(const dom::element& value, std::string_view default_id,
                                 std::string_view where) {
  dom::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) {
    return InvalidArgumentError(
        fmt::format("{}: expected an article object", where.empty() ? "article" : where));
  }
  Document doc;
  RETURN_IF_ERROR(ReadId(object, default_id, where, &doc.id));
  RETURN_IF_ERROR(ReadText(object, where, &doc));
  RETURN_IF_ERROR(OptionalString(object, "title", where, &doc.title));
  RETURN_IF_ERROR(OptionalString(object, "source", where, &doc.source));
  RETURN_IF_ERROR(OptionalString(object, "url", where, &doc.url));
  RETURN_IF_ERROR(OptionalString(object, "lean", where, &doc.lean));
  RETURN_IF_ERROR(OptionalString(object, "date", where, &doc.date));
  RETURN_IF_ERROR(ReadDate(where, &doc.date));
  ReplaceControlCharacters(&doc);  // "\u001b" and "\u0000" decode to raw bytes
  return doc;
}

Result<std::vector<Document>> ReadArticleListJson(const dom::element& value, std::string_view where,
                                                  const std::stop_token& stop) {
  dom::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) {
    return InvalidArgumentError(fmt::format("{}: expected an array of articles", where));
  }
  std::vector<Document> docs;
  std::unordered_set<std::string> ids;
  size_t index = 0;
  for (dom::element item : array) {
    if (stop.stop_requested()) return CancelledError("reading articles stopped");
    const std::string at = fmt::format("{}[{}]", where, index);
    ASSIGN_OR_RETURN(Document doc, ReadArticleJson(item, fmt::format("{}", index + 1), at));
    if (!ids.insert(doc.id).second) {
      return InvalidArgumentError(fmt::format("{}.id: duplicate id \"{}\"", at, doc.id));
    }
    docs.push_back(std::move(doc));
    ++index;
  }
  return docs;
}

}  // namespace chorus::ingest

namespace chorus {
namespace {

Status JsonError(simdjson::error_code e) {
  return ParseError(fmt::format("not valid JSON: {}", simdjson::error_message(e)));
}

}  // namespace

Result<Document> ArticleFromJson(std::string_view json, std::string_view default_id) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto e = parser.parse(json.data(), json.size()).get(root)) return JsonError(e);
  return ingest::ReadArticleJson(root, default_id, "");
}

Result<std::vector<Document>> ArticlesFromJson(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto e = parser.parse(json.data(), json.size()).get(root)) return JsonError(e);
  return ingest::ReadArticleListJson(root, "");
}

}  // namespace chorus
