// JsonlParser: one JSON Lines record (a cluster or an article) from one line,
// with simdjson's DOM API (error codes, no exceptions). The DOM parser is used
// rather than on-demand because it dispatches to the CPU's SIMD kernels at run
// time, while on-demand is inlined for the compile-time target (plain x86-64:
// the slow fallback kernel).
//
//   JsonlParser parser;
//   JsonlRecord record;
//   std::string error;
//   if (!parser.Parse(line, capacity, &record, &error)) Report(error);
//
// A line with "documents" is a cluster; a line with "text" (or "html",
// "file") is an article. Articles, on their own or in "documents", are read by
// the one article JSON reader (chorus/article_json.h); a cluster's "id" and
// "references" may also be numbers. Extra fields are ignored.
// Thread safety: none (reuses simdjson's buffers); one parser per thread.
// Not copyable; movable. simdjson stays out of this header: its object layout
// depends on compile definitions (threads), which every includer must not need.
#ifndef CHORUS_SRC_INGEST_JSONL_PARSER_H_
#define CHORUS_SRC_INGEST_JSONL_PARSER_H_

#include <memory>
#include <string>
#include <string_view>

#include "chorus/document.h"

namespace chorus::ingest {

struct JsonlRecord {
  enum class Kind { kCluster, kArticle };
  Kind kind = Kind::kArticle;
  Cluster cluster;    // when kind == kCluster
  Document article;   // when kind == kArticle
  std::string event;  // an article's "event" field (its gold event in a labelled stream), or empty
};

class JsonlParser {
 public:
  JsonlParser();
  ~JsonlParser();
  JsonlParser(JsonlParser&&) noexcept;
  JsonlParser& operator=(JsonlParser&&) noexcept;

  // Parses `line`, which must be readable up to `capacity` bytes (capacity >=
  // line.size() + 64, simdjson's padding; with less the line is copied). On
  // failure returns false and sets `*error` to what is wrong (without file or
  // line number). Invalid UTF-8 anywhere in the line fails the parse (simdjson
  // validates it), so callers need not validate first.
  bool Parse(std::string_view line, size_t capacity, JsonlRecord* record, std::string* error);

  // Same, for a line without padding (copies it). For fuzzing and tests.
  bool ParseCopy(std::string_view line, JsonlRecord* record, std::string* error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus::ingest

#endif  // CHORUS_SRC_INGEST_JSONL_PARSER_H_
