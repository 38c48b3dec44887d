// The learned event clusterer on the shared labelled streams, trained on the
// earlier part of each and scored on the later part, fed in time order (the
// issue's bench):
//   UCI headlines: trained on 10 March - 30 April 2014, scored on the first
//                  30,000 headlines of May (file order, and with the order
//                  within each day shuffled, since the file groups each day's
//                  headlines by story);
//   GVA articles:  trained on 2013-2014, scored on 2015.
// One model is trained on both training parts (as `chorus train-clusterer
// uci.jsonl gva.jsonl --before ...` would) and judges both test parts, beside
// earlier releases' cosine rule (today's clusterer) and a plain single-pass
// TF-IDF centroid clusterer at its best threshold. `--train-also` adds whole
// labelled streams to the training (the AllSides stream of
// tools/train/allsides_event_streams.py), `--score-also` scores more (its
// held-out dev stream).
//
//   build/bench/event_stream_bench [--model FILE] [--save-model FILE] [--rounds N] ...
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "bench_data.h"
#include "chorus/cluster_metrics.h"
#include "chorus/clusterer.h"
#include "chorus/diagnostics.h"
#include "chorus/event_model.h"
#include "chorus/event_model_training.h"
#include "chorus/ingest.h"
#include "cluster/gold_evaluation.h"
#include "fmt/format.h"

