#include "chorus/event_stream.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "cluster/test_articles.h"

namespace chorus {
namespace {

using testing::ThreeEvents;

class EventStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("chorus_stream_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Db(const std::string& name) const { return (dir_ / name).string(); }

  // Feeds `docs` through a stream opened on `path`; returns acknowledged assignments.
  std::map<std::string, StreamAssignment> Feed(const std::string& path,
                                               const std::vector<Document>& docs,
                                               uint32_t batch = 2) {
    EventStreamOptions options;
    options.batch_size = batch;
    auto stream = EventStream::Open(path, options);
    EXPECT_TRUE(stream.ok()) << stream.status().ToString();
    std::map<std::string, StreamAssignment> out;
    auto sink = [&](const StreamAssignment& a) { out[a.article] = a; };
    for (const Document& d : docs) EXPECT_TRUE((*stream)->Add(d, sink).ok());
    EXPECT_TRUE((*stream)->Flush(sink).ok());
    return out;
  }

  std::filesystem::path dir_;
};

TEST_F(EventStreamTest, LaterRunsContinueTheSameEvents) {
  const std::vector<Document> docs = ThreeEvents();
  const auto whole = Feed(Db("whole.db"), docs);
  const std::vector<Document> first(docs.begin(), docs.begin() + 3);
  const std::vector<Document> second(docs.begin() + 3, docs.end());
  auto split = Feed(Db("split.db"), first);
  auto later = Feed(Db("split.db"), second);
  split.insert(later.begin(), later.end());
  ASSERT_EQ(split.size(), docs.size());
  for (const Document& d : docs) EXPECT_EQ(split[d.id].event, whole.at(d.id).event) << d.id;
  EXPECT_EQ(split["flood-2"].event, split["flood-1"].event);
}

TEST_F(EventStreamTest, RefeedingStoredArticlesIsSkipped) {
  const std::vector<Document> docs = ThreeEvents();
  Feed(Db("s.db"), docs);
  const auto again = Feed(Db("s.db"), docs);
  EXPECT_TRUE(again.empty());
  auto store = EventStore::Open(Db("s.db"), {});
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(*(*store)->ArticleCount(), docs.size());
}

TEST_F(EventStreamTest, AcknowledgesOnlyCommittedBatches) {
  EventStreamOptions options;
  options.batch_size = 4;
  auto stream = EventStream::Open(Db("b.db"), options);
  ASSERT_TRUE(stream.ok());
  int acknowledged = 0;
  auto sink = [&](const StreamAssignment&) { ++acknowledged; };
  const std::vector<Document> docs = ThreeEvents();
  for (size_t i = 0; i < 3; ++i) ASSERT_TRUE((*stream)->Add(docs[i], sink).ok());
  EXPECT_EQ(acknowledged, 0);
  ASSERT_TRUE((*stream)->Add(docs[3], sink).ok());
  EXPECT_EQ(acknowledged, 4);
  ASSERT_TRUE((*stream)->Flush(sink).ok());
  EXPECT_EQ(acknowledged, 4);
}

TEST_F(EventStreamTest, StoredEventLoadsAsAClusterWithFullArticles) {
  const std::vector<Document> docs = ThreeEvents();
  Document copy = docs[1];
  copy.id = "chess-copy";
  copy.url = "https://example.com/chess";
  std::vector<Document> feed = docs;
  feed.push_back(copy);
  const auto assigned = Feed(Db("e.db"), feed);
  ASSERT_EQ(assigned.at("chess-copy").duplicate_of, std::optional<std::string>("chess-1"));

  auto store = EventStore::Open(Db("e.db"), {.read_only = true});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const int64_t chess = assigned.at("chess-1").event;
  auto cluster = (*store)->LoadEvent(chess);
  ASSERT_TRUE(cluster.ok());
  ASSERT_EQ(cluster->documents.size(), 2u);  // the copy is left out
  EXPECT_EQ(cluster->documents[0].id, "chess-1");
  EXPECT_EQ(cluster->documents[0].text, docs[1].text);
  EXPECT_EQ(cluster->documents[0].source, "NYT");
  EXPECT_EQ(cluster->documents[1].date, "2024-07-04");
  auto with_copies = (*store)->LoadEvent(chess, /*include_duplicates=*/true);
  ASSERT_TRUE(with_copies.ok());
  EXPECT_EQ(with_copies->documents.size(), 3u);
  EXPECT_EQ((*store)->LoadEvent(999).status().code(), StatusCode::kNotFound);

  auto events = (*store)->ListEvents();
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  const EventInfo& e = (*events)[chess - 1];
  EXPECT_EQ(e.articles, 3u);
  EXPECT_EQ(e.duplicates, 1u);
  EXPECT_EQ(e.independent_sources, 2u);
  EXPECT_EQ(e.first_date, "2024-07-02");
  EXPECT_FALSE(e.top_terms.empty());
}

// Regression: an article too short for a MinHash signature has an empty
// features blob, which SQLite stored as NULL and rejected (NOT NULL).
TEST_F(EventStreamTest, ShortArticleWithoutSignatureIsStored) {
  const std::vector<Document> docs = {
      testing::Article("brief", "APW", "2024-07-01", "Floods in Bangladesh."),
      testing::Article("empty", "", "", "")};
  const auto assigned = Feed(Db("short.db"), docs);
  EXPECT_EQ(assigned.size(), 2u);
  const auto again = Feed(Db("short.db"), docs);  // replays the empty blobs
  EXPECT_TRUE(again.empty());
}

TEST_F(EventStreamTest, BadStoresAndArticlesAreErrorsNotCrashes) {
  EXPECT_EQ(EventStore::Open(Db("missing.db"), {.read_only = true}).status().code(),
            StatusCode::kNotFound);
  {
    std::FILE* f = std::fopen(Db("junk.db").c_str(), "w");
    std::fputs("this is not a database, just some text that is long enough", f);
    std::fclose(f);
  }
  EXPECT_FALSE(EventStream::Open(Db("junk.db"), {}).ok());
  auto stream = EventStream::Open(Db("ok.db"), {});
  ASSERT_TRUE(stream.ok());
  Document no_id;
  no_id.text = "text";
  EXPECT_EQ((*stream)->Add(no_id, nullptr).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace chorus
