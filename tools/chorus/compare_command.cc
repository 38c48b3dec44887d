#include "compare_command.h"

#include <iostream>
#include <memory>
#include <string>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "cluster_input.h"

namespace chorus::cli {
namespace {

struct CompareFlags {
  ClusterInputFlags input;
  std::string format = "text";
};

int RunCompare(const CompareFlags& flags) {
  const Comparer comparer;
  return ForEachInputCluster(
      "compare", flags.input, [&](Cluster&& cluster, const ClusterAnalyzer& analyzer) {
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
      });
}

}  // namespace

void AddCompareCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* cmd = app.add_subcommand("compare",
                                     "What the sources agree on, where they differ, what only one "
                                     "reports, and how each frames it");
  AddClusterInputFlags(cmd, &flags->input, "Compare", /*stored_events=*/true);
  cmd->add_option("--format", flags->format, "Output: text, json (one line per cluster) or html")
      ->check(CLI::IsMember({"text", "json", "html"}))
      ->capture_default_str();
  cmd->callback([flags, exit_code] { *exit_code = RunCompare(*flags); });
}

}  // namespace chorus::cli
