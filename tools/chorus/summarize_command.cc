#include "summarize_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "chorus/analyzer.h"
#include "chorus/read_history.h"
#include "chorus/summarizer.h"
#include "chorus/summary_json.h"
#include "cluster_input.h"
#include "command.h"

namespace chorus::cli {
namespace {

struct SummarizeFlags {
  ClusterInputFlags input;
  std::string method = SummarizerMethods().front();
  std::optional<uint32_t> words, bytes, sentences;
  std::string format = "text";
  bool cite = false;
  std::string query;
  bool neutral = false;
  std::string since;  // YYYY-MM-DD: articles dated before it were read
};

int RunSummarize(const SummarizeFlags& flags) {
  Result<std::unique_ptr<Summarizer>> summarizer = MakeSummarizer(flags.method);
  if (!summarizer.ok()) {
    std::cerr << "chorus summarize: " << summarizer.status().message() << "\n";
    return kExitUsageError;
  }
  SummaryOptions options;
  options.query = flags.query;
  options.neutral = flags.neutral;
  if (flags.words) options.budget = {BudgetUnit::kWords, *flags.words};
  if (flags.bytes) options.budget = {BudgetUnit::kBytes, *flags.bytes};
  if (flags.sentences) options.budget = {BudgetUnit::kSentences, *flags.sentences};

  bool summarize_failed = false;
  size_t clusters = 0;
  // Earlier clusters of the input, for the "update_of" of later ones.
  ReadHistory history(ReadHistory::kDefaultMaxBytes / 4);
  // What the reader of `cluster` has read: the clusters it is an update of,
  // and with --since its own articles dated before.
  auto analyze_update = [&](const Cluster& cluster,
                            const ClusterAnalyzer& analyzer) -> Result<AnalyzedUpdate> {
    ASSIGN_OR_RETURN(Cluster read, history.ArticlesOf(cluster.update_of));
    if (flags.since.empty()) return AnalyzeUpdate(analyzer, read, cluster);
    ASSIGN_OR_RETURN(DateSplit split, SplitAtDate(cluster, flags.since));
    for (Document& d : split.before.documents) read.documents.push_back(std::move(d));
    return AnalyzeUpdate(analyzer, read, split.since);
  };
  auto summarize_cluster = [&](Cluster&& cluster, const ClusterAnalyzer& analyzer) -> Status {
    Result<Summary> summary = InternalError("not summarized");
    Result<AnalyzedUpdate> update = analyze_update(cluster, analyzer);
    if (update.ok()) {
      SummaryOptions cluster_options = options;
      if (!cluster.query.empty())
        cluster_options.query = cluster.query;  // --query is for clusters without one
      cluster_options.already_read = update->already_read();
      summary = (*summarizer)->Summarize(update->fresh, cluster_options);
    } else {
      summary = update.status();
    }
    if (!summary.ok()) {
      std::cerr << fmt::format("chorus summarize: cluster {}: {}\n", cluster.id,
                               summary.status().ToString());
      summarize_failed = true;
      history.Add(std::move(cluster));
      return flags.input.strict ? summary.status() : Status::Ok();
    }
    const AnalyzedCluster& analyzed = update->fresh;
    for (const std::string& warning : summary->warnings) {
      std::cerr << fmt::format("chorus summarize: cluster {}: warning: {}\n", cluster.id, warning);
    }
    if (flags.format == "text") {
      if (clusters > 0) std::cout << "\n";  // a blank line between clusters
      std::cout << SummaryToText(*summary, analyzed, flags.cite);
    } else {
      std::cout << SummaryToJson(*summary, analyzed, flags.format == "json" ? 2 : -1) << "\n";
    }
    std::cout.flush();  // a stream of clusters gives one summary as each is read
    ++clusters;
    history.Add(std::move(cluster));
    return Status::Ok();
  };
  const int exit_code = ForEachInputCluster("summarize", flags.input, summarize_cluster);
  return exit_code == kExitOk && summarize_failed ? kExitInputError : exit_code;
}

}  // namespace

void AddSummarizeCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<SummarizeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "summarize",
      "Summarize each cluster of articles: whole sentences within a budget (default 100 words), "
      "in reading order, each citing the documents that support it");
  AddClusterInputFlags(cmd, &flags->input, "Summarize", /*stored_events=*/true);

  std::string methods;
  for (const std::string& m : SummarizerMethods()) methods += (methods.empty() ? "" : ", ") + m;
  cmd->add_option("--method", flags->method, "Summarization method: " + methods)
      ->capture_default_str();
  CLI::Option* words =
      cmd->add_option("--words", flags->words, "Budget in words (whitespace-separated)")
          ->check(AtLeastOne());
  CLI::Option* bytes =
      cmd->add_option("--bytes", flags->bytes, "Budget in bytes (one separator between sentences)")
          ->check(AtLeastOne());
  CLI::Option* sentences =
      cmd->add_option("--sentences", flags->sentences, "Budget in sentences")->check(AtLeastOne());
  words->excludes(bytes)->excludes(sentences);
  bytes->excludes(sentences);
  cmd->add_option("--format", flags->format,
                  "Output: text (one sentence a line), json, or jsonl (one line a cluster)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  cmd->add_flag("--cite", flags->cite,
                "Text output: end each sentence with [supporting document ids]");
  cmd->add_option("--query", flags->query,
                  "Favour content about this text (query-focused summary), for clusters without "
                  "their own \"query\"");
  cmd->add_option(
      "--since", flags->since,
      "Update summary: what is new in articles dated DATE (YYYY-MM-DD) or later, for a reader "
      "who has read the earlier ones (with --event: the stored event's articles)");
  cmd->add_flag("--neutral", flags->neutral,
                "Prefer sentences without loaded terms (words outlets' headlines use and neutral "
                "editors avoid)");
  cmd->callback([flags, exit_code] {
    if (Result<DateSplit> valid = SplitAtDate(Cluster{}, flags->since);
        !flags->since.empty() && !valid.ok()) {
      std::cerr << "chorus summarize: --" << valid.status().message() << "\n";
      *exit_code = kExitUsageError;
      return;
    }
    *exit_code = RunSummarize(*flags);
  });
}

}  // namespace chorus::cli
