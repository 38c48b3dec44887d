#include "train_clusterer_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "chorus/diagnostics.h"
#include "chorus/event_model.h"
#include "chorus/event_model_training.h"
#include "chorus/ingest.h"
#include "command.h"

namespace chorus::cli {
namespace {

struct TrainFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string before;  // only articles dated before this day
  bool strict = false;
  EventModelTrainingOptions training;
};

int RunTrain(const TrainFlags& flags) {
  Diagnostics diagnostics(
      [](const Diagnostic& d) { std::cerr << "chorus train-clusterer: " << d.ToString() << "\n"; });
  const int32_t before = flags.before.empty() ? ArticleRecord::kNoDay : ParseDay(flags.before);
  if (!flags.before.empty() && before == ArticleRecord::kNoDay) {
    std::cerr << "chorus train-clusterer: --before wants a date YYYY-MM-DD, not '" << flags.before
              << "'\n";
    return kExitUsageError;
  }
  std::vector<TrainingStream> streams;
  IngestOptions ingest;
  ingest.strict = flags.strict;
  for (const std::string& input : flags.inputs) {
    TrainingStream stream;
    stream.name = std::filesystem::path(input).filename().string();
    uint64_t later = 0;
    Status s = ReadLabelledArticles({input}, ingest, &diagnostics, [&](LabelledArticle&& a) {
      if (before != ArticleRecord::kNoDay && ParseDay(a.document.date) >= before) {
        ++later;  // undated articles are kept: they are not later
        return Status::Ok();
      }
      stream.articles.push_back(std::move(a));
      return Status::Ok();
    });
    if (!s.ok()) {
      if (!diagnostics.has_errors())
        std::cerr << "chorus train-clusterer: " << s.ToString() << "\n";
      return kExitInputError;
    }
    std::cerr << fmt::format(
        "chorus train-clusterer: {}: {} labelled articles{}\n", input, stream.articles.size(),
        later ? fmt::format(" ({} dated {} or later left out)", later, flags.before) : "");
    streams.push_back(std::move(stream));
  }
  EventModelTrainingOptions options = flags.training;
  options.progress = [](const std::string& line) {
    std::cerr << "chorus train-clusterer: " << line << "\n";
  };
  TrainingReport report;
  Result<std::string> model = TrainEventModel(streams, options, &report);
  if (!model.ok()) {
    std::cerr << "chorus train-clusterer: " << model.status().ToString() << "\n";
    return model.status().code() == StatusCode::kInvalidArgument ? kExitInputError : 1;
  }
  // The file must load as it will be loaded.
  auto check = EventModel::Parse(*model, flags.output);
  if (!check.ok()) {
    std::cerr << "chorus train-clusterer: " << check.status().ToString() << "\n";
    return 1;
  }
  std::ofstream out(flags.output, std::ios::binary | std::ios::trunc);
  out << *model;
  out.close();
  if (!out) {
    std::cerr << "chorus train-clusterer: cannot write " << flags.output << "\n";
    return kExitInputError;
  }
  std::cerr << fmt::format(
      "chorus train-clusterer: wrote {} ({} bytes, {} + {} trees) in {:.1f} CPU s: {} articles "
      "fed, "
      "{} candidate rows ({} of the gold event), {} decisions; the candidate search missed the "
      "gold event of {} of {} articles whose event already existed\n",
      flags.output, model->size(), (*check)->ranker_trees(), (*check)->decider_trees(),
      report.seconds, report.articles, report.ranker_rows, report.positive_rows,
      report.decider_rows, report.missed_gold, report.joining_articles);
  return diagnostics.has_errors() ? kExitInputError : kExitOk;
}

}  // namespace

void AddTrainClustererCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<TrainFlags>();
  CLI::App* cmd = app.add_subcommand(
      "train-clusterer",
      "Train the event clusterer's model from labelled article streams (JSON Lines with an "
      "\"event\" field, or cluster lines), one stream per input file");
  cmd->add_option("inputs", flags->inputs, "Labelled streams, one per file")->required();
  cmd->add_option("-o,--output", flags->output, "Model file to write")->required();
  cmd->add_option("--before", flags->before,
                  "Train only on articles dated before this day (YYYY-MM-DD); later ones are held "
                  "out");
  EventModelTrainingOptions& t = flags->training;
  cmd->add_option("--rounds", t.rounds, "Trees in the ranker and in the decider")
      ->capture_default_str()
      ->check(CLI::Range(1u, 10000u));
  cmd->add_option("--depth", t.depth, "Largest depth of a tree")
      ->capture_default_str()
      ->check(CLI::Range(1u, 16u));
  cmd->add_option("--learning-rate", t.learning_rate, "Shrinkage of each tree")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 1.0));
  cmd->add_option("--undated-articles", t.undated_articles,
                  "Articles of each stream fed again undated, without outlets and shuffled (0: "
                  "none)")
      ->capture_default_str();
  cmd->add_option("--holdout", t.holdout,
                  "Share of each stream (its latest articles) held out to choose the join "
                  "probability (0: keep 0.5)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.5));
  cmd->add_option("--policy-rounds", t.policy_rounds,
                  "Rounds of rows judged against the model's own events (DAgger)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 5u));
  cmd->add_flag("--monotone", t.monotone,
                "Never let the trees' score fall as a similarity feature (a cosine, shared names, "
                "...) rises");
  cmd->add_option("--ignore-features", t.ignored_features,
                  "Features the model must not use, comma-separated (names as in the model file's "
                  "features line)")
      ->delimiter(',');
  cmd->add_option("--seed", t.seed, "Seed of the shuffles and row sampling")->capture_default_str();
  cmd->add_option("--threads", t.threads, "XGBoost threads")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("--strict", flags->strict, "Stop at the first malformed input line or file");
  cmd->callback([flags, exit_code] { *exit_code = RunTrain(*flags); });
}

}  // namespace chorus::cli
