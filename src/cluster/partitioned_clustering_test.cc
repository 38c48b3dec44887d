#include "chorus/partitioned_clustering.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "chorus/event_stream.h"
#include "cluster/test_articles.h"

namespace chorus {
namespace {

using testing::Article;
using testing::ThreeEvents;

std::vector<int64_t> Tail(const ClusteredPartition& p, size_t start) {
  return {p.events.begin() + static_cast<std::ptrdiff_t>(start), p.events.end()};
}

TEST(WarmupStartTest, KeepsTheLastDaysAndUndatedArticlesAmongThem) {
  std::vector<Document> docs = {Article("a", "", "2024-07-01", "x"),
                                Article("b", "", "2024-07-02", "x"), Article("c", "", "", "x"),
                                Article("d", "", "2024-07-04", "x"), Article("e", "", "", "x")};
  EXPECT_EQ(WarmupStart(docs, 1), 3u);  // d and the undated e after it
  EXPECT_EQ(WarmupStart(docs, 3), 1u);  // b (2 days before d), undated c, d, e
  EXPECT_EQ(WarmupStart(docs, 10), 0u);
  EXPECT_EQ(WarmupStart(docs, 0), docs.size());
  std::vector<Document> undated = {Article("u", "", "", "x")};
  EXPECT_EQ(WarmupStart(undated, 5), 1u);
}

// Two partitions whose cut falls inside all three events: the warm-up ties
// each event's halves together, and the stitched clustering equals one
// clusterer's over the whole stream.
TEST(PartitionedClusteringTest, EventsRunningAcrossTheCutAreStitched) {
  const std::vector<Document> all = ThreeEvents();
  ASSERT_EQ(all.size(), 6u);
  const std::span<const Document> first(all.data(), 3), second(all.data() + 3, 3);
  const size_t tail = WarmupStart(first, 30);
  ASSERT_EQ(tail, 0u);
  const ClusteredPartition p0 = ClusterPartition({}, first, {});
  const ClusteredPartition p1 = ClusterPartition(first.subspan(tail), second, {});
  EXPECT_EQ(p1.warmup_events.size(), 3u);
  EXPECT_EQ(p0.event_info.size(), 3u);

  std::vector<PartitionBoundary> boundaries(2);
  boundaries[0].tail_events = Tail(p0, tail);
  boundaries[0].events = static_cast<int64_t>(p0.event_info.size());
  boundaries[1].warmup_events = p1.warmup_events;
  boundaries[1].events = static_cast<int64_t>(p1.event_info.size());
  auto global = StitchPartitions(boundaries);
  ASSERT_TRUE(global.ok()) << global.status().ToString();

  EventClusterer whole;
  std::vector<int64_t> expected;
  for (const Document& d : all) expected.push_back(whole.Add(d).event);
  std::vector<int64_t> stitched;
  for (int64_t e : p0.events) stitched.push_back((*global)[0][e - 1]);
  for (int64_t e : p1.events) stitched.push_back((*global)[1][e - 1]);
  EXPECT_EQ(stitched, expected);
}

TEST(PartitionedClusteringTest, WithoutWarmupEventsStartAfreshAndAreNumberedInOrder) {
  std::vector<PartitionBoundary> boundaries(3);
  boundaries[0].events = 2;
  boundaries[0].tail_events = {2, 2};
  boundaries[1].events = 3;
  boundaries[1].warmup_events = {1, 3};  // local 1 and 3 both continue global 2
  boundaries[1].tail_events = {2};
  boundaries[2].events = 2;
  boundaries[2].warmup_events = {2};  // local 2 continues partition 1's new event
  auto global = StitchPartitions(boundaries);
  ASSERT_TRUE(global.ok()) << global.status().ToString();
  EXPECT_EQ((*global)[0], (std::vector<int64_t>{1, 2}));
  EXPECT_EQ((*global)[1], (std::vector<int64_t>{2, 3, 2}));
  EXPECT_EQ((*global)[2], (std::vector<int64_t>{4, 3}));
}

TEST(PartitionedClusteringTest, MajorityOfWarmupArticlesDecides) {
  std::vector<PartitionBoundary> boundaries(2);
  boundaries[0].events = 3;
  boundaries[0].tail_events = {1, 3, 3, 1};
  boundaries[1].events = 1;
  boundaries[1].warmup_events = {1, 1, 1,
                                 1};  // a local merge of global 1 and 3: a tie, the older wins
  auto global = StitchPartitions(boundaries);
  ASSERT_TRUE(global.ok());
  EXPECT_EQ((*global)[1], (std::vector<int64_t>{1}));
  boundaries[0].tail_events = {1, 3, 3, 3};
  global = StitchPartitions(boundaries);
  ASSERT_TRUE(global.ok());
  EXPECT_EQ((*global)[1], (std::vector<int64_t>{3}));
}

TEST(PartitionedClusteringTest, MismatchedBoundariesAreErrors) {
  std::vector<PartitionBoundary> boundaries(2);
  boundaries[0].events = 1;
  boundaries[0].tail_events = {1};
  boundaries[1].events = 1;
  boundaries[1].warmup_events = {1, 1};
  EXPECT_EQ(StitchPartitions(boundaries).status().code(), StatusCode::kInvalidArgument);
  boundaries[1].warmup_events = {2};
  EXPECT_EQ(StitchPartitions(boundaries).status().code(), StatusCode::kInvalidArgument);
  boundaries[1].warmup_events = {};
  boundaries[0].warmup_events = {1};
  EXPECT_EQ(StitchPartitions(boundaries).status().code(), StatusCode::kInvalidArgument);
}

class StitchedStoreWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("chorus_stitched_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

// The writer's store reads like one `chorus cluster` wrote: same events, same
// labels, and a later EventStream continues its events.
TEST_F(StitchedStoreWriterTest, StoreEqualsOneClusterersAndContinues) {
  const std::vector<Document> all = ThreeEvents();
  auto stream = EventStream::Open(Path("cluster.db"), {});
  ASSERT_TRUE(stream.ok());
  std::vector<int64_t> events;
  for (const Document& d : all) {
    ASSERT_TRUE(
        (*stream)->Add(d, [&](const StreamAssignment& a) { events.push_back(a.event); }).ok());
  }
  ASSERT_TRUE((*stream)->Flush([&](const StreamAssignment& a) { events.push_back(a.event); }).ok());
  const auto expected = (*stream)->store().ListEvents();
  ASSERT_TRUE(expected.ok());

  auto writer = StitchedStoreWriter::Open(Path("stitched.db"), {});
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_TRUE((*writer)->Append(all[i], events[i], std::nullopt).ok());
  }
  EXPECT_TRUE((*writer)->Append(all[0], events[0], std::nullopt).ok());  // seen: skipped
  EXPECT_EQ((*writer)->skipped(), 1u);
  ASSERT_TRUE((*writer)->Flush().ok());
  writer->reset();

  auto reopened = EventStream::Open(Path("stitched.db"), {});
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  const auto got = (*reopened)->store().ListEvents();
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), expected->size());
  for (size_t i = 0; i < got->size(); ++i) {
    EXPECT_EQ((*got)[i].top_terms, (*expected)[i].top_terms);
    EXPECT_EQ((*got)[i].articles, (*expected)[i].articles);
  }
  // A new flood article continues the stored flood event.
  int64_t flood = 0;
  Document more = all[0];
  more.id = "flood-3";
  ASSERT_TRUE((*reopened)->Add(more, [&](const StreamAssignment& a) { flood = a.event; }).ok());
  ASSERT_TRUE((*reopened)->Flush([&](const StreamAssignment& a) { flood = a.event; }).ok());
  EXPECT_EQ(flood, events[0]);
}

