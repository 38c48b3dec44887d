#include "ingest/jsonl_parser.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "ingest/article_json.h"
#include "ingest/line_reader.h"

namespace chorus::ingest {
namespace {

namespace dom = simdjson::dom;
static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING);

std::string JsonError(simdjson::error_code e) {
  return fmt::format("invalid JSON ({})", simdjson::error_message(e));
}

// Reads a string field; numbers are kept as written, null as empty.
bool GetText(dom::element value, std::string_view field, std::string* out, std::string* error) {
  std::string_view s;
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
  if (value.get_string().get(s) == simdjson::SUCCESS) {
    out->assign(s);
  } else if (value.get_int64().get(i) == simdjson::SUCCESS) {
    *out = fmt::format("{}", i);
  } else if (value.get_uint64().get(u) == simdjson::SUCCESS) {
    *out = fmt::format("{}", u);
  } else if (value.get_double().get(d) == simdjson::SUCCESS) {
    *out = fmt::format("{}", d);
  } else if (value.is_null()) {
    out->clear();
  } else {
    *error = fmt::format("field \"{}\": expected a string", field);
    return false;
  }
  return true;
}

// A list of strings, or one string standing for a list of one (empty: none).
bool GetTextList(dom::element value, std::string_view field, std::vector<std::string>* out,
                 std::string* error) {
  dom::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) {
    std::string one;
    if (!GetText(value, field, &one, error)) return false;
    if (!one.empty()) out->push_back(std::move(one));
    return true;
  }
  const std::string item_field = fmt::format("{}[]", field);
  for (dom::element item : array) {
    std::string text;
    if (!GetText(item, item_field, &text, error)) return false;
    out->push_back(std::move(text));
  }
  return true;
}

// A DUC topic statement, {"title", "narrative"}, as one query: "title. narrative".
bool GetTopicQuery(dom::element value, std::string* query, std::string* error) {
  dom::object topic;
  if (value.get_object().get(topic) != simdjson::SUCCESS) {
    if (value.is_null()) return true;
    *error = "field \"topic\": expected an object with \"title\" and \"narrative\"";
    return false;
  }
  for (const char* key : {"title", "narrative"}) {
    dom::element part;
    std::string text;
    if (topic.at_key(key).get(part) != simdjson::SUCCESS) continue;
    if (!GetText(part, std::string("topic.") + key, &text, error)) return false;
    if (text.empty()) continue;
    if (!query->empty()) *query += query->back() == '.' ? " " : ". ";
    *query += text;
  }
  return true;
}

}  // namespace

struct JsonlParser::Impl {
  dom::parser parser;
};

JsonlParser::JsonlParser() : impl_(std::make_unique<Impl>()) {}
JsonlParser::~JsonlParser() = default;
JsonlParser::JsonlParser(JsonlParser&&) noexcept = default;
JsonlParser& JsonlParser::operator=(JsonlParser&&) noexcept = default;

bool JsonlParser::Parse(std::string_view line, size_t capacity, JsonlRecord* record,
                        std::string* error) {
  *record = JsonlRecord();
  if (capacity < line.size() + simdjson::SIMDJSON_PADDING) return ParseCopy(line, record, error);
  dom::element root;
  if (auto e = impl_->parser.parse(line.data(), line.size(), false).get(root)) {
    *error = JsonError(e);
    return false;
  }
  dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    *error = "expected a JSON object ({...}) on each line";
    return false;
  }
  // A cluster line: its id, references, query, update_of and documents.
  dom::element documents;
  if (object.at_key("documents").get(documents) == simdjson::SUCCESS) {
    record->kind = JsonlRecord::Kind::kCluster;
    Cluster& cluster = record->cluster;
    dom::element value;
    if (object.at_key("id").get(value) == simdjson::SUCCESS &&
        !GetText(value, "id", &cluster.id, error)) {
      return false;
    }
    if (object.at_key("references").get(value) == simdjson::SUCCESS &&
        !GetTextList(value, "references", &cluster.references, error)) {
      return false;
    }
    if (object.at_key("query").get(value) == simdjson::SUCCESS &&
        !GetText(value, "query", &cluster.query, error)) {
      return false;
    }
    if (cluster.query.empty() && object.at_key("topic").get(value) == simdjson::SUCCESS &&
        !GetTopicQuery(value, &cluster.query, error)) {
      return false;
    }
    if (object.at_key("update_of").get(value) == simdjson::SUCCESS &&
        !GetTextList(value, "update_of", &cluster.update_of, error)) {
      return false;
    }
    Result<std::vector<Document>> docs = ReadArticleListJson(documents, "documents");
    if (!docs.ok()) {
      *error = docs.status().message();
      return false;
    }
    cluster.documents = std::move(*docs);
    return true;
  }
  // An article line: the id is left empty when it gives none (the reader
  // names it after the file and line).
  if (object.at_key("text").error() == simdjson::SUCCESS ||
      object.at_key("html").error() == simdjson::SUCCESS ||
      object.at_key("file").error() == simdjson::SUCCESS) {
    record->kind = JsonlRecord::Kind::kArticle;
    Result<Document> doc = ReadArticleJson(root, "", "");
    if (!doc.ok()) {
      *error = doc.status().message();
      return false;
    }
    record->article = std::move(*doc);
    dom::element event;
    if (object.at_key("event").get(event) == simdjson::SUCCESS &&
        !GetText(event, "event", &record->event, error)) {
      return false;
    }
    return true;
  }
  *error = "line has neither \"documents\" (a cluster) nor \"text\" (an article)";
  return false;
}

bool JsonlParser::ParseCopy(std::string_view line, JsonlRecord* record, std::string* error) {
  simdjson::padded_string padded(line);
  return Parse(std::string_view(padded.data(), padded.size()),
               padded.size() + simdjson::SIMDJSON_PADDING, record, error);
}

}  // namespace chorus::ingest
