#include "eval_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "chorus/eval.h"

namespace chorus::cli {
namespace {

struct EvalFlags {
  std::string dataset;
  EvalOptions options;
  uint32_t words = 0;
  uint32_t bytes = 0;
  std::string format = "table";
  bool quiet = false;
};

// One stderr line per finished stage, plus a live counter on a terminal.
EvalProgressCallback StderrProgress() {
  const bool tty = isatty(fileno(stderr));
  return [tty](const EvalProgress& p) {
    if (p.done == p.total) {
      fmt::print(stderr, "{}eval: {} {}/{}\n", tty ? "\r" : "", p.stage, p.done, p.total);
    } else if (tty) {
      fmt::print(stderr, "\reval: {} {}/{}", p.stage, p.done, p.total);
    }
  };
}

int Run(EvalFlags& flags) {
  if (flags.words > 0) flags.options.budget = SummaryBudget{BudgetUnit::kWords, flags.words};
  if (flags.bytes > 0) flags.options.budget = SummaryBudget{BudgetUnit::kBytes, flags.bytes};
  Diagnostics diagnostics([](const Diagnostic& d) { std::cerr << d.ToString() << "\n"; });
  Result<EvalReport> report =
      RunEvalOnFile(flags.dataset, flags.options, &diagnostics,
                    flags.quiet ? EvalProgressCallback{} : StderrProgress());
  if (!report.ok()) {
    std::cerr << "chorus eval: " << report.status().ToString() << "\n";
    return report.status().code() == StatusCode::kInvalidArgument ? kExitUsageError
                                                                  : kExitInputError;
  }
  for (const std::string& warning : report->warnings) {
    std::cerr << "chorus eval: warning: " << warning << "\n";
  }
  std::cout << FormatEvalReport(*report,
                                flags.format == "json" ? EvalFormat::kJson : EvalFormat::kTable);
  return diagnostics.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Summarize a benchmark with chorus's methods and score them with ROUGE-1.5.5");
  cmd->add_option("dataset", flags->dataset, "Clusters JSONL with human references")->required();
  std::vector<std::string> presets;
  for (const EvalPreset& p : EvalPresets()) presets.push_back(p.name);
  cmd->add_option("--preset", flags->options.preset,
                  "ROUGE flags and budget: duc2004 (-n 2 -m -l 100 -2 4 -u, 100 words) or "
                  "multinews (-l 300, 300 words)")
      ->check(CLI::IsMember(presets))
      ->capture_default_str();
  cmd->add_option("--methods", flags->options.methods,
                  "Comma-separated methods (default: all that `chorus summarize` knows)")
      ->delimiter(',');
  auto* words = cmd->add_option("--words", flags->words, "Budget in words (overrides the preset)")
                    ->check(AtLeastOne());
  cmd->add_option("--bytes", flags->bytes, "Budget in bytes (overrides the preset)")
      ->check(AtLeastOne())
      ->excludes(words);
  cmd->add_option("--rouge-flags", flags->options.rouge_flags,
                  "ROUGE-1.5.5 flags (overrides the preset), e.g. \"-n 2 -m -b 665 -2 4 -u\"");
  cmd->add_option("--peers", flags->options.peers_path,
                  "Published systems' summaries ({\"id\",\"system\",\"summary\"} JSONL) to score "
                  "alongside");
  cmd->add_option("--format", flags->format, "table or json (json adds P, F and intervals)")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->add_option("--jobs", flags->options.jobs, "Threads summarizing clusters")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  cmd->add_flag("--quiet", flags->quiet, "No progress on stderr");
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace chorus::cli
