// `chorus sentences`: reads inputs, cleans and splits them with the library's
// ClusterAnalyzer, and prints one sentence a line (text or JSON Lines).
#include "sentences_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/cleaner.h"
#include "chorus/diagnostics.h"
#include "chorus/ingest.h"
#include "chorus/sentence_json.h"

namespace chorus::cli {
namespace {

struct SentencesFlags {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string rules_path;
  bool explain = false;
  bool strict = false;
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
  std::unique_ptr<Cleaner> custom;
  if (!flags.rules_path.empty()) {
    Result<Cleaner> cleaner = Cleaner::FromRuleFile(flags.rules_path);
    if (!cleaner.ok()) {
      std::cerr << "chorus: " << cleaner.status().ToString() << "\n";
      return kExitUsageError;
    }
    custom = std::make_unique<Cleaner>(std::move(cleaner).value());
  }
  ClusterAnalyzer analyzer({}, custom ? *custom : Cleaner::Default());

  Diagnostics diagnostics([](const Diagnostic& d) { std::cerr << d.ToString() << "\n"; });
  IngestOptions options;
  options.strict = flags.strict;
  const bool json = flags.format == "json";
  Status status = ReadClusters(flags.inputs, options, &diagnostics, [&](Cluster&& cluster) {
    AnalyzedCluster analyzed = analyzer.Analyze(cluster);
    PrintSentences(analyzed, json);
    if (flags.explain) PrintRemovals(analyzed);
    return Status::Ok();
  });
  std::cout.flush();
  // Input problems were printed as they happened; print only what was not.
  if (!status.ok() && !diagnostics.has_errors()) std::cerr << "chorus: " << status.ToString() << "\n";
  return status.ok() && !diagnostics.has_errors() ? kExitOk : kExitInputError;
}

}  // namespace

void AddSentencesCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<SentencesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "sentences", "Print the cleaned, split sentences of each document (doc<TAB>index<TAB>text)");
  cmd->add_option("INPUT", flags->inputs,
                  "Article files, directories, .jsonl files, or - for standard input")
      ->required();
  cmd->add_option("--format", flags->format, "Output format: text or json (one object a line)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--rules", flags->rules_path, "Cleaning rule file replacing the built-in rules")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--explain", flags->explain, "Print each removal (rule, document, text) to stderr");
  cmd->add_flag("--strict", flags->strict, "Stop at the first input error");
  cmd->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace chorus::cli
