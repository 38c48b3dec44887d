#include "cluster_input.h"

#include <iostream>

#include "chorus/cleaner.h"
#include "chorus/diagnostics.h"
#include "chorus/ingest.h"
#include "command.h"

namespace chorus::cli {

void AddClusterInputFlags(CLI::App* cmd, ClusterInputFlags* flags, const std::string& verb,
                          bool stored_events) {
  CLI::Option* input = cmd->add_option(
      "INPUT", flags->inputs,
      "Article files, a directory of articles (one cluster), clusters .jsonl, or - for standard "
      "input");
  if (!stored_events) input->required();
  if (stored_events) {
    cmd->add_option("--event", flags->event, verb + " this event of the --store instead of inputs");
    cmd->add_option("--store", flags->store,
                    "Event store written by `chorus cluster` (with --event)")
        ->capture_default_str();
  }
  cmd->add_flag("--strict", flags->strict,
                "Stop at the first malformed input instead of skipping it");
  cmd->add_option("--rules", flags->rules, "Cleaning rule file replacing the built-in rules");
}

int ForEachInputCluster(const std::string& command, const ClusterInputFlags& flags,
                        const AnalyzedInputSink& sink) {
  const std::string prefix = "chorus " + command + ": ";
  if (flags.inputs.empty() == !flags.event.has_value()) {
    std::cerr << prefix << "give input files, or --event ID (with --store), not both\n";
    return kExitUsageError;
  }
  std::optional<Cleaner> custom;
  if (!flags.rules.empty()) {
    Result<Cleaner> cleaner = Cleaner::FromRuleFile(flags.rules);
    if (!cleaner.ok()) {
      std::cerr << prefix << cleaner.status().ToString() << "\n";
      return kExitUsageError;
    }
    custom.emplace(std::move(*cleaner));
  }
  const ClusterAnalyzer analyzer({}, custom ? *custom : Cleaner::Default());
  Diagnostics diagnostics([](const Diagnostic& d) { std::cerr << d.ToString() << "\n"; });
  Status status;
  if (flags.event) {
    // A stored event (`chorus cluster` wrote it): its articles, copies left out.
    Result<Cluster> cluster = LoadEventWithinCaps(flags.store, *flags.event, command);
    status = cluster.ok() ? sink(std::move(*cluster), analyzer) : cluster.status();
  } else {
    IngestOptions ingest;
    ingest.strict = flags.strict;
    status = ReadClusters(flags.inputs, ingest, &diagnostics,
                          [&](Cluster&& cluster) { return sink(std::move(cluster), analyzer); });
  }
  std::cout.flush();
  if (!status.ok()) {
    // Input problems were printed as they happened; print only what was not.
    if (!diagnostics.has_errors()) std::cerr << prefix << status.ToString() << "\n";
    return kExitInputError;
  }
  return diagnostics.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace chorus::cli