TEST_F(StitchedStoreWriterTest, RefusesOutOfOrderEventsBadCopiesAndUsedStores) {
  const std::vector<Document> all = ThreeEvents();
  auto writer = StitchedStoreWriter::Open(Path("s.db"), {});
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ((*writer)->Append(all[0], 2, std::nullopt).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE((*writer)->Append(all[0], 1, std::nullopt).ok());
  EXPECT_EQ((*writer)->Append(all[1], 2, std::string("nope")).code(), StatusCode::kInvalidArgument);
  Document unnamed = all[1];
  unnamed.id.clear();
  EXPECT_EQ((*writer)->Append(unnamed, 2, std::nullopt).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE((*writer)->Append(all[1], 2, std::nullopt).ok());
  // A copy must be in its original's event; after that the writer stops.
  EXPECT_EQ((*writer)->Append(all[2], 2, all[0].id).code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE((*writer)->Flush().ok());
  writer->reset();
  auto stream = EventStream::Open(Path("used.db"), {});
  ASSERT_TRUE(stream.ok());
  ASSERT_TRUE((*stream)->Add(all[0], nullptr).ok());
  ASSERT_TRUE((*stream)->Flush(nullptr).ok());
  stream->reset();
  EXPECT_EQ(StitchedStoreWriter::Open(Path("used.db"), {}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace chorus