namespace chorus {
namespace {

using bench::DataPath;

std::vector<LabelledArticle> Load(const std::string& path) {
  std::vector<LabelledArticle> out;
  Diagnostics diagnostics;
  Status s = ReadLabelledArticles({path}, {}, &diagnostics, [&](LabelledArticle&& a) {
    out.push_back(std::move(a));
    return Status::Ok();
  });
  if (!s.ok()) std::fprintf(stderr, "%s\n", s.ToString().c_str());
  return out;
}

struct Split {
  std::string name;
  std::vector<LabelledArticle> train, test;
};

// Articles dated before `cut` train; the first `test_limit` (0: all) of the
// others are scored.
Split SplitAt(const char* name, std::vector<LabelledArticle> all, const char* cut,
              size_t test_limit) {
  Split s;
  s.name = name;
  const int32_t day = ParseDay(cut);
  for (LabelledArticle& a : all) {
    if (ParseDay(a.document.date) < day) {
      s.train.push_back(std::move(a));
    } else if (test_limit == 0 || s.test.size() < test_limit) {
      s.test.push_back(std::move(a));
    }
  }
  return s;
}

// The same articles with the order within each day shuffled (seeded).
std::vector<LabelledArticle> ShuffleWithinDays(std::vector<LabelledArticle> articles,
                                               uint32_t seed) {
  std::mt19937 rng(seed);
  size_t begin = 0;
  while (begin < articles.size()) {
    size_t end = begin;
    while (end < articles.size() && articles[end].document.date == articles[begin].document.date)
      ++end;
    for (size_t i = end - begin; i > 1; --i) {
      std::swap(articles[begin + i - 1], articles[begin + rng() % i]);
    }
    begin = end;
  }
  return articles;
}

// The same articles as a collection rather than a feed: all shuffled (seeded),
// with their dates and outlets, or without (as an archive or a folder of
// pages may come).
std::vector<LabelledArticle> Shuffled(std::vector<LabelledArticle> articles, uint32_t seed,
                                      bool keep_dates) {
  std::mt19937 rng(seed);
  for (size_t i = articles.size(); i > 1; --i) std::swap(articles[i - 1], articles[rng() % i]);
  if (!keep_dates) {
    for (LabelledArticle& a : articles) a.document.date.clear(), a.document.source.clear();
  }
  return articles;
}

struct Run {
  ClusteringScores scores;
  double seconds = 0;
};

Run Cluster(const std::vector<LabelledArticle>& articles, const ClustererOptions& options) {
  std::map<std::string, int64_t> gold_ids;
  std::vector<int64_t> gold, predicted;
  const std::clock_t start = std::clock();
  EventClusterer clusterer(options);
  for (const LabelledArticle& a : articles) {
    gold.push_back(gold_ids.emplace(a.event, gold_ids.size()).first->second);
    predicted.push_back(clusterer.Add(a.document).event);
  }
  for (int64_t& p : predicted) p = clusterer.CurrentEvent(p);
  Run run;
  run.seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  run.scores = ScoreClustering(gold, predicted);
  return run;
}

// A plain single-pass TF-IDF centroid clusterer: untruncated centroids of
// unweighted log-tf vectors, every event sharing a term is a candidate, no
// dates, no copies; the cosine rule with nothing else.
ClustererOptions PlainCentroid(double threshold) {
  ClustererOptions o;
  o.rule = SimilarityRule::kCosine;
  o.threshold = threshold;
  o.window_days = 0;
  o.decay_days = 0;
  o.dated_boost = 0;
  o.title_weight = 1;
  o.name_weight = 1;
  o.centroid_terms = 1u << 20;
  o.index_terms = 1u << 20;
  o.query_terms = 1u << 20;
  o.duplicate_jaccard = 2;  // never
  return o;
}

std::string Row(const std::string& what, const Run& r) {
  const ClusteringScores& s = r.scores;
  return fmt::format("| {} | {:.3f} | {:.3f} | **{:.3f}** | {:.3f} | {} | {:.1f} |\n", what,
                     s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, s.adjusted_rand,
                     s.predicted_clusters, r.seconds);
}

void Report(const Split& split,
            const std::vector<std::pair<std::string, std::vector<LabelledArticle>>>& orders,
            const ClustererOptions& learned, const std::vector<double>& sweep, bool baselines) {
  std::printf("\n%s: trained on %zu articles, scored on %zu\n\n", split.name.c_str(),
              split.train.size(), split.test.size());
  std::printf(
      "| clusterer, order | B-cubed P | R | F1 | ARI | events | CPU s "
      "|\n|---|---|---|---|---|---|---|\n");
  for (const auto& [order, articles] : orders) {
    std::map<std::string, int> events;
    for (const LabelledArticle& a : articles) ++events[a.event];
    std::printf("%s", Row(fmt::format("learned model, {} ({} gold events)", order, events.size()),
                          Cluster(articles, learned))
                          .c_str());
    for (double p : sweep) {
      ClustererOptions o = learned;
      o.join_probability = p;
      std::printf("%s", Row(fmt::format("learned model, join probability {:.2f}, {}", p, order),
                            Cluster(articles, o))
                            .c_str());
    }
    std::fflush(stdout);
    if (!baselines) continue;
    ClustererOptions today;
    today.rule = SimilarityRule::kCosine;
    std::printf("%s", Row(fmt::format("today's clusterer (cosine rule), {}", order),
                          Cluster(articles, today))
                          .c_str());
    std::fflush(stdout);
    Run best;
    double best_threshold = 0;
    for (double t : {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7}) {
      const Run r = Cluster(articles, PlainCentroid(t));
      if (r.scores.bcubed_f1 > best.scores.bcubed_f1) best = r, best_threshold = t;
    }
    std::printf("%s", Row(fmt::format("plain TF-IDF centroid, best threshold {:.2f}, {}",
                                      best_threshold, order),
                          best)
                          .c_str());
    std::fflush(stdout);
  }
}

// How much the clustering depends on where the stream starts: the whole
// stream clustered once from its first article and once from article `skip`,
// the two scored against each other (B-cubed, the full run as reference) on
// the articles both saw. A clusterer whose decisions depend on a bounded
// recent past agrees closely, which is what lets partitions of a stream be
// clustered apart and stitched (chorus/partitioned_clustering.h).
void ReportStartAgreement(const std::string& path, size_t skip, const ClustererOptions& options) {
  const std::vector<LabelledArticle> all = Load(path);
  if (skip >= all.size()) return;
  auto run = [&](size_t from) {
    EventClusterer clusterer(options);
    std::vector<int64_t> events;
    for (size_t i = from; i < all.size(); ++i)
      events.push_back(clusterer.Add(all[i].document).event);
    return events;
  };
  const std::vector<int64_t> full = run(0), late = run(skip);
  const std::vector<int64_t> reference(full.begin() + static_cast<std::ptrdiff_t>(skip),
                                       full.end());
  const ClusteringScores s = ScoreClustering(reference, late);
  std::printf(
      "\nStart agreement on %s: started %zu articles later vs from the start, on the %zu "
      "articles both clustered: B-cubed P %.4f R %.4f F1 **%.4f**\n",
      path.c_str(), skip, late.size(), s.bcubed_precision, s.bcubed_recall, s.bcubed_f1);
}

// DUC 2004 and Multi-News 200 as the quality test feeds them (shuffled, seed
// 42): evaluation data, reported and never used to choose anything.
void ReportEvaluationCorpora(const ClustererOptions& options) {
  std::printf("\nEvaluation corpora (shuffled, seed 42; never trained or tuned on):\n\n");
  std::printf("| corpus | B-cubed P | R | F1 | ARI | events (gold) |\n|---|---|---|---|---|---|\n");
  for (const auto& [name, relative] :
       {std::pair{"DUC 2004", "duc2004/clusters.jsonl"},
        std::pair{"Multi-News 200", "multinews200/clusters.jsonl"}}) {
    auto articles = ReadGoldStream(DataPath(relative), 42);
    if (!articles.ok()) {
      std::printf("| %s | %s |\n", name, articles.status().ToString().c_str());
      continue;
    }
    const ClusteringScores s = ScoreOnlineClustering(*articles, options);
    std::printf("| %s | %.3f | %.3f | **%.3f** | %.3f | %zu (%zu) |\n", name, s.bcubed_precision,
                s.bcubed_recall, s.bcubed_f1, s.adjusted_rand, s.predicted_clusters,
                s.gold_clusters);
  }
}

}  // namespace
}  // namespace chorus

