#include "chorus/event_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chorus/clusterer.h"
#include "cluster/event_model_format.h"
#include "cluster/pair_features.h"
#include "cluster/test_articles.h"

namespace chorus {
namespace {

// A small valid model: one stump in each ensemble.
std::string TinyModel() {
  EventModelParts parts;
  parts.join_probability = 0.4;
  parts.description = {"a hand-made model for tests"};
  for (TreeEnsemble* e : {&parts.ranker, &parts.decider}) {
    e->roots = {0};
    e->nodes = {TreeNode{.value = 0.25f, .feature = 0, .leaf = false, .left = 1, .right = 2},
                TreeNode{.value = -1}, TreeNode{.value = 1}};
  }
  return FormatEventModel(parts);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ParseErrorOf(const std::string& text) {
  auto model = EventModel::Parse(text, "m.txt");
  EXPECT_FALSE(model.ok());
  return model.ok() ? "" : model.status().ToString();
}

TEST(EventModelTest, ShippedModelLoadsAndSaysWhatItWasTrainedOn) {
  const auto model = EventModel::Default();
  ASSERT_NE(model, nullptr);
  EXPECT_GT(model->ranker_trees(), 10u);
  EXPECT_GT(model->decider_trees(), 10u);
  EXPECT_GT(model->join_probability(), 0.0);
  EXPECT_LT(model->join_probability(), 1.0);
  std::string description;
  for (const std::string& line : model->description()) description += line + "\n";
  EXPECT_NE(description.find("uci-train.jsonl"), std::string::npos) << description;
  EXPECT_NE(description.find("gva-train.jsonl"), std::string::npos) << description;
}

TEST(EventModelTest, FormatAndParseRoundTrip) {
  const std::string text = TinyModel();
  auto model = EventModel::Parse(text, "tiny");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_DOUBLE_EQ((*model)->join_probability(), 0.4);
  EXPECT_EQ((*model)->description(), std::vector<std::string>{"a hand-made model for tests"});
  PairFeatures low{}, high{};
  high[kCosineTerms] = 0.5f;
  EXPECT_DOUBLE_EQ((*model)->Rank(low), -1);
  EXPECT_DOUBLE_EQ((*model)->Rank(high), 1);
  auto parts = ParseEventModel(text, "tiny");
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(FormatEventModel(*parts), text);
}

TEST(EventModelTest, MergeProbabilityIsOptional) {
  auto plain = EventModel::Parse(TinyModel(), "tiny");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE((*plain)->merge_probability().has_value());
  const std::string text = Replace(TinyModel(), "join-probability 0.4\n",
                                   "join-probability 0.4\nmerge-probability 0.85\n");
  auto merging = EventModel::Parse(text, "tiny");
  ASSERT_TRUE(merging.ok()) << merging.status().ToString();
  EXPECT_DOUBLE_EQ((*merging)->merge_probability().value_or(0), 0.85);
  auto parts = ParseEventModel(text, "tiny");
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(FormatEventModel(*parts), text);
  EXPECT_NE(ParseErrorOf(Replace(text, "merge-probability 0.85", "merge-probability x"))
                .find("m.txt:4: expected \"merge-probability P\""),
            std::string::npos);
}

TEST(EventModelTest, TooFewFeaturesGiveNaN) {
  auto model = EventModel::Parse(TinyModel(), "tiny");
  ASSERT_TRUE(model.ok());
  const std::vector<float> few(3, 0.f);
  EXPECT_TRUE(std::isnan((*model)->Rank(few)));
  EXPECT_TRUE(std::isnan((*model)->JoinProbability(few)));
}

TEST(EventModelTest, BadFilesGetClearErrorsNamingFileAndLine) {
  const std::string good = TinyModel();
  EXPECT_NE(ParseErrorOf("").find("m.txt:0: not a chorus event model"), std::string::npos);
  EXPECT_NE(ParseErrorOf("hello\n").find("not a chorus event model"), std::string::npos);
  EXPECT_NE(ParseErrorOf(Replace(good, "event-pair/2", "event-pair/0")).find("retrain"),
            std::string::npos);
  EXPECT_NE(ParseErrorOf(Replace(good, "join-probability 0.4", "join-probability 1.5"))
                .find("m.txt:3: expected \"join-probability P\""),
            std::string::npos);
  EXPECT_NE(
      ParseErrorOf(Replace(good, "n 0 0.25 1 2 l", "n 0 0.25 0 2 l")).find("children must follow"),
      std::string::npos);
  EXPECT_NE(ParseErrorOf(Replace(good, "n 0 0.25 1 2 l", "n 99 0.25 1 2 l")).find("feature 99"),
            std::string::npos);
  EXPECT_NE(ParseErrorOf(Replace(good, "l -1", "l nan")).find("finite"), std::string::npos);
  EXPECT_NE(ParseErrorOf(Replace(good, "tree 3", "tree 4000000000")).find("too large"),
            std::string::npos);
  EXPECT_NE(ParseErrorOf(Replace(good, "ranker 1", "ranker 1000000000")).find("trees is more"),
            std::string::npos);
  EXPECT_NE(ParseErrorOf(good + "more\n").find("text after \"end\""), std::string::npos);
}

TEST(EventModelTest, EveryTruncationIsAnError) {
  const std::string good = TinyModel();
  ASSERT_TRUE(EventModel::Parse(good, "tiny").ok());
  // Dropping the final newline still leaves a whole file; any shorter prefix
  // is missing a line, a number's digits or the "end".
  for (size_t n = 0; n + 2 < good.size(); ++n) {
    const std::string cut = good.substr(0, n);
    auto model = EventModel::Parse(cut, "cut.txt");
    EXPECT_FALSE(model.ok()) << "prefix of " << n << " bytes parsed";
  }
}

TEST(EventModelTest, MissingFileIsNotFoundNamingIt) {
  auto model = EventModel::Load("/nonexistent/dir/model.txt");
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kNotFound);
  EXPECT_NE(model.status().message().find("/nonexistent/dir/model.txt"), std::string::npos);
}

TEST(SelectSimilarityRuleTest, NamesTheRuleAsTheFacesDo) {
  ClustererOptions o;
  ASSERT_TRUE(SelectSimilarityRule("", std::nullopt, &o).ok());
  EXPECT_EQ(o.rule, SimilarityRule::kCosine);
  ASSERT_TRUE(SelectSimilarityRule("learned", std::nullopt, &o).ok());
  EXPECT_EQ(o.rule, SimilarityRule::kLearned);
  EXPECT_EQ(o.model, nullptr);  // the shipped one
  ASSERT_TRUE(SelectSimilarityRule("", 0.3, &o).ok());
  EXPECT_EQ(o.rule, SimilarityRule::kCosine);
  EXPECT_DOUBLE_EQ(o.threshold, 0.3);
  ASSERT_TRUE(SelectSimilarityRule("cosine", std::nullopt, &o).ok());
  EXPECT_EQ(o.rule, SimilarityRule::kCosine);
  EXPECT_EQ(SelectSimilarityRule("model.txt", 0.3, &o).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SelectSimilarityRule("", 1.5, &o).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SelectSimilarityRule("/nonexistent/model.txt", std::nullopt, &o).code(),
            StatusCode::kNotFound);
}

TEST(EventModelTest, TheModelDecides) {
  // A model whose decider never says "join" opens an event per article.
  EventModelParts parts;
  parts.join_probability = 0.5;
  for (TreeEnsemble* e : {&parts.ranker, &parts.decider}) {
    e->roots = {0};
    e->nodes = {TreeNode{.value = -5}};
  }
  auto never = EventModel::Parse(FormatEventModel(parts), "never");
  ASSERT_TRUE(never.ok());
  ClustererOptions options;
  options.rule = SimilarityRule::kLearned;
  options.model = *never;
  EventClusterer clusterer(options);
  for (const Document& d : testing::ThreeEvents()) EXPECT_TRUE(clusterer.Add(d).new_event) << d.id;
  // The options' cut overrides the model's: at 0 every article that has a
  // candidate joins it (each story's second article finds only its first).
  options.join_probability = 0.0;
  EventClusterer joining(options);
  for (const Document& d : testing::ThreeEvents()) joining.Add(d);
  EXPECT_EQ(joining.EventCount(), 3);
}

}  // namespace
}  // namespace chorus
