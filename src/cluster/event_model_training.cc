#include "chorus/event_model_training.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <set>
#include <unordered_map>

#include "chorus/cluster_metrics.h"
#include "chorus/event_model.h"
#include "cluster/event_model_format.h"
#include "cluster/training_rows.h"
#include "fmt/format.h"
#include "fmt/ranges.h"
#include "nlohmann/json.hpp"

namespace chorus {
namespace {

using Json = nlohmann::json;

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

Status XgbError(std::string_view what) {
  return InternalError(fmt::format("XGBoost failed {}: {}", what, XGBGetLastError()));
}

#define XGB_CHECK(call, what) \
  if ((call) != 0) return XgbError(what)

struct MatrixFree {
  void operator()(void* m) const { XGDMatrixFree(m); }
};
struct BoosterFree {
  void operator()(void* b) const { XGBoosterFree(b); }
};
using Matrix = std::unique_ptr<void, MatrixFree>;
using Booster = std::unique_ptr<void, BoosterFree>;

// One XGBoost tree (JSON model form) as TreeEnsemble nodes, children after
// their parent (reachable nodes only, depth first).
Status AppendTree(const Json& tree, TreeEnsemble* out) {
  const auto& left = tree.at("left_children");
  const auto& right = tree.at("right_children");
  const auto& feature = tree.at("split_indices");
  const auto& condition = tree.at("split_conditions");
  const auto& default_left = tree.at("default_left");
  const auto base = static_cast<uint32_t>(out->nodes.size());
  out->roots.push_back(base);
  std::vector<std::pair<int, size_t>> stack = {{0, SIZE_MAX}};  // (xgboost node, parent slot)
  std::vector<bool> is_left_child = {false};
  while (!stack.empty()) {
    const auto [node, parent] = stack.back();
    const bool as_left = is_left_child.back();
    stack.pop_back();
    is_left_child.pop_back();
    const auto index = static_cast<uint32_t>(out->nodes.size());
    if (parent != SIZE_MAX) (as_left ? out->nodes[parent].left : out->nodes[parent].right) = index;
    TreeNode n;
    n.value = condition.at(node).get<float>();
    const int l = left.at(node).get<int>();
    if (l >= 0) {
      n.leaf = false;
      n.feature = static_cast<uint16_t>(feature.at(node).get<int>());
      const Json& d = default_left.at(node);
      n.missing_left = d.is_boolean() ? d.get<bool>() : d.get<int>() != 0;
      stack.emplace_back(right.at(node).get<int>(), index);
      is_left_child.push_back(false);
      stack.emplace_back(l, index);
      is_left_child.push_back(true);
    }
    out->nodes.push_back(n);
  }
  return Status::Ok();
}

// The booster's trees, checked against XGBoost's own margins on `sample`.
Result<TreeEnsemble> ExportTrees(void* booster, void* sample, const std::vector<float>& rows,
                                 size_t width) {
  bst_ulong length = 0;
  const char* buffer = nullptr;
  XGB_CHECK(XGBoosterSaveModelToBuffer(booster, R"({"format": "json"})", &length, &buffer),
            "saving the model");
  TreeEnsemble out;
  try {
    const Json model = Json::parse(std::string_view(buffer, length));
    const Json& learner = model.at("learner");
    const double p =
        std::stod(learner.at("learner_model_param").at("base_score").get<std::string>());
    out.base_margin = std::log(p / (1 - p));
    for (const Json& tree : learner.at("gradient_booster").at("model").at("trees")) {
      RETURN_IF_ERROR(AppendTree(tree, &out));
    }
  } catch (const std::exception& e) {
    return InternalError(fmt::format("reading XGBoost's model: {}", e.what()));
  }
  bst_ulong n = 0;
  const float* margins = nullptr;
  XGB_CHECK(XGBoosterPredict(booster, sample, /*option_mask=*/1, 0, 0, &n, &margins), "predicting");
  for (bst_ulong i = 0; i < n; ++i) {
    const double ours = out.Predict(std::span<const float>(rows.data() + i * width, width));
    if (std::abs(ours - margins[i]) > 1e-3 * (1 + std::abs(margins[i]))) {
      return InternalError(fmt::format(
          "the exported trees disagree with XGBoost on row {} ({} vs {})", i, ours, margins[i]));
    }
  }
  return out;
}

// Trains a logistic-loss booster on `rows` (width floats each, NaN missing).
Result<TreeEnsemble> Fit(const std::vector<float>& rows, size_t width,
                         const std::vector<float>& labels, const std::vector<float>& weights,
                         const EventModelTrainingOptions& o) {
  void* raw = nullptr;
  XGB_CHECK(XGDMatrixCreateFromMat(rows.data(), labels.size(), width, std::nanf(""), &raw),
            "building the training matrix");
  Matrix train(raw);
  XGB_CHECK(XGDMatrixSetFloatInfo(train.get(), "label", labels.data(), labels.size()),
            "setting labels");
  XGB_CHECK(XGDMatrixSetFloatInfo(train.get(), "weight", weights.data(), weights.size()),
            "setting weights");
  void* matrices[] = {train.get()};
  XGB_CHECK(XGBoosterCreate(matrices, 1, &raw), "creating the booster");
  Booster booster(raw);
  std::vector<std::pair<std::string, std::string>> params = {
      {"objective", "binary:logistic"},
      {"tree_method", "hist"},
      {"max_depth", std::to_string(o.depth)},
      {"eta", fmt::format("{}", o.learning_rate)},
      {"subsample", fmt::format("{}", o.subsample)},
      {"min_child_weight", "1"},
      {"seed", std::to_string(o.seed)},
      {"nthread", std::to_string(std::max<uint32_t>(o.threads, 1))},
      {"verbosity", "0"},
  };
  if (o.monotone) {
    std::vector<int> directions;
    for (size_t f = 0; f < width; ++f) {
      directions.push_back(SimilarityDirection(static_cast<uint32_t>(f)));
    }
    params.emplace_back("monotone_constraints", fmt::format("({})", fmt::join(directions, ",")));
  }
  for (const auto& [k, v] : params) {
    XGB_CHECK(XGBoosterSetParam(booster.get(), k.c_str(), v.c_str()), "setting " + k);
  }
  for (uint32_t round = 0; round < o.rounds; ++round) {
    XGB_CHECK(XGBoosterUpdateOneIter(booster.get(), static_cast<int>(round), train.get()),
              "training");
  }
  // Check the export on the first rows.
  const size_t check = std::min<size_t>(labels.size(), 2000);
  XGB_CHECK(XGDMatrixCreateFromMat(rows.data(), check, width, std::nanf(""), &raw),
            "building the check matrix");
  Matrix sample(raw);
  return ExportTrees(booster.get(), sample.get(), rows, width);
}

// Per article: the ranker's best candidate and runner-up as a decision row,
// labelled 1 when the best is the gold event.
void DecisionRows(const TrainingRows& rows, const TreeEnsemble& ranker, std::vector<float>* x,
                  std::vector<float>* labels, std::vector<float>* weights) {
  for (size_t g = 0; g < rows.groups(); ++g) {
    const uint32_t begin = rows.group_begin[g], end = rows.group_begin[g + 1];
    std::vector<double> rank;
    for (uint32_t r = begin; r < end; ++r) rank.push_back(ranker.Predict(rows.features[r]));
    const BestTwo top = FindBestTwo(rank);
    const bool has_second = top.second < rank.size();
    const DecisionFeatures d =
        MakeDecisionFeatures(rows.features[begin + top.best], rank[top.best],
                             has_second ? &rows.features[begin + top.second] : nullptr,
                             has_second ? rank[top.second] : 0, rank.size());
    x->insert(x->end(), d.begin(), d.end());
    labels->push_back(rows.label[begin + top.best]);
    weights->push_back(rows.weight[begin]);
  }
}

// Reweights each feed's decision rows so that joins and new events weigh the
// same within it (its total unchanged): how often articles join an existing
// event is a property of a stream (how many articles a story gets), which
// the model should not learn as a prior from the few streams it sees.
void BalanceDecisions(const TrainingRows& rows, const std::vector<float>& labels,
                      std::vector<float>* weights) {
  std::unordered_map<uint32_t, std::pair<double, double>> total;  // feed -> (joins, new events)
  for (size_t g = 0; g < labels.size(); ++g) {
    auto& [joins, opens] = total[rows.group_feed[g]];
    (labels[g] > 0.5f ? joins : opens) += (*weights)[g];
  }
  for (size_t g = 0; g < labels.size(); ++g) {
    const auto& [joins, opens] = total[rows.group_feed[g]];
    if (joins <= 0 || opens <= 0) continue;
    const double share = labels[g] > 0.5f ? joins : opens;
    (*weights)[g] = static_cast<float>((*weights)[g] * (joins + opens) / (2 * share));
  }
}

// Sets the columns of `ignored` features (of `width` per row) to missing.
Status HideIgnored(const std::vector<std::string>& ignored, size_t width, std::vector<float>* x) {
  const std::vector<std::string_view>& names = FeatureNames();
  for (const std::string& name : ignored) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      return InvalidArgumentError(fmt::format("no feature named '{}' to ignore", name));
    }
    const auto column = static_cast<size_t>(it - names.begin());
    if (column >= width) continue;  // a decision feature, absent from ranker rows
    for (size_t i = column; i < x->size(); i += width) (*x)[i] = std::nanf("");
  }
  return Status::Ok();
}

