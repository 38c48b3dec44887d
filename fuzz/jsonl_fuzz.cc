// Fuzzes the JSON Lines record parser (clusters and articles) line by line,
// and the text-article parser on the same bytes; lines are parsed as read
// (possibly invalid UTF-8) and after repair, like the reader does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "chorus/ingest.h"
#include "ingest/jsonl_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  static chorus::ingest::JsonlParser parser;
  // The reader parses a line as read and repairs it only when the parse
  // fails, which relies on the parser rejecting every invalid UTF-8 line.
  for (std::string_view raw = input; !raw.empty();) {
    size_t nl = raw.find('\n');
    std::string_view line = raw.substr(0, nl);
    raw.remove_prefix(nl == std::string_view::npos ? raw.size() : nl + 1);
    chorus::ingest::JsonlRecord record;
    std::string error;
    if (parser.ParseCopy(line, &record, &error) && !chorus::IsValidUtf8(line)) {
      __builtin_trap();
    }
  }
  chorus::RepairUtf8(&input);  // then the repaired line is parsed
  std::string_view rest = input;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    chorus::ingest::JsonlRecord record;
    std::string error;
    if (parser.ParseCopy(line, &record, &error)) {
      for (const chorus::Document& d : record.cluster.documents) {
        if (d.id.size() > input.size()) __builtin_trap();  // parsed fields come from the line
      }
    } else if (error.empty()) {
      __builtin_trap();  // every failure must say what is wrong
    }
  }
  chorus::Document doc = chorus::ParseArticleText(input, "fuzz.txt", false);
  // A control character becomes U+FFFD (three bytes), so the text may grow,
  // but never beyond that, and it is always valid UTF-8.
  if (doc.text.size() > 3 * input.size() || !chorus::IsValidUtf8(doc.text)) __builtin_trap();
  return 0;
}
