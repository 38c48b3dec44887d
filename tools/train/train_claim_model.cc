// chorus-train-claim-model: trains the same-claim model shipped as
// data/claim_model.txt, and cross-validates it.
//
//   build/chorus-train-claim-model --cv 10 --out data/claim_model.txt
//       --data ../shared/data/paraphrase/msrp-train.tsv
//
// Features come from the library (represent/claim_features.h), so training
// and serving compute them with the same code; the trees are trained with
// XGBoost's C API and written in chorus's own text format
// (represent/claim_model.h). Same data and options, same file.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>

#include "boosted_trees.h"
#include "chorus/tokenizer.h"
#include "paraphrase_pairs.h"
#include "represent/claim_features.h"
#include "represent/claim_matcher.h"
#include "represent/claim_model.h"

namespace chorus::train {
namespace {

struct Scores {
  size_t tp = 0, fp = 0, tn = 0, fn = 0;
  void Add(bool predicted, bool gold) { (predicted ? (gold ? tp : fp) : (gold ? fn : tn)) += 1; }
  double Accuracy() const {
    return static_cast<double>(tp + tn) / static_cast<double>(tp + fp + tn + fn);
  }
  double Precision() const {
    return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  }
  double Recall() const {
    return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  std::string Line() const {
    return fmt::format("accuracy {:.4f}  precision {:.4f}  recall {:.4f}  F1 {:.4f}", Accuracy(),
                       Precision(), Recall(), F1());
  }
};

// The shipped model's threshold. 0.45 raised F1 by 0.004 for the earlier
// smaller trees; with the current ones 0.5 is 0.005 more accurate at the same
// F1 (bench/claim_model_cv.sh, and 5 x 10-fold cross-validation).
constexpr double kThreshold = 0.5;

struct Example {
  represent::ClaimProfile a, b;
  std::vector<std::string_view> a_stems, b_stems;  // terms sorted by text
  represent::ClaimFeatures features{};             // with the weights of its fold
  bool same = false;
  bool vetoed = false;  // ClaimMatcher::Forbidden: too little overlap, numbers or negation
};

std::vector<std::string_view> SortedStems(const represent::ClaimProfile& p) {
  std::vector<std::string_view> out = p.term_texts;
  std::sort(out.begin(), out.end());
  return out;
}

// Profiles of every pair (their stems not weighed yet). The caller's
// TokenScope keeps the stems they view alive.
std::vector<Example> Profile(const std::vector<ParaphrasePair>& pairs) {
  Tokenizer tokenizer;
  const represent::ClaimTermWeights none;
  std::vector<Example> out(pairs.size());
  for (size_t k = 0; k < pairs.size(); ++k) {
    Example& e = out[k];
    e.a = represent::ProfileSentence(tokenizer.Tokenize(pairs[k].a), none);
    e.b = represent::ProfileSentence(tokenizer.Tokenize(pairs[k].b), none);
    e.a_stems = SortedStems(e.a);
    e.b_stems = SortedStems(e.b);
    e.same = pairs[k].same;
    e.vetoed = represent::ClaimMatcher::Forbidden(e.a, e.b);
  }
  return out;
}

represent::ClaimTermWeights LearnWeights(const std::vector<Example>& examples,
                                         std::span<const size_t> rows) {
  std::vector<represent::StemsPair> pairs;
  pairs.reserve(rows.size());
  for (size_t r : rows)
    pairs.push_back({examples[r].a_stems, examples[r].b_stems, examples[r].same});
  return represent::ClaimTermWeights::Learn(pairs);
}

void Featurize(const represent::ClaimTermWeights& weights, std::span<const size_t> rows,
               std::vector<Example>& examples) {
  for (size_t r : rows) {
    Example& e = examples[r];
    represent::WeighStems(weights, &e.a);
    represent::WeighStems(weights, &e.b);
    e.features = represent::PairFeatures(e.a, e.b);
  }
}

// Training pairs weighed out of fold: weights learned on the other
// kWeightFolds-1 parts weigh each part, so no pair's own label makes its
// words heavy (with in-sample weights the trees learn to trust the weighted
// features far more than they deserve on new pairs: 5 x 10-fold accuracy
// drops from 0.78 to 0.75).
constexpr size_t kWeightFolds = 5;

void FeaturizeOutOfFold(std::span<const size_t> rows, std::vector<Example>& examples) {
  for (size_t part = 0; part < kWeightFolds; ++part) {
    std::vector<size_t> inside, outside;
    for (size_t k = 0; k < rows.size(); ++k)
      (k % kWeightFolds == part ? inside : outside).push_back(rows[k]);
    Featurize(LearnWeights(examples, outside), inside, examples);
  }
}

// The model file's text for a model trained on `rows` (featurized out of
// fold), its term weights learned on all of them.
Result<std::string> TrainModelText(std::vector<Example>& examples, const std::vector<size_t>& rows,
                                   const BoostingOptions& options, double threshold,
                                   std::string_view data) {
  FeaturizeOutOfFold(rows, examples);
  std::vector<float> matrix, labels;
  for (size_t r : rows) {
    matrix.insert(matrix.end(), examples[r].features.begin(), examples[r].features.end());
    labels.push_back(examples[r].same ? 1.0f : 0.0f);
  }
  ASSIGN_OR_RETURN(BoostedTrees trees,
                   TrainBoostedTrees(matrix, represent::kClaimFeatureCount, labels, options));
  return represent::ClaimModel::Format(data, options.Describe(), threshold, trees.base_margin,
                                       LearnWeights(examples, rows), trees.trees);
}

// K folds over a fixed shuffle (seeded: the same folds every run); returns
// the model's accuracy alone.
Result<double> CrossValidate(std::vector<Example>& examples, int folds, uint32_t seed,
                             const BoostingOptions& options, double threshold) {
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), std::mt19937(seed));
  Scores model_only, with_vetoes;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<size_t> train, test;
    for (size_t i = 0; i < order.size(); ++i) {
      (static_cast<int>(i % static_cast<size_t>(folds)) == fold ? test : train).push_back(order[i]);
    }
    // Through the text format and its parser: what CV scores is what ships.
    ASSIGN_OR_RETURN(std::string text,
                     TrainModelText(examples, train, options, threshold, "cv fold"));
    ASSIGN_OR_RETURN(represent::ClaimModel model, represent::ClaimModel::Parse(text, "cv fold"));
    Featurize(model.term_weights(), test, examples);
    Scores fold_scores;
    for (size_t r : test) {
      const bool predicted = model.Probability(examples[r].features) >= model.threshold();
      model_only.Add(predicted, examples[r].same);
      with_vetoes.Add(predicted && !examples[r].vetoed, examples[r].same);
      fold_scores.Add(predicted && !examples[r].vetoed, examples[r].same);
    }
    std::fprintf(stderr, "fold %d/%d: %s\n", fold + 1, folds, fold_scores.Line().c_str());
  }
  std::printf("%d-fold cross-validation (shuffle seed %u), %zu pairs, threshold %.2f\n", folds,
              seed, examples.size(), threshold);
  std::printf("  model alone:                     %s\n", model_only.Line().c_str());
  std::printf("  with the matcher's rules (used): %s\n", with_vetoes.Line().c_str());
  return model_only.Accuracy();
}