// Trains the ranker on `rows`, then the decider on the ranker's choices.
Status FitBoth(const TrainingRows& rows, const EventModelTrainingOptions& options,
               EventModelParts* parts) {
  std::vector<float> x(rows.features.size() * kPairFeatureCount);
  for (size_t r = 0; r < rows.features.size(); ++r) {
    std::copy(rows.features[r].begin(), rows.features[r].end(), x.begin() + r * kPairFeatureCount);
  }
  RETURN_IF_ERROR(HideIgnored(options.ignored_features, kPairFeatureCount, &x));
  if (options.progress) options.progress(fmt::format("ranker: {} rows", rows.label.size()));
  ASSIGN_OR_RETURN(parts->ranker, Fit(x, kPairFeatureCount, rows.label, rows.weight, options));
  std::vector<float> dx, dlabels, dweights;
  DecisionRows(rows, parts->ranker, &dx, &dlabels, &dweights);
  if (options.balance_decisions) BalanceDecisions(rows, dlabels, &dweights);
  RETURN_IF_ERROR(HideIgnored(options.ignored_features, kDecisionFeatureCount, &dx));
  if (options.progress) options.progress(fmt::format("decider: {} rows", dlabels.size()));
  ASSIGN_OR_RETURN(parts->decider, Fit(dx, kDecisionFeatureCount, dlabels, dweights, options));
  return Status::Ok();
}

