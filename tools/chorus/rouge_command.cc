// `chorus rouge PEER MODEL...` or `chorus rouge --clusters C.jsonl --peers P.jsonl`:
// flags named like ROUGE-1.5.5.pl's, parsed into chorus::RougeOptions.
#include "rouge_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "chorus/rouge.h"

namespace chorus::cli {
namespace {

struct RougeFlags {
  RougeOptions options;
  std::vector<std::string> files;  // PEER MODEL...
  std::string clusters;
  std::string peers;
  std::string format = "official";
  bool strict = false;
  // Flags whose presence matters beyond their value.
  CLI::Option* ngram = nullptr;
  CLI::Option* skip = nullptr;
};

// File mode: the official script's -z SPL mode names the evaluation "1"
// and the system "X".
Result<std::vector<RougeTopic>> TopicFromFiles(const std::vector<std::string>& files) {
  RougeTopic topic;
  topic.id = "1";
  ASSIGN_OR_RETURN(std::string peer, ReadRougeSummaryFile(files[0]));
  topic.peers.push_back(RougePeer{"X", std::move(peer)});
  for (size_t k = 1; k < files.size(); ++k) {
    ASSIGN_OR_RETURN(std::string model, ReadRougeSummaryFile(files[k]));
    topic.models.push_back(std::move(model));
  }
  return std::vector<RougeTopic>{std::move(topic)};
}

int ExitCodeOf(const Status& status) {
  return status.code() == StatusCode::kInvalidArgument ? kExitUsageError : kExitInputError;
}

// Checks what CLI11 cannot express; prints the reason and returns false.
bool CheckUsage(const RougeFlags& flags) {
  std::string problem;
  if (flags.ngram != nullptr && flags.ngram->count() > 0 && flags.options.max_ngram == 0) {
    problem = "-n 0 computes nothing: give -n 1..4, or leave -n out for no ROUGE-N";
  } else if (flags.clusters.empty() != flags.peers.empty()) {
    problem = "--clusters and --peers go together";
  } else if (!flags.clusters.empty() && !flags.files.empty()) {
    problem = "give either PEER MODEL... files or --clusters/--peers, not both";
  } else if (flags.clusters.empty() && flags.files.size() < 2) {
    problem = "give a peer file and at least one model file, or --clusters C --peers P";
  } else if (Status status = ValidateRougeOptions(flags.options); !status.ok()) {
    problem = status.message();
  }
  if (problem.empty()) return true;
  std::cerr << "chorus rouge: " << problem << "\n";
  return false;
}

int RunRouge(const RougeFlags& flags) {
  if (!CheckUsage(flags)) return kExitUsageError;
  const RougeFormat format = flags.format == "json"    ? RougeFormat::kJson
                             : flags.format == "table" ? RougeFormat::kTable
                                                       : RougeFormat::kOfficial;
  int exit_code = kExitOk;
  std::vector<RougeTopic> topics;
  if (flags.clusters.empty()) {
    Result<std::vector<RougeTopic>> from_files = TopicFromFiles(flags.files);
    if (!from_files.ok()) {
      std::cerr << "chorus rouge: " << from_files.status().ToString() << "\n";
      return kExitInputError;
    }
    topics = std::move(*from_files);
  } else {
    Result<RougeDataset> dataset =
        ReadRougeDataset(flags.clusters, flags.peers, RougeDatasetOptions{flags.strict});
    if (!dataset.ok()) {
      std::cerr << "chorus rouge: " << dataset.status().ToString() << "\n";
      return kExitInputError;
    }
    for (const Status& error : dataset->errors) {
      std::cerr << "chorus rouge: " << error.ToString() << "\n";
    }
    for (const std::string& warning : dataset->warnings) {
      std::cerr << "chorus rouge: warning: " << warning << "\n";
    }
    if (!dataset->errors.empty()) {
      exit_code = kExitInputError;
      if (flags.strict) return exit_code;
    }
    topics = std::move(dataset->topics);
  }
  Result<std::unique_ptr<RougeScorer>> scorer = RougeScorer::Create(flags.options);
  if (!scorer.ok()) {
    std::cerr << "chorus rouge: " << scorer.status().ToString() << "\n";
    return ExitCodeOf(scorer.status());
  }
  Result<RougeReport> report = (*scorer)->Score(topics);
  if (!report.ok()) {
    std::cerr << "chorus rouge: " << report.status().ToString() << "\n";
    return kExitInputError;
  }
  for (const std::string& warning : report->warnings) {
    std::cerr << "chorus rouge: warning: " << warning << "\n";
  }
  if (report->per_topic.empty()) {
    std::cerr << "chorus rouge: nothing to score\n";
    return kExitInputError;
  }
  std::fputs(FormatRougeReport(*report, format, flags.options.confidence).c_str(), stdout);
  return exit_code;
}

}  // namespace

void AddRougeCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<RougeFlags>();
  RougeOptions& o = flags->options;
  CLI::App* cmd = app.add_subcommand(
      "rouge", "Score summaries with ROUGE-1.5.5 (exact official scores, official flags)");
  cmd->add_option("files", flags->files, "PEER MODEL... (one sentence a line)");
  cmd->add_option("--clusters", flags->clusters,
                  "JSONL of topics: {\"id\", \"references\": [one sentence a line, ...]}");
  cmd->add_option("--peers", flags->peers,
                  "JSONL of summaries: {\"id\", \"system\", \"summary\"} (string or "
                  "chorus summarize's array)");
  flags->ngram = cmd->add_option("-n", o.max_ngram, "compute ROUGE-1..N (1..4)");
  cmd->add_flag("-m", o.stem, "stem with the script's Porter stemmer (after WordNet exceptions)");
  cmd->add_flag("-s", o.remove_stopwords, "remove SMART stopwords");
  cmd->add_option("-l", o.word_limit, "use only the first N words of each summary");
  cmd->add_option("-b", o.byte_limit, "use only the first N bytes of each summary");
  flags->skip = cmd->add_option("-2", o.skip_distance,
                                "skip-bigrams with at most K words between (K < 0: no limit)");
  cmd->add_flag("-u", o.skip_unigrams, "count unigrams with skip-bigrams (needs -2)");
  cmd->add_flag_function(
      "-x", [&o](int64_t) { o.lcs = false; }, "do not compute ROUGE-L");
  cmd->add_option("-f", "scoring formula: A model average (default), B best model")
      ->check(CLI::IsMember({"A", "B"}))
      ->each([&o](const std::string& v) {
        o.formula = v == "B" ? RougeFormula::kBestModel : RougeFormula::kModelAverage;
      });
  cmd->add_option("--stemmer",
                  "-m stemmer: rouge155 (the script's own Porter, default; exact "
                  "parity) or snowball (libstemmer's porter, for comparison)")
      ->check(CLI::IsMember({"rouge155", "snowball"}))
      ->each([&o](const std::string& v) {
        o.stemmer = v == "snowball" ? RougeStemmer::kSnowballPorter : RougeStemmer::kRouge155;
      });
  cmd->add_option("-p", o.alpha, "F-measure weight ALPHA in [0, 1] (default 0.5)");
  cmd->add_option("-c", o.confidence, "confidence interval CF in percent (default 95)");
  cmd->add_option("-r", o.resamples, "bootstrap resamples (default 1000)");
  cmd->add_option("--seed", o.seed,
                  "resample i uses Perl's srand(seed + i); 0 (default) reproduces the script");
  cmd->add_option("--format", flags->format, "official (default), table or json")
      ->check(CLI::IsMember({"official", "table", "json"}));
  cmd->add_flag("--strict", flags->strict, "stop at the first malformed JSONL line");
  cmd->callback([flags, exit_code]() {
    flags->options.skip_bigram = flags->skip->count() > 0;
    *exit_code = RunRouge(*flags);
  });
}

}  // namespace chorus::cli
