#include "compare_command.h"

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/cleaner.h"
#include "chorus/compare.h"
#include "chorus/diagnostics.h"
#include "chorus/ingest.h"
#include "chorus/store.h"
#include "command.h"

namespace chorus::cli {
namespace {

struct CompareFlags {
  std::vector<std::string> inputs;
  std::string format = "text";
  bool strict = false;
  std::string rules;
  std::string store = "chorus.db";  // with --event: read the event from this store
  std::optional<int64_t> event;
};

int RunCompare(const CompareFlags& flags) {
  std::unique_ptr<Cleaner> custom;
  if (!flags.rules.empty()) {
    // A bad --rules value is a usage error, as in summarize and sentences.
    Result<Cleaner> cleaner = Cleaner::FromRuleFile(flags.rules);
    if (!cleaner.ok()) {
      std::cerr << "chorus compare: " << cleaner.status().ToString() << "\n";
      return kExitUsageError;
    }
    custom = std::make_unique<Cleaner>(std::move(cleaner).value());
  }
  const ClusterAnalyzer analyzer(AnalyzerOptions{}, custom ? *custom : Cleaner::Default());
  const Comparer comparer;
  Diagnostics diagnostics([](const Diagnostic& d) { std::cerr << d.ToString() << "\n"; });
  IngestOptions ingest;
  ingest.strict = flags.strict;
  auto compare_cluster = [&](Cluster&& cluster) {
    const Comparison comparison = comparer.Compare(analyzer.Analyze(cluster));
    for (const std::string& warning : comparison.warnings) {
      std::cerr << "chorus compare: cluster " << cluster.id << ": warning: " << warning << "\n";
    }
    if (flags.format == "json") {
      std::cout << ComparisonToJson(comparison) << "\n";
    } else if (flags.format == "html") {
      std::cout << ComparisonToHtml(comparison);
    } else {
      std::cout << ComparisonToText(comparison) << "\n";
    }
    return Status::Ok();
  };
  Status status;
  if (flags.event) {
    // A stored event (`chorus cluster` wrote it): its articles, copies left out.
    Result<Cluster> cluster = LoadEventWithinCaps(flags.store, *flags.event, "compare");
    status = cluster.ok() ? compare_cluster(std::move(*cluster)) : cluster.status();
  } else {
    status = ReadClusters(flags.inputs, ingest, &diagnostics, compare_cluster);
  }
  if (!status.ok()) {
    // Input problems were printed as they happened; print only what was not.
    if (!diagnostics.has_errors()) std::cerr << "chorus compare: " << status.ToString() << "\n";
    return kExitInputError;
  }
  return diagnostics.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace

void AddCompareCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "What the sources agree on, where they differ, what only one reports, and how each frames it");
  cmd->add_option("INPUT", flags->inputs,
                  "Article files or a directory (one cluster), or .jsonl clusters; - for stdin");
  CLI::Option* event = cmd->add_option("--event", flags->event,
                                       "Compare this event of the --store instead of inputs");
  cmd->add_option("--store", flags->store, "Event store written by `chorus cluster` (with --event)")
      ->capture_default_str();
  cmd->add_option("--format", flags->format, "Output: text, json (one line per cluster) or html")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  cmd->add_flag("--strict", flags->strict, "Stop at the first malformed input instead of skipping it");
  cmd->add_option("--rules", flags->rules, "Cleaning rule file replacing the built-in rules");
  cmd->callback([flags, exit_code, event] {
    if (flags->inputs.empty() == (event->count() == 0)) {
      std::cerr << "chorus compare: give input files, or --event ID (with --store), not both\n";
      *exit_code = kExitUsageError;
      return;
    }
    *exit_code = RunCompare(*flags);
  });
}

}  // namespace chorus::cli