// "uci-train.jsonl: 266965 articles, 4717 events, 2014-03-10..2014-05-30"
std::string DescribeStream(const TrainingStream& s) {
  std::set<std::string_view> events;
  std::string first, last;
  for (const LabelledArticle& a : s.articles) {
    events.insert(a.event);
    const std::string& d = a.document.date;
    if (ParseDay(d) == ArticleRecord::kNoDay) continue;
    if (first.empty() || d < first) first = d.substr(0, 10);
    if (last.empty() || d > last) last = d.substr(0, 10);
  }
  return fmt::format("{}: {} articles, {} events{}", s.name, s.articles.size(), events.size(),
                     first.empty() ? "" : fmt::format(", {}..{}", first, last));
}

// The ranker and decider trained on `streams` (join probability left at 0.5).
Result<EventModelParts> TrainParts(const std::vector<TrainingStream>& streams,
                                   const EventModelTrainingOptions& options,
                                   TrainingReport* report) {
  TrainingRows rows;
  EventModelParts parts;
  std::vector<StreamFeed> feeds;
  for (const TrainingStream& s : streams) {
    if (s.articles.empty()) return InvalidArgumentError(fmt::format("{} has no articles", s.name));
    std::vector<StreamFeed> stream_feeds = {TimeOrderedFeed(s.articles, options.seed)};
    if (options.undated_articles > 0) {
      stream_feeds.push_back(UndatedFeed(s.articles, options.undated_articles, options.seed));
    }
    for (StreamFeed& feed : stream_feeds) {
      // Each stream weighs the same in total; its undated copy as much again.
      feed.weight = 1e4 / static_cast<double>(feed.articles.size());
      feed.id = static_cast<uint32_t>(feeds.size());
      if (options.progress) {
        options.progress(fmt::format("{}: {} articles{}", s.name, feed.articles.size(),
                                     feed.drop_dates_and_sources ? ", undated and shuffled" : ""));
      }
      AppendTeacherForcedRows(feed, options.clusterer, &rows, report);
      feeds.push_back(std::move(feed));
    }
  }
  if (rows.label.empty())
    return InvalidArgumentError("no article had a candidate event to learn from");
  RETURN_IF_ERROR(FitBoth(rows, options, &parts));
  for (uint32_t round = 0; round < options.policy_rounds; ++round) {
    auto model = EventModel::Parse(FormatEventModel(parts), "the model in training");
    if (!model.ok()) return model.status();
    ClustererOptions policy = options.clusterer;
    policy.model = *model;
    for (const StreamFeed& feed : feeds) {
      if (options.progress) {
        options.progress(fmt::format("on-policy round {}: {} articles{}", round + 1,
                                     feed.articles.size(),
                                     feed.drop_dates_and_sources ? ", undated" : ""));
      }
      AppendOnPolicyRows(feed, policy, &rows);
    }
    RETURN_IF_ERROR(FitBoth(rows, options, &parts));
  }
  report->ranker_rows = rows.label.size();
  report->decider_rows = rows.groups();
  return parts;
}

