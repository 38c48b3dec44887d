#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "chorus/clusterer.h"
#include "cluster/test_articles.h"

namespace chorus {
namespace {

using testing::Article;
using testing::LaterFloodArticles;
using testing::ThreeEvents;

std::map<std::string, int64_t> ClusterAll(EventClusterer& clusterer,
                                          const std::vector<Document>& docs) {
  std::map<std::string, int64_t> event;
  for (const Document& d : docs) event[d.id] = clusterer.Add(d).event;
  return event;
}

TEST(EventClustererTest, GroupsArticlesByEvent) {
  EventClusterer clusterer;
  auto event = ClusterAll(clusterer, ThreeEvents());
  EXPECT_EQ(event["flood-1"], event["flood-2"]);
  EXPECT_EQ(event["chess-1"], event["chess-2"]);
  EXPECT_EQ(event["volcano-1"], event["volcano-2"]);
  EXPECT_NE(event["flood-1"], event["chess-1"]);
  EXPECT_NE(event["flood-1"], event["volcano-1"]);
  EXPECT_NE(event["chess-1"], event["volcano-1"]);
  EXPECT_EQ(clusterer.EventCount(), 3);
  const EventInfo flood = clusterer.Describe(event["flood-1"]);
  EXPECT_EQ(flood.articles, 2u);
  EXPECT_EQ(flood.independent_sources, 2u);
  EXPECT_EQ(flood.first_date, "2024-07-01");
  EXPECT_EQ(flood.last_date, "2024-07-03");
  ASSERT_FALSE(flood.top_terms.empty());
  // Labels are words as written (case-folded), not stems.
  EXPECT_NE(std::find(flood.top_terms.begin(), flood.top_terms.end(), "floods"),
            flood.top_terms.end());
}

// Regression: crawl notices saved in place of articles are identical pages,
// so they were caught as copies of each other and glued into one event that
// spanned unrelated stories. After cleaning they have no content: each opens
// its own event and none is a copy.
TEST(EventClustererTest, PagesWithNoContentAfterCleaningStayApart) {
  EventClusterer clusterer;
  const std::string notice =
      "Starting in 2001, a partner has been giving its crawl data to the Internet Archive. "
      "Flowing in every day, these data are added to the Wayback Machine after an embargo "
      "period, so that pages can be seen as they were.";
  std::vector<ArticleAssignment> out;
  for (const char* id : {"n1", "n2", "n3"})
    out.push_back(clusterer.Add(Article(id, "", "", notice)));
  for (const ArticleAssignment& a : out) {
    EXPECT_TRUE(a.no_content);
    EXPECT_TRUE(a.new_event);
    EXPECT_FALSE(a.duplicate_of.has_value());
  }
  EXPECT_EQ(clusterer.EventCount(), 3);
  // An article with content is unaffected and is not glued to them.
  const ArticleAssignment story = clusterer.Add(ThreeEvents()[0]);
  EXPECT_FALSE(story.no_content);
  EXPECT_EQ(story.event, 4);
}

TEST(EventClustererTest, CutAboveEveryScoreOpensAnEventPerArticle) {
  ClustererOptions learned;
  learned.rule = SimilarityRule::kLearned;
  learned.join_probability = 1.0;  // a probability stays below 1
  EventClusterer by_model(learned);
  ClusterAll(by_model, ThreeEvents());
  EXPECT_EQ(by_model.EventCount(), 6);
  ClustererOptions cosine;
  cosine.rule = SimilarityRule::kCosine;
  cosine.threshold = 1.01;
  EventClusterer by_cosine(cosine);
  ClusterAll(by_cosine, ThreeEvents());
  EXPECT_EQ(by_cosine.EventCount(), 6);
}

TEST(EventClustererTest, CosineRuleGroupsArticlesByEvent) {
  ClustererOptions cosine;
  cosine.rule = SimilarityRule::kCosine;
  EventClusterer clusterer(cosine);
  auto event = ClusterAll(clusterer, ThreeEvents());
  EXPECT_EQ(event["flood-1"], event["flood-2"]);
  EXPECT_EQ(event["chess-1"], event["chess-2"]);
  EXPECT_EQ(event["volcano-1"], event["volcano-2"]);
  EXPECT_EQ(clusterer.EventCount(), 3);
}

TEST(EventClustererTest, WindowKeepsDistantDatesApart) {
  ClustererOptions options;
  options.window_days = 10;
  EventClusterer clusterer(options);
  std::vector<Document> docs = ThreeEvents();
  docs[3].date = "2025-01-01";  // flood-2, half a year later
  auto event = ClusterAll(clusterer, docs);
  EXPECT_NE(event["flood-1"], event["flood-2"]);
  EXPECT_EQ(event["chess-1"], event["chess-2"]);
}

TEST(EventClustererTest, SyndicatedCopyIsADuplicateAndNoNewSource) {
  EventClusterer clusterer;
  std::vector<Document> docs = ThreeEvents();
  for (const Document& d : docs) clusterer.Add(d);
  Document copy = docs[2];  // volcano-1 re-published by another outlet, one word changed
  copy.id = "volcano-copy";
  copy.source = "Reuters";
  const std::string::size_type pos = copy.text.find("overnight");
  copy.text.replace(pos, 9, "by night");
  const ArticleAssignment a = clusterer.Add(copy);
  ASSERT_TRUE(a.duplicate_of.has_value());
  EXPECT_EQ(*a.duplicate_of, 2u);  // arrival index of volcano-1
  const EventInfo volcano = clusterer.Describe(a.event);
  EXPECT_EQ(volcano.articles, 3u);
  EXPECT_EQ(volcano.duplicates, 1u);
  EXPECT_EQ(volcano.independent_sources, 2u);  // AFP and NYT; the Reuters copy does not count
}

TEST(EventClustererTest, RelatedButRewrittenArticleIsNotADuplicate) {
  EventClusterer clusterer;
  for (const Document& d : ThreeEvents()) {
    EXPECT_FALSE(clusterer.Add(d).duplicate_of.has_value()) << d.id;
  }
}

TEST(EventClustererTest, RestoreReproducesStateExactly) {
  std::vector<Document> docs = ThreeEvents();
  EventClusterer original;
  std::vector<ArticleAssignment> assignments;
  for (size_t i = 0; i < 4; ++i) assignments.push_back(original.Add(docs[i]));

  EventClusterer restored;
  for (uint32_t t = 0; t < original.TermCount(); ++t) {
    ASSERT_TRUE(restored.RestoreTerm(t, original.Term(t), original.TermLabel(t)).ok());
  }
  for (size_t i = 0; i < 4; ++i) {
    ASSERT_TRUE(restored
                    .Restore(assignments[i].record, assignments[i].event,
                             assignments[i].duplicate_of, docs[i].source)
                    .ok());
  }
  for (size_t i = 4; i < docs.size(); ++i) {
    const ArticleAssignment a = original.Add(docs[i]);
    const ArticleAssignment b = restored.Add(docs[i]);
    EXPECT_EQ(a.event, b.event);
    EXPECT_DOUBLE_EQ(a.similarity, b.similarity);
  }
  EXPECT_EQ(original.Describe(1).top_terms, restored.Describe(1).top_terms);
}

// Places `docs` in the given events as a store replay would.
void RestoreInto(EventClusterer& clusterer, const std::vector<Document>& docs,
                 const std::vector<int64_t>& events) {
  for (size_t i = 0; i < docs.size(); ++i) {
    ASSERT_TRUE(
        clusterer.Restore(clusterer.Represent(docs[i]), events[i], std::nullopt, docs[i].source)
            .ok());
  }
}

// A flood story split in two events early (flood-2 opened event 2): once the
// young event has two members, the model finds it in the older one.
TEST(EventClustererTest, YoungEventOfAStorySplitEarlyMergesIntoTheOlder) {
  const std::vector<Document> three = ThreeEvents();
  const std::vector<Document> later = LaterFloodArticles();
  const std::vector<Document> docs = {three[0], three[1], three[3], later[0]};
  for (const double cut : {0.0, 1.0}) {
    ClustererOptions o;
    o.rule = SimilarityRule::kLearned;
    o.merge_probability = cut;  // 0: whatever the model's best older candidate; 1: never
    EventClusterer clusterer(o);
    RestoreInto(clusterer, docs, {1, 2, 3, 3});
    EXPECT_EQ(clusterer.CurrentEvent(1), 1);
    EXPECT_EQ(clusterer.CurrentEvent(2), 2);  // chess: one member, not judged
    EXPECT_EQ(clusterer.CurrentEvent(3), cut == 0.0 ? 1 : 3);
    if (cut == 0.0) {
      EXPECT_EQ(clusterer.Describe(1).articles, 3u);
      // Event 3 left the index: a later flood article cannot join it.
      EXPECT_NE(clusterer.Add(later[1]).event, 3);
    }
  }
}

// Merges are made again when a stream is replayed, so a restored clusterer
// continues exactly as the one that never stopped.
TEST(EventClustererTest, RestoreRemakesMerges) {
  const std::vector<Document> three = ThreeEvents();
  const std::vector<Document> later = LaterFloodArticles();
  ClustererOptions o;
  o.rule = SimilarityRule::kLearned;
  o.merge_probability = 0.0;
  EventClusterer original(o);
  RestoreInto(original, {three[0], three[3]}, {1, 2});
  std::vector<ArticleAssignment> added;
  for (const Document& d : {three[1], later[0], three[4], three[2], three[5]})
    added.push_back(original.Add(d));
  EventClusterer restored(o);
  RestoreInto(restored, {three[0], three[3]}, {1, 2});
  for (uint32_t t = restored.TermCount(); t < original.TermCount(); ++t) {
    ASSERT_TRUE(restored.RestoreTerm(t, original.Term(t), original.TermLabel(t)).ok());
  }
  for (const ArticleAssignment& a : added) {
    ASSERT_TRUE(restored.Restore(a.record, a.event, a.duplicate_of, "").ok());
  }
  ASSERT_EQ(original.EventCount(), restored.EventCount());
  for (int64_t e = 1; e <= original.EventCount(); ++e) {
    EXPECT_EQ(original.CurrentEvent(e), restored.CurrentEvent(e)) << e;
    EXPECT_EQ(original.Describe(e).articles, restored.Describe(e).articles) << e;
  }
  const ArticleAssignment a = original.Add(later[1]);
  const ArticleAssignment b = restored.Add(later[1]);
  EXPECT_EQ(a.event, b.event);
  EXPECT_EQ(a.merged_into, b.merged_into);
  EXPECT_DOUBLE_EQ(a.similarity, b.similarity);
}

TEST(EventClustererTest, RestoreRejectsOutOfOrderEvents) {
  EventClusterer clusterer;
  ArticleRecord record;
  EXPECT_FALSE(clusterer.Restore(record, 3, std::nullopt, "").ok());
  EXPECT_FALSE(clusterer.Restore(record, 1, 5, "").ok());
  EXPECT_FALSE(clusterer.RestoreTerm(1, "x", "x").ok());
}

TEST(EventClustererTest, ArticlesWithoutDatesOrTextAreHandled) {
  EventClusterer clusterer;
  Document empty = Article("empty", "", "", "");
  EXPECT_EQ(clusterer.Add(empty).event, 1);
  Document undated = ThreeEvents()[0];
  undated.date = "sometime";
  EXPECT_EQ(clusterer.Add(undated).event, 2);
  EXPECT_EQ(clusterer.Describe(2).first_date, "");
}

TEST(DayTest, ParsesAndFormatsCivilDates) {
  EXPECT_EQ(ParseDay("1970-01-01"), 0);
  EXPECT_EQ(ParseDay("1998-10-16T12:00"), ParseDay("1998-10-16"));
  EXPECT_EQ(ParseDay("2000-03-01") - ParseDay("2000-02-28"), 2);  // leap year
  EXPECT_EQ(FormatDay(ParseDay("2024-02-29")), "2024-02-29");
  EXPECT_EQ(ParseDay("1998-13-01"), ArticleRecord::kNoDay);
  EXPECT_EQ(ParseDay("Oct 1998"), ArticleRecord::kNoDay);
}

}  // namespace
}  // namespace chorus
