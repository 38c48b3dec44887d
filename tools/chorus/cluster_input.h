// The input of the commands that read clusters of articles (summarize,
// compare, sentences): INPUT files, directories, .jsonl or - for stdin, or,
// where a command offers it, one stored event (--event ID of --store); a
// cleaning rule file (--rules) and --strict. One place for these flags, their
// help, the check that exactly one kind of input is given, the diagnostics
// and the exit code, so the commands cannot drift apart.
//
//   ClusterInputFlags input;
//   AddClusterInputFlags(cmd, &input, "Summarize", /*stored_events=*/true);
//   ...
//   return ForEachInputCluster("summarize", input,
//       [&](Cluster&& c, const ClusterAnalyzer& analyzer) { ...; return Status::Ok(); });
#ifndef CHORUS_TOOLS_CHORUS_CLUSTER_INPUT_H_
#define CHORUS_TOOLS_CHORUS_CLUSTER_INPUT_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus::cli {

struct ClusterInputFlags {
  std::vector<std::string> inputs;
  std::string rules;                // cleaning rule file; empty: the built-in rules
  bool strict = false;              // stop at the first input error instead of skipping it
  std::string store = "chorus.db";  // with `event`: the store to read it from
  std::optional<int64_t> event;     // a stored event instead of inputs
};

// Registers INPUT, --rules and --strict on `cmd`, and with `stored_events`
// --event and --store; `verb` begins --event's help ("Summarize this event...").
void AddClusterInputFlags(CLI::App* cmd, ClusterInputFlags* flags, const std::string& verb,
                          bool stored_events);

using AnalyzedInputSink = std::function<Status(Cluster&&, const ClusterAnalyzer&)>;

// Reads the clusters `flags` name and calls `sink` with each and an analyzer
// cleaning with the --rules, in input order. Problems are printed to stderr as
// "chorus COMMAND: ..." (input diagnostics as they happen). Returns the exit
// code: kExitUsageError for inputs and --event both or neither given, or a
// bad --rules file; kExitInputError when any input was bad (skipped, or the
// run stopped under --strict) or `sink` failed; else kExitOk.
int ForEachInputCluster(const std::string& command, const ClusterInputFlags& flags,
                        const AnalyzedInputSink& sink);

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_CLUSTER_INPUT_H_