// B-cubed F1 of clustering `articles` in this order with `options`.
double ScoreFeed(const std::vector<const LabelledArticle*>& articles,
                 const ClustererOptions& options) {
  std::unordered_map<std::string_view, int64_t> gold_ids;
  std::vector<int64_t> gold, predicted;
  EventClusterer clusterer(options);
  for (const LabelledArticle* a : articles) {
    gold.push_back(gold_ids.emplace(a->event, static_cast<int64_t>(gold_ids.size())).first->second);
    predicted.push_back(clusterer.Add(a->document).event);
  }
  for (int64_t& p : predicted) p = clusterer.CurrentEvent(p);
  return ScoreClustering(gold, predicted).bcubed_f1;
}

struct Cuts {
  double join = 0.5;
  std::optional<double> merge;  // unset: merging did not help
};

// Mean B-cubed F1 of clustering each held-out part with `o`; `scores` gets
// each part's.
double ScoreHeldOut(const std::vector<std::vector<const LabelledArticle*>>& late,
                    const ClustererOptions& o, std::string* scores) {
  double mean = 0;
  for (const auto& part : late) {
    if (part.empty()) continue;
    const double f1 = ScoreFeed(part, o);
    mean += f1 / static_cast<double>(late.size());
    *scores += fmt::format(" {:.3f}", f1);
  }
  return mean;
}