int main(int argc, char** argv) {
  using namespace chorus;
  CLI::App app(
      "Learned event clustering: train on the earlier part of each labelled stream, "
      "score the later part");
  std::string model_path, save_path;
  bool baselines = true;
  EventModelTrainingOptions training;
  app.add_option("--model", model_path, "Score this model instead of training one");
  app.add_option("--save-model", save_path, "Write the trained model here");
  app.add_flag("!--no-baselines", baselines, "Score only the learned model");
  size_t agreement_skip = 0;
  app.add_option("--agreement-skip", agreement_skip,
                 "Also cluster all of uci-train.jsonl from its start and from this article on, "
                 "and score how the two agree");
  bool evaluation = false;
  app.add_flag("--evaluation", evaluation,
               "Also score the model on DUC 2004 and Multi-News 200 (evaluation data: report it, "
               "never choose by it)");
  app.add_option("--rounds", training.rounds)->capture_default_str();
  app.add_option("--depth", training.depth)->capture_default_str();
  app.add_option("--learning-rate", training.learning_rate)->capture_default_str();
  app.add_option("--undated-articles", training.undated_articles)->capture_default_str();
  app.add_option("--candidates", training.clusterer.candidates)->capture_default_str();
  app.add_option("--policy-rounds", training.policy_rounds)->capture_default_str();
  app.add_option("--holdout", training.holdout)->capture_default_str();
  app.add_flag("--balance-decisions", training.balance_decisions);
  app.add_flag("--monotone", training.monotone,
               "Train with monotone constraints on the similarity features");
  app.add_option("--ignore-features", training.ignored_features, "Features the model must not use")
      ->delimiter(',');
  std::string train_on = "both";
  app.add_option("--train-on", train_on,
                 "Train on the early part of both streams, or of one (the other then measures "
                 "how the model carries to a stream it never saw)")
      ->check(CLI::IsMember({"both", "uci", "gva"}));
  std::optional<double> join_probability;
  app.add_option("--join-probability", join_probability, "Instead of the model's own cut");
  std::vector<double> sweep;
  app.add_option("--sweep", sweep, "Also score the learned model at these join probabilities")
      ->delimiter(',');
  std::optional<uint32_t> merge_members;
  app.add_option("--merge-members", merge_members,
                 "Young events of at most this many members may merge (0: never)");
  std::optional<double> merge_probability;
  app.add_option("--merge-probability", merge_probability, "Merge cut instead of the model's own");
  std::vector<std::string> train_also, score_also;
  app.add_option("--train-also", train_also,
                 "Also train on all of these labelled streams (e.g. the AllSides training stream "
                 "of tools/train/allsides_event_streams.py)");
  app.add_option("--score-also", score_also,
                 "Also score these labelled streams (in their order, and shuffled)");
  CLI11_PARSE(app, argc, argv);

  const std::string uci_path = DataPath("events/uci-train.jsonl");
  const std::string gva_path = DataPath("events/gva-train.jsonl");
  if (!std::filesystem::exists(uci_path) || !std::filesystem::exists(gva_path)) {
    std::printf("*** SHARED DATA MISSING: %s or %s; nothing measured ***\n", uci_path.c_str(),
                gva_path.c_str());
    return 0;
  }
  Split uci = SplitAt("UCI headlines, March-April 2014 -> first 30,000 of May", Load(uci_path),
                      "2014-05-01", 30000);
  Split gva = SplitAt("GVA incidents, 2013-2014 -> 2015", Load(gva_path), "2015-01-01", 0);

  ClustererOptions learned;
  learned.rule = SimilarityRule::kLearned;
  learned.candidates = training.clusterer.candidates;
  learned.join_probability = join_probability;
  if (merge_members) learned.merge_members = *merge_members;
  learned.merge_probability = merge_probability;
  if (!model_path.empty()) {
    auto model = EventModel::Load(model_path);
    if (!model.ok()) {
      std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
      return 1;
    }
    learned.model = *model;
    std::printf("Model %s\n", model_path.c_str());
  } else {
    std::vector<TrainingStream> streams;
    if (train_on != "gva") streams.push_back({"uci-train.jsonl", uci.train});
    if (train_on != "uci") streams.push_back({"gva-train.jsonl", gva.train});
    for (const std::string& path : train_also) {
      streams.push_back({std::filesystem::path(path).filename().string(), Load(path)});
    }
    TrainingReport report;
    training.progress = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
    auto text = TrainEventModel(streams, training, &report);
    if (!text.ok()) {
      std::fprintf(stderr, "%s\n", text.status().ToString().c_str());
      return 1;
    }
    auto model = EventModel::Parse(*text, "trained");
    if (!model.ok()) return 1;
    learned.model = *model;
    std::printf(
        "Trained in %.1f CPU s: %zu bytes, %zu + %zu trees; %llu rows (%llu positive), "
        "candidate search missed %llu of %llu joining articles\n",
        report.seconds, text->size(), (*model)->ranker_trees(), (*model)->decider_trees(),
        static_cast<unsigned long long>(report.ranker_rows),
        static_cast<unsigned long long>(report.positive_rows),
        static_cast<unsigned long long>(report.missed_gold),
        static_cast<unsigned long long>(report.joining_articles));
    if (!save_path.empty()) {
      std::FILE* f = std::fopen(save_path.c_str(), "wb");
      if (f) {
        std::fwrite(text->data(), 1, text->size(), f);
        std::fclose(f);
      }
    }
  }
  Report(uci,
         {{"file order", uci.test},
          {"day-shuffled", ShuffleWithinDays(uci.test, 7)},
          {"shuffled", Shuffled(uci.test, 7, true)},
          {"shuffled, undated", Shuffled(uci.test, 7, false)}},
         learned, sweep, baselines);
  Report(gva,
         {{"time order", gva.test},
          {"shuffled", Shuffled(gva.test, 7, true)},
          {"shuffled, undated", Shuffled(gva.test, 7, false)}},
         learned, sweep, baselines);
  for (const std::string& path : score_also) {
    Split split{path, {}, Load(path)};
    Report(split,
           {{"file order", split.test},
            {"shuffled", Shuffled(split.test, 7, true)},
            {"shuffled, undated", Shuffled(split.test, 7, false)}},
           learned, sweep, baselines);
  }
  if (evaluation) ReportEvaluationCorpora(learned);
  if (agreement_skip > 0) ReportStartAgreement(uci_path, agreement_skip, learned);
  return 0;
}
