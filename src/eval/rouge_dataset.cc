// Reading ROUGE inputs: summary files and clusters/peers JSONL.
#include <fmt/format.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <string>
#include <system_error>

#include "base/files.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "chorus/rouge.h"

namespace chorus {
namespace {

// Datasets and peer files are read whole; a gigabyte is far past any of them.
constexpr size_t kMaxDatasetBytes = size_t{1} << 30;

Result<std::string> ReadWholeFile(const std::string& path, std::string_view what) {
  return ReadFileBounded(path, std::string(what) + " file", kMaxDatasetBytes);
}

// Calls `on_line(line_number, line)` for every non-blank line.
template <typename F>
void ForEachLine(std::string_view contents, F on_line) {
  size_t start = 0;
  int number = 0;
  while (start < contents.size()) {
    size_t end = contents.find('\n', start);
    if (end == std::string_view::npos) end = contents.size();
    ++number;
    std::string_view line = contents.substr(start, end - start);
    if (!IsBlank(line) && !on_line(number, line)) return;
    start = end + 1;
  }
}

Status LineError(std::string_view file, int line, std::string_view message) {
  return ParseError(fmt::format("{}:{}: {}", file, line, message));
}

// One JSONL line as an object; the error says why not (bad UTF-8, syntax...).
Status ParseObject(simdjson::dom::parser& parser, std::string_view line,
                   simdjson::dom::object* object) {
  simdjson::dom::element element;
  if (auto error = parser.parse(line.data(), line.size()).get(element)) {
    return ParseError(fmt::format("not valid JSON: {}", simdjson::error_message(error)));
  }
  if (element.get_object().get(*object)) return ParseError("expected a JSON object");
  return Status::Ok();
}

// A string field, or an error naming it.
Status GetString(simdjson::dom::object object, std::string_view key, std::string* out) {
  std::string_view value;
  const auto error = object[key].get_string().get(value);
  if (error == simdjson::NO_SUCH_FIELD) return ParseError(fmt::format("missing \"{}\"", key));
  if (error) return ParseError(fmt::format("\"{}\" must be a string", key));
  out->assign(value);
  return Status::Ok();
}

// "summary": a string, or an array of strings / {"text": ...} objects.
Status GetSummaryText(simdjson::dom::object object, std::string* out) {
  simdjson::dom::element summary;
  if (object["summary"].get(summary)) return ParseError("missing \"summary\"");
  std::string_view text;
  if (!summary.get_string().get(text)) {
    out->assign(text);
    return Status::Ok();
  }
  simdjson::dom::array items;
  if (summary.get_array().get(items)) {
    return ParseError("\"summary\" must be a string or an array of sentences");
  }
  out->clear();
  for (simdjson::dom::element item : items) {
    simdjson::dom::object sentence;
    if (item.get_string().get(text) &&
        (item.get_object().get(sentence) || sentence["text"].get_string().get(text))) {
      return ParseError("\"summary\" items must be strings or objects with a string \"text\"");
    }
    if (!out->empty()) out->push_back('\n');
    out->append(text);
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> ReadRougeSummaryFile(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path, "summary"));
  if (IsBlank(text)) {
    return InvalidArgumentError(fmt::format("summary file {} is empty", path));
  }
  if (const size_t bad = FirstInvalidUtf8(text); bad != std::string_view::npos) {
    return ParseError(
        fmt::format("summary file {} is not valid UTF-8 (byte offset {})", path, bad));
  }
  return text;
}

RougeDataset ParseRougeDataset(std::string_view clusters_jsonl, std::string_view clusters_name,
                               std::string_view peers_jsonl, std::string_view peers_name,
                               const RougeDatasetOptions& options) {
  RougeDataset dataset;
  simdjson::dom::parser parser;
  std::map<std::string, size_t, std::less<>> topic_index;
  auto keep_going = [&] { return !(options.strict && !dataset.errors.empty()); };

  ForEachLine(clusters_jsonl, [&](int number, std::string_view line) {
    simdjson::dom::object object;
    if (Status bad = ParseObject(parser, line, &object); !bad.ok()) {
      dataset.errors.push_back(LineError(clusters_name, number, bad.message()));
      return keep_going();
    }
    RougeTopic topic;
    Status status = GetString(object, "id", &topic.id);
    simdjson::dom::array references;
    if (status.ok() && object["references"].get_array().get(references)) {
      status = ParseError("\"references\" must be an array of strings");
    }
    if (status.ok()) {
      for (simdjson::dom::element reference : references) {
        std::string_view text;
        if (reference.get_string().get(text)) {
          status = ParseError("\"references\" must be an array of strings");
          break;
        }
        topic.models.emplace_back(text);
      }
    }
    if (status.ok() && topic.models.empty()) status = ParseError("\"references\" is empty");
    if (status.ok() && topic_index.count(topic.id) > 0) {
      status = ParseError(fmt::format("topic id \"{}\" appears twice", topic.id));
    }
    if (!status.ok()) {
      dataset.errors.push_back(LineError(clusters_name, number, status.message()));
      return keep_going();
    }
    topic_index.emplace(topic.id, dataset.topics.size());
    dataset.topics.push_back(std::move(topic));
    return true;
  });
  if (!keep_going()) return dataset;

  std::map<std::pair<std::string, std::string>, int> seen;  // (id, system) -> line
  ForEachLine(peers_jsonl, [&](int number, std::string_view line) {
    simdjson::dom::object object;
    if (Status bad = ParseObject(parser, line, &object); !bad.ok()) {
      dataset.errors.push_back(LineError(peers_name, number, bad.message()));
      return keep_going();
    }
    std::string id;
    RougePeer peer;
    Status status = GetString(object, "id", &id);
    if (status.ok()) {
      std::string_view system;
      const auto error = object["system"].get_string().get(system);
      if (error == simdjson::NO_SUCH_FIELD) {
        peer.system = "chorus";
      } else if (error || system.empty()) {
        status = ParseError("\"system\" must be a non-empty string");
      } else {
        peer.system.assign(system);
      }
    }
    if (status.ok()) status = GetSummaryText(object, &peer.text);
    auto topic = topic_index.find(id);
    if (status.ok() && topic == topic_index.end()) {
      status = NotFoundError(fmt::format("topic \"{}\" is not in {}", id, clusters_name));
    }
    if (status.ok()) {
      auto [it, inserted] = seen.emplace(std::make_pair(id, peer.system), number);
      if (!inserted) {
        status =
            ParseError(fmt::format("second summary of system \"{}\" for topic \"{}\" "
                                   "(first on line {})",
                                   peer.system, id, it->second));
      }
    }
    if (!status.ok()) {
      dataset.errors.push_back(LineError(peers_name, number, status.message()));
      return keep_going();
    }
    dataset.topics[topic->second].peers.push_back(std::move(peer));
    return true;
  });
  for (const RougeTopic& topic : dataset.topics) {
    if (topic.peers.empty()) {
      dataset.warnings.push_back(
          fmt::format("topic {} has no peer summary in {}", topic.id, peers_name));
    }
  }
  return dataset;
}

Result<RougeDataset> ReadRougeDataset(const std::string& clusters_path,
                                      const std::string& peers_path,
                                      const RougeDatasetOptions& options) {
  ASSIGN_OR_RETURN(std::string clusters, ReadWholeFile(clusters_path, "clusters"));
  ASSIGN_OR_RETURN(std::string peers, ReadWholeFile(peers_path, "peers"));
  return ParseRougeDataset(clusters, clusters_path, peers, peers_path, options);
}

}  // namespace chorus
