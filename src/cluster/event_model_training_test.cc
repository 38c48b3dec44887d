#include "chorus/event_model_training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/event_model.h"
#include "cluster/pair_features.h"
#include "cluster/test_articles.h"
#include "cluster/training_rows.h"
#include "fmt/format.h"

namespace chorus {
namespace {

// A small labelled stream: `events` stories of `per_event` articles, each
// article a few of its story's words among common ones, a day apart within a
// story; stories interleaved.
std::vector<LabelledArticle> SmallStream(uint32_t events, uint32_t per_event) {
  std::mt19937 rng(5);
  const std::vector<std::string> common = {"officials", "said", "report",     "people",
                                           "week",      "city", "government", "statement",
                                           "local",     "news"};
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
  ASSIGN_OR_RETURN(std::string model,
                   TrainEventModel({{"small.jsonl", stream}}, QuickOptions(), &report));
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

// The undated feed shows the clusterer neither dates nor outlets, in both the
// teacher-forced and the on-policy rows: their date and outlet features are
// missing (NaN), where the dated feed's are known.
TEST(EventModelTrainingTest, UndatedFeedHidesDatesAndOutlets) {
  const std::vector<LabelledArticle> stream = SmallStream(4, 4);
  auto model = Train(stream);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ClustererOptions policy;
  policy.rule = SimilarityRule::kLearned;
  policy.model = *model;
  auto missing = [](const TrainingRows& rows, PairFeature f) {
    size_t n = 0;
    for (const PairFeatures& p : rows.features) n += std::isnan(p[f]) ? 1 : 0;
    return n;
  };
  for (bool undated : {false, true}) {
    const StreamFeed feed =
        undated ? UndatedFeed(stream, stream.size(), 3) : TimeOrderedFeed(stream, 3);
    TrainingRows forced, on_policy;
    TrainingReport report;
    AppendTeacherForcedRows(feed, ClustererOptions(), &forced, &report);
    AppendOnPolicyRows(feed, policy, &on_policy);
    for (const TrainingRows* rows : {&forced, &on_policy}) {
      ASSERT_FALSE(rows->features.empty());
      const size_t all = undated ? rows->features.size() : 0;
      EXPECT_EQ(missing(*rows, kDaysOutside), all) << undated;
      EXPECT_EQ(missing(*rows, kSourceInEvent), all) << undated;
    }
  }
}

// However the other features stand, raising a similarity feature never
// lowers the ranker's score or the join probability (monotone constraints),
// even when the stream teaches the opposite: here near-copies of an article
// are other stories (as GVA's look-alike incidents are), from which
// unconstrained trees learn that the most alike candidates are less likely
// one story.
TEST(EventModelTrainingTest, MoreAlikeNeverScoresLower) {
  std::vector<LabelledArticle> stream = SmallStream(12, 6);
  for (size_t i = 0, n = stream.size(); i < n; i += 3) {
    LabelledArticle copy = stream[i];
    copy.document.id += "-copy";
    copy.event = fmt::format("copy{}", i);
    stream.push_back(std::move(copy));
  }
  EventModelTrainingOptions options = QuickOptions();
  options.monotone = true;
  TrainingReport report;
  auto text = TrainEventModel({{"s", stream}}, options, &report);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("monotone in every similarity feature"), std::string::npos);
  auto model = EventModel::Parse(*text, "monotone model");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> unit(0, 1);
  size_t similarity_features = 0, probes = 0;
  std::vector<std::string> falls;
  for (int base = 0; base < 200; ++base) {
    DecisionFeatures row;
    for (float& x : row) x = unit(rng) * (unit(rng) < 0.3f ? 10.0f : 1.0f);
    for (uint32_t f = 0; f < kDecisionFeatureCount; ++f) {
      if (SimilarityDirection(f) == 0) continue;
      if (base == 0) ++similarity_features;
      DecisionFeatures probe = row;
      double last_rank = -INFINITY, last_join = -INFINITY;
      for (int step = 0; step <= 40; ++step, ++probes) {
        // Cosines and overlaps run 0..1 (2 here), the ranker's margin -10..10.
        probe[f] = f == kBestRank ? -10.0f + 0.5f * static_cast<float>(step)
                                  : 0.05f * static_cast<float>(step);
        const double join = (*model)->JoinProbability(probe);
        if (join < last_join)
          falls.push_back(fmt::format("join at {} {}", FeatureNames()[f], probe[f]));
        last_join = join;
        if (f >= kPairFeatureCount) continue;
        const double rank = (*model)->Rank(std::span<const float>(probe.data(), kPairFeatureCount));
        if (rank < last_rank)
          falls.push_back(fmt::format("rank at {} {}", FeatureNames()[f], probe[f]));
        last_rank = rank;
      }
    }
  }
  EXPECT_EQ(similarity_features, 12u);
  EXPECT_GT(probes, 0u);
  EXPECT_TRUE(falls.empty()) << falls.size() << " falls, first: " << falls.front();
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
