#include "chorus/event_model_training.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/event_model.h"
#include "cluster/test_articles.h"
#include "fmt/format.h"

namespace chorus {
namespace {

// A small labelled stream: `events` stories of `per_event` articles, each
// article a few of its story's words among common ones, a day apart within a
// story; stories interleaved.
std::vector<LabelledArticle> SmallStream(uint32_t events, uint32_t per_event) {
  std::mt19937 rng(5);
  const std::vector<std::string> common = {"officials", "said", "report", "people", "week",
                                           "city", "government", "statement", "local", "news"};
  std::vector<LabelledArticle> out;
  for (uint32_t a = 0; a < per_event; ++a) {
    for (uint32_t e = 0; e < events; ++e) {
      std::string text;
      for (int w = 0; w < 6; ++w) text += fmt::format("Story{}word{} ", e, rng() % 8);
      for (int w = 0; w < 4; ++w) text += common[rng() % common.size()] + " ";
      LabelledArticle l;
      l.document = testing::Article(fmt::format("a{}-{}", e, a), fmt::format("outlet{}", rng() % 4),
                                    fmt::format("2024-03-{:02}", 1 + a + e % 3), text + ".");
      l.event = fmt::format("story{}", e);
      out.push_back(std::move(l));
    }
  }
  return out;
}

EventModelTrainingOptions QuickOptions() {
  EventModelTrainingOptions o;
  o.rounds = 15;
  o.depth = 3;
  o.undated_articles = 40;
  o.holdout = 0.25;
  return o;
}

Result<std::shared_ptr<const EventModel>> Train(const std::vector<LabelledArticle>& stream,
                                                std::string* text = nullptr) {
  TrainingReport report;
  ASSIGN_OR_RETURN(std::string model, TrainEventModel({{"small.jsonl", stream}}, QuickOptions(), &report));
  EXPECT_GT(report.ranker_rows, 0u);
  EXPECT_GT(report.decider_rows, 0u);
  if (text) *text = model;
  return EventModel::Parse(model, "small model");
}

int64_t EventsOf(const std::shared_ptr<const EventModel>& model) {
  ClustererOptions options;
  options.rule = SimilarityRule::kLearned;
  options.model = model;
  EventClusterer clusterer(options);
  for (const Document& d : testing::ThreeEvents()) clusterer.Add(d);
  return clusterer.EventCount();
}

// A model retrained from a small labelled stream loads and changes what the
// clusterer does: taught that every article is a story of its own, it keeps
// related articles apart that a model taught the true stories joins.
TEST(EventModelTrainingTest, RetrainedModelLoadsAndChangesAssignments) {
  const std::vector<LabelledArticle> stream = SmallStream(12, 6);
  std::vector<LabelledArticle> alone = stream;
  for (size_t i = 0; i < alone.size(); ++i) alone[i].event = fmt::format("own{}", i);

  std::string text;
  auto stories = Train(stream, &text);
  ASSERT_TRUE(stories.ok()) << stories.status().ToString();
  auto apart = Train(alone);
  ASSERT_TRUE(apart.ok()) << apart.status().ToString();

  EXPECT_NE(text.find("small.jsonl: 72 articles, 12 events, 2024-03-01..2024-03-08"),
            std::string::npos);
  EXPECT_EQ(EventsOf(*stories), 3);
  EXPECT_EQ(EventsOf(*apart), 6);
}

TEST(EventModelTrainingTest, SameStreamSameModel) {
  const std::vector<LabelledArticle> stream = SmallStream(6, 5);
  TrainingReport report;
  auto a = TrainEventModel({{"s", stream}}, QuickOptions(), &report);
  auto b = TrainEventModel({{"s", stream}}, QuickOptions(), &report);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(EventModelTrainingTest, NothingToLearnFromIsAnError) {
  TrainingReport report;
  EXPECT_EQ(TrainEventModel({}, QuickOptions(), &report).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainEventModel({{"empty.jsonl", {}}}, QuickOptions(), &report).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace chorus