// `repeats` cross-validations over differently shuffled folds, and the mean
// and spread of their accuracy (one split moves it by about +-0.005).
Status CrossValidateRepeated(std::vector<Example>& examples, int folds, int repeats,
                             const BoostingOptions& options, double threshold) {
  std::vector<double> accuracies;
  for (int r = 0; r < repeats; ++r) {
    ASSIGN_OR_RETURN(
        double accuracy,
        CrossValidate(examples, folds, 12345 + static_cast<uint32_t>(r), options, threshold));
    accuracies.push_back(accuracy);
  }
  if (repeats < 2) return Status::Ok();
  const double mean = std::accumulate(accuracies.begin(), accuracies.end(), 0.0) / repeats;
  double variance = 0;
  for (double a : accuracies) variance += (a - mean) * (a - mean);
  std::printf("%d x %d-fold cross-validation, model alone: accuracy %.4f (+-%.4f std)\n", repeats,
              folds, mean, std::sqrt(variance / repeats));
  return Status::Ok();
}

int Run(int argc, char** argv) {
  CLI::App app{"Trains and cross-validates chorus's same-claim model"};
  std::string data, out, dump;
  int folds = 0, repeats = 1;
  double threshold = kThreshold;
  BoostingOptions options;
  app.add_option("--data", data, "labelled pairs (MSRP TSV layout)")->required();
  app.add_option("--out", out, "write the model trained on all pairs here (data/claim_model.txt)");
  app.add_option("--cv", folds, "cross-validate with this many folds first (0: no)")
      ->check(CLI::Range(0, 100));
  app.add_option("--repeats", repeats, "cross-validate this many times, folds shuffled anew")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--dump-features", dump, "write the feature matrix as TSV (label first)");
  app.add_option("--rounds", options.rounds, "trees")->capture_default_str();
  app.add_option("--max-depth", options.max_depth, "tree depth")->capture_default_str();
  app.add_option("--eta", options.eta, "learning rate")->capture_default_str();
  app.add_option("--colsample", options.colsample, "share of features per tree")
      ->capture_default_str();
  app.add_option("--min-child-weight", options.min_child_weight, "smallest hessian sum in a leaf")
      ->capture_default_str();
  app.add_option("--threshold", threshold,
                 "probability from which a pair is the same claim (in the model file)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  Result<std::vector<ParaphrasePair>> pairs = ReadParaphrasePairs(data);
  if (!pairs.ok()) {
    std::fprintf(stderr, "chorus-train-claim-model: %s\n", pairs.status().ToString().c_str());
    return 1;
  }
  TokenScope scope;  // the profiles view stems until the end
  std::vector<Example> examples = Profile(*pairs);
  std::vector<size_t> all(examples.size());
  std::iota(all.begin(), all.end(), 0);
  if (!dump.empty()) {
    FeaturizeOutOfFold(all, examples);  // as the shipped model's training sees them
    std::ofstream f(dump);
    f << "label\tvetoed";
    for (std::string_view name : represent::ClaimFeatureNames()) f << '\t' << name;
    f << '\n';
    for (const Example& e : examples) {
      f << e.same << '\t' << e.vetoed;
      for (float x : e.features) f << '\t' << x;
      f << '\n';
    }
  }
  if (folds > 1) {
    if (Status s = CrossValidateRepeated(examples, folds, repeats, options, threshold); !s.ok()) {
      std::fprintf(stderr, "chorus-train-claim-model: %s\n", s.ToString().c_str());
      return 1;
    }
  }
  if (!out.empty()) {
    const std::string name = data.substr(data.find_last_of('/') + 1);
    const std::string described =
        fmt::format("{}, {} labelled pairs (Microsoft Research Paraphrase Corpus training split)",
                    name, examples.size());
    Result<std::string> text = TrainModelText(examples, all, options, threshold, described);
    if (!text.ok()) {
      std::fprintf(stderr, "chorus-train-claim-model: %s\n", text.status().ToString().c_str());
      return 1;
    }
    std::ofstream f(out, std::ios::binary);
    f << *text;
    if (!f.flush()) {
      std::fprintf(stderr, "chorus-train-claim-model: %s: write failed\n", out.c_str());
      return 1;
    }
    std::fprintf(stderr, "wrote %s (%zu bytes)\n", out.c_str(), text->size());
  }
  return 0;
}

}  // namespace
}  // namespace chorus::train

int main(int argc, char** argv) { return chorus::train::Run(argc, argv); }
