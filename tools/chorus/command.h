// How subcommands plug into the `chorus` binary.
//
// Each subcommand lives in its own <name>_command.cc and exposes one Add...Command
// function that registers its flags on the app and a callback that runs it.
// The callback stores its exit code in `*exit_code`: 0 ok, 1 input error,
// 2 usage error (CLI11 parse errors are mapped to 2 by main). Commands hold no
// logic of their own: they parse flags into the library's option structs, call
// the library and render its results.
#ifndef CHORUS_TOOLS_CHORUS_COMMAND_H_
#define CHORUS_TOOLS_CHORUS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "chorus/ingest.h"
#include "chorus/store.h"

namespace chorus::cli {

enum ExitCode : int { kExitOk = 0, kExitInputError = 1, kExitUsageError = 2 };

// A number in [lo, hi]. CLI::Range lets "nan" through (every comparison
// with NaN is false); this does not.
inline CLI::Validator NumberIn(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !(value >= lo && value <= hi)) {
          return "Value " + text + " not in range [" + CLI::detail::to_string(lo) + " - " +
                 CLI::detail::to_string(hi) + "]";
        }
        return std::string();
      },
      "NUMBER in [" + CLI::detail::to_string(lo) + " - " + CLI::detail::to_string(hi) + "]");
}

// A whole number of at least 1. CLI::PositiveNumber's message for 0 prints
// the range up to DBL_MAX as a 300-digit number; this says what is wanted.
inline CLI::Validator AtLeastOne() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !(value >= 1)) {
          return "must be a whole number of at least 1, not " + text;
        }
        return std::string();
      },
      "POSITIVE");
}

// Stored event `event` of `store` as a cluster (copies left out), within
// the text one cluster read from a file may hold (IngestOptions::
// max_cluster_bytes; a sample spread over the event past it, with a warning
// naming `command`), so that an event of 100k articles is summarized or
// compared in bounded memory.
inline Result<Cluster> LoadEventWithinCaps(const std::string& store, int64_t event,
                                           const std::string& command) {
  uint64_t omitted = 0;
  Result<Cluster> cluster = LoadStoredEvent(
      store, event, false, {.max_text_bytes = IngestOptions{}.max_cluster_bytes}, &omitted);
  if (cluster.ok() && omitted > 0) {
    std::cerr << "chorus " << command << ": warning: event " << event << " has more than "
              << IngestOptions{}.max_cluster_bytes << " bytes of article text; " << omitted
              << " of its articles were left out (the rest are spread over its dates)\n";
  }
  return cluster;
}

}  // namespace chorus::cli

#endif  // CHORUS_TOOLS_CHORUS_COMMAND_H_
