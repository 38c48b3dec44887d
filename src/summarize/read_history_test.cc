#include "chorus/read_history.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

Cluster Named(std::string id, std::vector<std::pair<std::string, std::string>> articles) {
  Cluster c;
  c.id = std::move(id);
  for (auto& [doc_id, date] : articles) {
    Document d;
    d.id = doc_id;
    d.date = date;
    d.text = "Text of " + doc_id + ".";
    c.documents.push_back(std::move(d));
  }
  return c;
}

TEST(ReadHistoryTest, GathersTheNamedClustersInOrderEachArticleOnce) {
  ReadHistory history;
  history.Add(Named("A", {{"a1", ""}, {"a2", ""}}));
  history.Add(Named("B", {{"b1", ""}, {"a2", ""}}));
  Result<Cluster> read = history.ArticlesOf({"B", "A"});
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  std::vector<std::string> ids;
  for (const Document& d : read->documents) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"b1", "a2", "a1"}));
  EXPECT_TRUE(history.ArticlesOf({})->documents.empty());
  // A later cluster of the same id replaces the earlier one.
  history.Add(Named("A", {{"a9", ""}}));
  EXPECT_EQ(history.ArticlesOf({"A"})->documents.at(0).id, "a9");
}

TEST(ReadHistoryTest, UnknownAndForgottenClustersAreNamedInTheError) {
  ReadHistory history(40);  // room for about two of these clusters' text
  Result<Cluster> missing = history.ArticlesOf({"nope"});
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("'nope'"), std::string::npos);
  history.Add(Named("A", {{"a1", ""}, {"a2", ""}}));
  history.Add(Named("B", {{"b1", ""}, {"b2", ""}}));
  history.Add(Named("C", {{"c1", ""}, {"c2", ""}}));
  EXPECT_TRUE(history.ArticlesOf({"C"}).ok());
  Result<Cluster> forgotten = history.ArticlesOf({"A"});
  EXPECT_EQ(forgotten.status().code(), StatusCode::kNotFound);
  EXPECT_NE(forgotten.status().message().find("forgotten"), std::string::npos)
      << forgotten.status().message();
}

TEST(ReadHistoryTest, SplitAtDateKeepsUndatedArticlesAsNew) {
  const Cluster event = Named("e", {{"old", "2024-03-01"},
                                    {"new", "2024-03-02"},
                                    {"undated", ""},
                                    {"stamped", "2024-03-01T23:59:00Z"}});
  Result<DateSplit> split = SplitAtDate(event, "2024-03-02");
  ASSERT_TRUE(split.ok());
  ASSERT_EQ(split->before.documents.size(), 2u);
  EXPECT_EQ(split->before.documents[0].id, "old");
  EXPECT_EQ(split->before.documents[1].id, "stamped");
  ASSERT_EQ(split->since.documents.size(), 2u);
  EXPECT_EQ(split->since.documents[0].id, "new");
  EXPECT_EQ(split->since.id, "e");
  EXPECT_EQ(SplitAtDate(event, "March 2").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SplitAtDate(event, "").status().code(), StatusCode::kInvalidArgument);
}

TEST(ReadHistoryTest, AnalyzeSinceReadsTheEarlierArticles) {
  const ClusterAnalyzer analyzer;
  const Cluster event = Named("e", {{"old", "2024-03-01"}, {"new", "2024-03-02"}});
  Result<AnalyzedUpdate> update = AnalyzeSince(analyzer, event, "2024-03-02");
  ASSERT_TRUE(update.ok());
  ASSERT_NE(update->already_read(), nullptr);
  EXPECT_EQ(update->read.documents.size(), 1u);
  EXPECT_EQ(update->fresh.documents.at(0).id, "new");
  Result<AnalyzedUpdate> whole = AnalyzeSince(analyzer, event, "");
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->already_read(), nullptr);
  EXPECT_EQ(whole->fresh.documents.size(), 2u);
}

}  // namespace
}  // namespace chorus