// The join probability that clusters the later `holdout` share of each
// stream best (mean B-cubed F1 over the streams) with a model trained on the
// rest, then at it the merge probability for young events (if any beats not
// merging); the tables go to `description`.
Result<Cuts> ChooseCuts(const std::vector<TrainingStream>& streams,
                        const EventModelTrainingOptions& options,
                        std::vector<std::string>* description) {
  std::vector<TrainingStream> early;
  std::vector<std::vector<const LabelledArticle*>> late;
  for (const TrainingStream& s : streams) {
    const StreamFeed order = TimeOrderedFeed(s.articles, options.seed);
    const size_t cut =
        order.articles.size() -
        static_cast<size_t>(options.holdout * static_cast<double>(order.articles.size()));
    TrainingStream e{s.name, {}};
    for (size_t i = 0; i < cut; ++i) e.articles.push_back(*order.articles[i]);
    early.push_back(std::move(e));
    late.emplace_back(order.articles.begin() + static_cast<std::ptrdiff_t>(cut),
                      order.articles.end());
  }
  TrainingReport ignored;
  ASSIGN_OR_RETURN(EventModelParts parts, TrainParts(early, options, &ignored));
  auto model = EventModel::Parse(FormatEventModel(parts), "the held-out model");
  if (!model.ok()) return model.status();
  ClustererOptions o = options.clusterer;
  o.model = *model;
  o.merge_members = 0;  // the join cut first, without merging
  Cuts cuts;
  double best_f1 = -1;
  std::string table;
  for (int step = 1; step <= 18; ++step) {
    o.join_probability = 0.05 * step;
    std::string scores;
    const double mean = ScoreHeldOut(late, o, &scores);
    table += fmt::format(" {:.2f}:{}", *o.join_probability, scores);
    if (options.progress)
      options.progress(
          fmt::format("held out, join probability {:.2f}:{}", *o.join_probability, scores));
    if (mean > best_f1 + 1e-9) best_f1 = mean, cuts.join = *o.join_probability;
  }
  description->push_back(fmt::format(
      "join probability {:.2f}: best mean B-cubed F1 ({:.3f}) on the later {:.0f}% of each stream, "
      "model trained on the rest; F1 by stream at each probability:{}",
      cuts.join, best_f1, options.holdout * 100, table));
  if (options.clusterer.merge_members == 0) return cuts;
  o.join_probability = cuts.join;
  o.merge_members = options.clusterer.merge_members;
  table.clear();
  const double unmerged_f1 = best_f1;
  for (int step = 10; step <= 19; ++step) {
    o.merge_probability = 0.05 * step;
    std::string scores;
    const double mean = ScoreHeldOut(late, o, &scores);
    table += fmt::format(" {:.2f}:{}", *o.merge_probability, scores);
    if (options.progress)
      options.progress(
          fmt::format("held out, merge probability {:.2f}:{}", *o.merge_probability, scores));
    if (mean > best_f1 + 1e-9) best_f1 = mean, cuts.merge = o.merge_probability;
  }
  description->push_back(fmt::format(
      "merge probability {}: mean B-cubed F1 {:.3f} on the same held-out parts (not merging: "
      "{:.3f}; young events of up to {} members); F1 by stream at each probability:{}",
      cuts.merge ? fmt::format("{:.2f}", *cuts.merge) : "none", best_f1, unmerged_f1,
      options.clusterer.merge_members, table));
  return cuts;
}

}  // namespace

Result<std::string> TrainEventModel(const std::vector<TrainingStream>& streams,
                                    EventModelTrainingOptions options, TrainingReport* report) {
  // The rows are the learned rule's (its candidate search and index).
  options.clusterer.rule = SimilarityRule::kLearned;
  const double start = CpuSeconds();
  *report = TrainingReport();
  if (streams.empty()) return InvalidArgumentError("no labelled stream to train on");
  std::vector<std::string> description;
  for (const TrainingStream& s : streams) {
    if (s.articles.empty()) return InvalidArgumentError(fmt::format("{} has no articles", s.name));
    description.push_back(DescribeStream(s));
  }
  Cuts cuts;
  if (options.holdout > 0) {
    ASSIGN_OR_RETURN(cuts, ChooseCuts(streams, options, &description));
  }
  ASSIGN_OR_RETURN(EventModelParts parts, TrainParts(streams, options, report));
  parts.join_probability = cuts.join;
  parts.merge_probability = cuts.merge;
  parts.description = std::move(description);
  parts.description.push_back(fmt::format(
      "by chorus train-clusterer: {} rounds, depth {}, learning rate {}, subsample {}, seed {}, "
      "undated copies of {} articles, {} candidates per article, {} on-policy rounds, "
      "{:.0f}% held out to choose the join probability{}{}{}",
      options.rounds, options.depth, options.learning_rate, options.subsample, options.seed,
      options.undated_articles, options.clusterer.candidates, options.policy_rounds,
      options.holdout * 100, options.monotone ? "; monotone in every similarity feature" : "",
      options.balance_decisions ? "; joins and new events weigh the same in each stream" : "",
      options.ignored_features.empty()
          ? ""
          : fmt::format("; features not used: {}", fmt::join(options.ignored_features, " "))));
  report->seconds = CpuSeconds() - start;
  return FormatEventModel(parts);
}

}  // namespace chorus
