#include "summarize_command.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/ingest.h"
#include "chorus/read_history.h"
#include "chorus/store.h"
#include "chorus/summarizer.h"
#include "chorus/summary_json.h"

namespace chorus::cli {
namespace {

struct SummarizeFlags {
  std::vector<std::string> inputs;
  std::string method = SummarizerMethods().front();
  std::optional<uint32_t> words, bytes, sentences;
  std::string format = "text";
  bool cite = false;
  std::string query;
  bool neutral = false;
  std::string since;  // YYYY-MM-DD: articles dated before it were read
  bool strict = false;
  std::string rules;
  std::string store = "chorus.db";  // with --event: read the event from this store
  std::optional<int64_t> event;
};

int RunSummarize(const SummarizeFlags& flags) {
  Result<std::unique_ptr<Summarizer>> summarizer = MakeSummarizer(flags.method);
  if (!summarizer.ok()) {
    std::cerr << "chorus summarize: " << summarizer.status().message() << "\n";
    return kExitUsageError;
  }
  std::optional<Cleaner> custom_cleaner;
  if (!flags.rules.empty()) {
    Result<Cleaner> cleaner = Cleaner::FromRuleFile(flags.rules);
    if (!cleaner.ok()) {
      std::cerr << "chorus summarize: " << cleaner.status().ToString() << "\n";
      return kExitUsageError;
    }
    custom_cleaner.emplace(std::move(*cleaner));
  }
  const ClusterAnalyzer analyzer({}, custom_cleaner ? *custom_cleaner : Cleaner::Default());

  SummaryOptions options;
  options.query = flags.query;
  options.neutral = flags.neutral;
  if (flags.words) options.budget = {BudgetUnit::kWords, *flags.words};
  if (flags.bytes) options.budget = {BudgetUnit::kBytes, *flags.bytes};
  if (flags.sentences) options.budget = {BudgetUnit::kSentences, *flags.sentences};

  Diagnostics diagnostics([](const Diagnostic& d) { std::cerr << d.ToString() << "\n"; });
  IngestOptions ingest;
  ingest.strict = flags.strict;
  bool summarize_failed = false;
  size_t clusters = 0;
  // Earlier clusters of the input, for the "update_of" of later ones.
  ReadHistory history(ReadHistory::kDefaultMaxBytes / 4);
  // What the reader of `cluster` has read: the clusters it is an update of,
  // and with --since its own articles dated before.
  auto analyze_update = [&](const Cluster& cluster) -> Result<AnalyzedUpdate> {
    ASSIGN_OR_RETURN(Cluster read, history.ArticlesOf(cluster.update_of));
    if (flags.since.empty()) return AnalyzeUpdate(analyzer, read, cluster);
    ASSIGN_OR_RETURN(DateSplit split, SplitAtDate(cluster, flags.since));
    for (Document& d : split.before.documents) read.documents.push_back(std::move(d));
    return AnalyzeUpdate(analyzer, read, split.since);
  };
  auto summarize_cluster = [&](Cluster&& cluster) -> Status {
    Result<Summary> summary = InternalError("not summarized");
    Result<AnalyzedUpdate> update = analyze_update(cluster);
    if (update.ok()) {
      SummaryOptions cluster_options = options;
      if (!cluster.query.empty()) cluster_options.query = cluster.query;  // --query is for clusters without one
      cluster_options.already_read = update->already_read();
      summary = (*summarizer)->Summarize(update->fresh, cluster_options);
    } else {
      summary = update.status();
    }
    if (!summary.ok()) {
      std::cerr << fmt::format("chorus summarize: cluster {}: {}\n", cluster.id, summary.status().ToString());
      summarize_failed = true;
      history.Add(std::move(cluster));
      return flags.strict ? summary.status() : Status::Ok();
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
  Status status;
  if (flags.event) {
    // A stored event (`chorus cluster` wrote it): its articles, copies left out.
    Result<Cluster> cluster = LoadEventWithinCaps(flags.store, *flags.event, "summarize");
    status = cluster.ok() ? summarize_cluster(std::move(*cluster)) : cluster.status();
  } else {
    status = ReadClusters(flags.inputs, ingest, &diagnostics, summarize_cluster);
  }
  if (!status.ok()) {
    // Input problems were printed as they happened; print only what was not.
    if (!diagnostics.has_errors()) std::cerr << "chorus summarize: " << status.ToString() << "\n";
    return kExitInputError;
  }
  return diagnostics.has_errors() || summarize_failed ? kExitInputError : kExitOk;
}

}  // namespace

void AddSummarizeCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<SummarizeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "summarize",
      "Summarize each cluster of articles: whole sentences within a budget (default 100 words), "
      "in reading order, each citing the documents that support it");
  cmd->add_option("inputs", flags->inputs,
                  "Article files, a directory of articles (one cluster), clusters .jsonl, or - for stdin");
  CLI::Option* event = cmd->add_option("--event", flags->event,
                                       "Summarize this event of the --store instead of inputs");
  cmd->add_option("--store", flags->store, "Event store written by `chorus cluster` (with --event)")
      ->capture_default_str();

  std::string methods;
  for (const std::string& m : SummarizerMethods()) methods += (methods.empty() ? "" : ", ") + m;
  cmd->add_option("--method", flags->method, "Summarization method: " + methods)->capture_default_str();
  CLI::Option* words = cmd->add_option("--words", flags->words, "Budget in words (whitespace-separated)")
                           ->check(AtLeastOne());
  CLI::Option* bytes =
      cmd->add_option("--bytes", flags->bytes, "Budget in bytes (one separator between sentences)")
          ->check(AtLeastOne());
  CLI::Option* sentences =
      cmd->add_option("--sentences", flags->sentences, "Budget in sentences")->check(AtLeastOne());
  words->excludes(bytes)->excludes(sentences);
  bytes->excludes(sentences);
  cmd->add_option("--format", flags->format, "Output: text (one sentence a line), json, or jsonl (one line a cluster)")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  cmd->add_flag("--cite", flags->cite, "Text output: end each sentence with [supporting document ids]");
  cmd->add_option("--query", flags->query,
                  "Favour content about this text (query-focused summary), for clusters without their own \"query\"");
  cmd->add_option("--since", flags->since,
                  "Update summary: what is new in articles dated DATE (YYYY-MM-DD) or later, for a reader "
                  "who has read the earlier ones (with --event: the stored event's articles)");
  cmd->add_flag("--neutral", flags->neutral,
                "Avoid sentences with loaded terms (words outlets' headlines use and neutral editors avoid)");
  cmd->add_flag("--strict", flags->strict, "Stop at the first input error");
  cmd->add_option("--rules", flags->rules, "Cleaning rule file replacing the default rules");
  cmd->callback([flags, exit_code, event] {
    if (flags->inputs.empty() == (event->count() == 0)) {
      std::cerr << "chorus summarize: give input files, or --event ID (with --store), not both\n";
      *exit_code = kExitUsageError;
      return;
    }
    if (Result<DateSplit> valid = SplitAtDate(Cluster{}, flags->since); !flags->since.empty() && !valid.ok()) {
      std::cerr << "chorus summarize: --" << valid.status().message() << "\n";
      *exit_code = kExitUsageError;
      return;
    }
    *exit_code = RunSummarize(*flags);
  });
}

}  // namespace chorus::cli
