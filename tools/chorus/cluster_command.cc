#include "cluster_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "chorus/diagnostics.h"
#include "chorus/event_json.h"
#include "chorus/event_model.h"
#include "chorus/event_stream.h"
#include "chorus/ingest.h"
#include "command.h"

namespace chorus::cli {
namespace {

struct ClusterFlags {
  std::vector<std::string> inputs;
  std::string store = "chorus.db";
  std::string format = "jsonl";
  std::string model;                // a model file, "cosine", or empty for the shipped model
  std::optional<double> threshold;  // the cosine rule's cut, when given
  bool strict = false;
  EventStreamOptions stream;
};

int RunCluster(ClusterFlags flags) {
  Diagnostics diagnostics(
      [](const Diagnostic& d) { std::cerr << "chorus cluster: " << d.ToString() << "\n"; });
  if (Status rule = SelectSimilarityRule(flags.model, flags.threshold, &flags.stream.clusterer);
      !rule.ok()) {
    std::cerr << "chorus cluster: " << rule.ToString() << "\n";
    return rule.code() == StatusCode::kInvalidArgument ? kExitUsageError : kExitInputError;
  }
  auto stream = EventStream::Open(flags.store, flags.stream);
  if (!stream.ok()) {
    std::cerr << "chorus cluster: " << stream.status().ToString() << "\n";
    return kExitInputError;
  }
  std::set<int64_t> touched;
  ClusterRun run;
  // Lines are written (and flushed) only once their batch is committed: what
  // is printed is stored.
  auto sink = [&](const StreamAssignment& a) {
    touched.insert(a.event);
    if (flags.format == "jsonl") {
      std::cout << AssignmentToJson(a) << "\n";
    } else if (flags.format == "json") {
      run.assignments.push_back(a);
    }
  };
  auto flush_lines = [&] { std::cout.flush(); };
  uint64_t read = 0;
  IngestOptions ingest;
  ingest.strict = flags.strict;
  Status status = ReadArticles(flags.inputs, ingest, &diagnostics, [&](Document&& doc) {
    ++read;
    Status s = (*stream)->Add(std::move(doc), sink);
    flush_lines();
    if (s.code() == StatusCode::kInvalidArgument) {
      diagnostics.Error("-", 0, fmt::format("article {}: {}", read, s.message()));
      return flags.strict ? s : Status::Ok();
    }
    return s;
  });
  if (status.ok()) status = (*stream)->Flush(sink);
  flush_lines();
  if (!status.ok()) {
    std::cerr << "chorus cluster: " << status.ToString() << "\n";
    return kExitInputError;
  }
  const EventClusterer& clusterer = (*stream)->clusterer();
  for (int64_t e : touched) run.events.push_back(clusterer.Describe(e));
  run.skipped = (*stream)->skipped();
  if (flags.format == "json") {
    std::cout << ClusterRunToJson(run, 2) << "\n";
  } else if (flags.format == "text") {
    std::cout << EventTableText(run.events);
  }
  std::cerr << fmt::format(
      "chorus cluster: {} articles read, {} already stored (skipped); store {} holds {} "
      "articles in {} events\n",
      read, (*stream)->skipped(), flags.store, clusterer.ArticleCount(), clusterer.EventCount());
  return diagnostics.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace

void AddClusterCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ClusterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "cluster",
      "Assign articles to events (online, in input order) and keep them in a SQLite store");
  cmd->add_option("inputs", flags->inputs,
                  "Article JSONL files (one article a line, or cluster lines), article files or "
                  "directories; - for standard input")
      ->required();
  cmd->add_option("--store", flags->store, "SQLite store to create or continue")
      ->capture_default_str();
  ClustererOptions& c = flags->stream.clusterer;
  cmd->add_option("--model", flags->model,
                  "\"learned\" for the event model shipped with chorus, or a model file (from "
                  "`chorus train-clusterer`); default \"cosine\", the fixed cosine rule");
  cmd->add_option("--join-probability", c.join_probability,
                  "Probability (from the model) an article needs to join its best event, else it "
                  "opens one (default: the model's own cut)")
      ->check(NumberIn(0.0, 1.0));
  cmd->add_option("--threshold", flags->threshold,
                  "Cosine an article needs to join an event under the cosine rule (0.2 when not "
                  "given)")
      ->check(NumberIn(0.0, 1.0));
  cmd->add_option("--window", c.window_days,
                  "Days around an event's span within which dated articles may join it (0: no "
                  "window)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--batch-size", flags->stream.batch_size, "Articles per store transaction")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--format", flags->format,
                  "jsonl: a line per article as it is stored; text: table of the events this "
                  "run touched; json: both in one document")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
  cmd->add_flag("--strict", flags->strict, "Stop at the first malformed input line or file");
  cmd->callback([flags, exit_code] { *exit_code = RunCluster(*flags); });
}

}  // namespace chorus::cli
