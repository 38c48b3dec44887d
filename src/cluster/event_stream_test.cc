#include "chorus/event_stream.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>

#include "chorus/store.h"
#include "cluster/test_articles.h"
#include "fmt/format.h"

namespace chorus {
namespace {

using testing::LaterFloodArticles;
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

// A store as the previous release (schema 1, c748632) wrote it: articles with
// their events and that release's features (here a placeholder: migration
// re-derives them from the stored text).
void WriteSchema1Store(const std::string& path, const std::vector<Document>& docs,
                       const std::vector<int64_t>& events) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const char* schema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE terms(id INTEGER PRIMARY KEY, stem TEXT NOT NULL, label TEXT NOT NULL);
CREATE TABLE articles(
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL, date TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL,
  text TEXT NOT NULL, event INTEGER NOT NULL, duplicate_of INTEGER REFERENCES articles(seq),
  day INTEGER, terms BLOB NOT NULL, minhash BLOB NOT NULL);
CREATE INDEX articles_by_event ON articles(event);
CREATE TABLE events(
  id INTEGER PRIMARY KEY, label TEXT NOT NULL, first_date TEXT NOT NULL, last_date TEXT NOT NULL,
  articles INTEGER NOT NULL, duplicates INTEGER NOT NULL, sources INTEGER NOT NULL);
INSERT INTO meta VALUES ('schema', '1');
INSERT INTO terms VALUES (0, 'old', 'old');
)sql";
  ASSERT_EQ(sqlite3_exec(db, schema, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  for (size_t i = 0; i < docs.size(); ++i) {
    const Document& d = docs[i];
    const std::string sql = fmt::format(
        "INSERT INTO articles VALUES ({}, '{}', '{}', '{}', '', '', '{}', {}, NULL, NULL, "
        "x'0000000000000040', x'');"
        "INSERT OR REPLACE INTO events VALUES ({}, 'old label', '{}', '{}', 1, 0, 1);",
        i, d.id, d.source, d.date, d.text, events[i], events[i], d.date, d.date);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
  }
  sqlite3_close(db);
}

TEST_F(EventStreamTest, StoreOfThePreviousReleaseIsMigratedAndContinued) {
  const std::vector<Document> docs = ThreeEvents();
  const auto whole = Feed(Db("whole.db"), docs);
  const std::vector<Document> first(docs.begin(), docs.begin() + 3);
  const std::vector<Document> second(docs.begin() + 3, docs.end());
  WriteSchema1Store(Db("old.db"), first, {1, 2, 3});

  {  // Read-only, as `chorus events` or the server open it: readable as it is.
    auto store = EventStore::Open(Db("old.db"), {.read_only = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto events = (*store)->ListEvents();
    ASSERT_TRUE(events.ok());
    EXPECT_EQ(events->size(), 3u);
    const Status replay = (*store)->ForEachArticle([](StoredArticle&&) { return Status::Ok(); });
    EXPECT_NE(replay.message().find("open it for writing once"), std::string::npos)
        << replay.ToString();
  }
  // Opened for writing: migrated, and later articles continue its events.
  const auto later = Feed(Db("old.db"), second);
  ASSERT_EQ(later.size(), second.size());
  for (const Document& d : second) EXPECT_EQ(later.at(d.id).event, whole.at(d.id).event) << d.id;

  {  // Closed before the stream below opens it: one writer per store.
    auto store = EventStore::Open(Db("old.db"), {});
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->features(), kArticleFeatures);
    auto chess = (*store)->LoadEvent(2);
    ASSERT_TRUE(chess.ok());
    EXPECT_EQ(chess->documents.size(), 2u);
  }
  // A migrated store replays like one this release wrote.
  const auto again = Feed(Db("old.db"), {});
  EXPECT_TRUE(again.empty());
}

TEST_F(EventStreamTest, StoreOfANewerReleaseIsRefused) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(Db("new.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "INSERT INTO meta VALUES ('schema', '9');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto stream = EventStream::Open(Db("new.db"), {});
  ASSERT_FALSE(stream.ok());
  EXPECT_NE(stream.status().message().find("schema 9"), std::string::npos)
      << stream.status().ToString();
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
// A flood story split early (flood-3 opens event 4, flood-4 joins it, the
// young event merges into event 1): the store lists event 4 no more, reads
// it as event 1 with all its articles, and says so again after a reopen (the
// merges are stored, not only remade by a replay).
TEST_F(EventStreamTest, StoreReadsAMergedEventAsTheOneItIsPartOf) {
  std::vector<Document> docs = ThreeEvents();
  for (const Document& d : LaterFloodArticles()) docs.push_back(d);
  EventStreamOptions options;
  options.batch_size = 3;
  options.clusterer.rule = SimilarityRule::kLearned;
  options.clusterer.join_probability = 0.25;
  options.clusterer.merge_probability = 0.0;
  {
    auto stream = EventStream::Open(Db("m.db"), options);
    ASSERT_TRUE(stream.ok());
    std::map<std::string, StreamAssignment> out;
    auto sink = [&](const StreamAssignment& a) { out[a.article] = a; };
    for (const Document& d : docs) ASSERT_TRUE((*stream)->Add(d, sink).ok());
    ASSERT_TRUE((*stream)->Flush(sink).ok());
    ASSERT_EQ(out["flood-3"].event, 4);
    ASSERT_EQ(out["flood-4"].merged_into, 1);
  }
  auto store = EventStore::Open(Db("m.db"), {.read_only = true});
  ASSERT_TRUE(store.ok());
  auto listed = (*store)->ListEvents();
  ASSERT_TRUE(listed.ok());
  std::vector<int64_t> ids;
  for (const EventInfo& e : *listed) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ((*listed)[0].articles, 4u);
  for (const int64_t asked : {1, 4}) {
    EXPECT_EQ(*(*store)->CurrentEvent(asked), 1);
    auto event = (*store)->LoadEvent(asked);
    ASSERT_TRUE(event.ok());
    EXPECT_EQ(event->id, "1");
    std::vector<std::string> articles;
    for (const Document& d : event->documents) articles.push_back(d.id);
    EXPECT_EQ(articles, (std::vector<std::string>{"flood-1", "flood-2", "flood-3", "flood-4"}));
  }
  EXPECT_EQ(*(*store)->CurrentEvent(2), 2);
  EXPECT_EQ((*store)->LoadEvent(5).status().code(), StatusCode::kNotFound);
}

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
