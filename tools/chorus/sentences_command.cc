// `chorus sentences`: reads inputs, cleans and splits them with the library's
// ClusterAnalyzer, and prints one sentence a line (text or JSON Lines).
#include "sentences_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "chorus/analyzer.h"
#include "chorus/sentence_json.h"
#include "cluster_input.h"

namespace chorus::cli {
namespace {

struct SentencesFlags {
  ClusterInputFlags input;
  std::string format = "text";
  bool explain = false;
};

void PrintSentences(const AnalyzedCluster& cluster, bool json) {
  std::string out;
  for (const AnalyzedSentence& s : cluster.sentences) {
    if (json) {
      out += SentenceToJson(cluster, s) + '\n';
    } else {
      out += fmt::format("{}\t{}\t{}\n", cluster.documents[s.sentence.doc].id, s.sentence.index,
                         s.sentence.text);
    }
  }
  std::cout << out;
}

void PrintRemovals(const AnalyzedCluster& cluster) {
  for (const Removal& r : cluster.removals) {
    std::cerr << fmt::format("removed [{}] {}: {}\n", r.rule, r.doc_id, r.text);
  }
}

int Run(const SentencesFlags& flags) {
  return ForEachInputCluster("sentences", flags.input,
                             [&](Cluster&& cluster, const ClusterAnalyzer& analyzer) {
                               const AnalyzedCluster analyzed = analyzer.Analyze(cluster);
                               PrintSentences(analyzed, flags.format == "json");
                               if (flags.explain) PrintRemovals(analyzed);
                               return Status::Ok();
                             });
}

}  // namespace

void AddSentencesCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<SentencesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "sentences", "Print the cleaned, split sentences of each document (doc<TAB>index<TAB>text)");
  AddClusterInputFlags(cmd, &flags->input, "", /*stored_events=*/false);
  cmd->add_option("--format", flags->format, "Output format: text or json (one object a line)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--explain", flags->explain, "Print each removal (rule, document, text) to stderr");
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace chorus::cli
