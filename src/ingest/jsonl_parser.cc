#include "ingest/jsonl_parser.h"

#include <fmt/format.h>
#include <simdjson.h>

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

bool GetDocument(dom::object object, size_t index, Document* doc, std::string* error) {
  bool has_text = false;
  for (dom::key_value_pair kv : object) {
    std::string_view key = kv.key;
    std::string* target = key == "id"       ? &doc->id
                          : key == "text"   ? &doc->text
                          : key == "date"   ? &doc->date
                          : key == "source" ? &doc->source
                          : key == "title"  ? &doc->title
                          : key == "url"    ? &doc->url
                                            : nullptr;
    if (target == nullptr) continue;  // extra fields are ignored
    if (!GetText(kv.value, fmt::format("documents[{}].{}", index, key), target, error)) {
      return false;
    }
    if (key == "text") has_text = true;
  }
  if (!has_text) {
    *error = fmt::format("documents[{}]: missing \"text\"", index);
    return false;
  }
  return true;
}

bool GetReferences(dom::element value, std::vector<std::string>* out, std::string* error) {
  dom::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) {
    std::string one;
    if (!GetText(value, "references", &one, error)) return false;
    if (!one.empty()) out->push_back(std::move(one));
    return true;
  }
  for (dom::element item : array) {
    std::string ref;
    if (!GetText(item, "references[]", &ref, error)) return false;
    out->push_back(std::move(ref));
  }
  return true;
}

bool GetDocuments(dom::element value, Cluster* cluster, std::string* error) {
  dom::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) {
    *error = "field \"documents\": expected an array of articles";
    return false;
  }
  size_t index = 0;
  for (dom::element item : array) {
    dom::object object;
    if (item.get_object().get(object) != simdjson::SUCCESS) {
      *error = fmt::format("documents[{}]: expected an object", index);
      return false;
    }
    Document doc;
    if (!GetDocument(object, index, &doc, error)) return false;
    if (doc.id.empty()) doc.id = fmt::format("{}", index + 1);
    cluster->documents.push_back(std::move(doc));
    ++index;
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
  Cluster& cluster = record->cluster;
  Document& article = record->article;
  bool has_documents = false;
  bool has_text = false;
  for (dom::key_value_pair kv : object) {
    std::string_view key = kv.key;
    bool ok = true;
    if (key == "id") {
      ok = GetText(kv.value, "id", &cluster.id, error);
    } else if (key == "documents") {
      has_documents = true;
      ok = GetDocuments(kv.value, &cluster, error);
    } else if (key == "references") {
      ok = GetReferences(kv.value, &cluster.references, error);
    } else if (key == "text") {
      has_text = true;
      ok = GetText(kv.value, "text", &article.text, error);
    } else if (key == "date") {
      ok = GetText(kv.value, "date", &article.date, error);
    } else if (key == "source") {
      ok = GetText(kv.value, "source", &article.source, error);
    } else if (key == "title") {
      ok = GetText(kv.value, "title", &article.title, error);
    } else if (key == "url") {
      ok = GetText(kv.value, "url", &article.url, error);
    }
    if (!ok) return false;
  }
  if (has_documents) {
    record->kind = JsonlRecord::Kind::kCluster;
    return true;
  }
  if (has_text) {
    record->kind = JsonlRecord::Kind::kArticle;
    article.id = std::move(cluster.id);
    cluster = Cluster();
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
