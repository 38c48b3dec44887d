#include "chorus/partitioned_clustering.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "chorus/event_stream.h"
#include "cluster/test_articles.h"

namespace chorus {
namespace {

using testing::Article;
using testing::LaterFloodArticles;
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
  for (int64_t e : p0.events) stitched.push_back(global->global[0][e - 1]);
  for (int64_t e : p1.events) stitched.push_back(global->global[1][e - 1]);
  EXPECT_EQ(stitched, expected);
}

// Terms common in the stream before the warm-up weigh little in a seeded
// partition, as they do in one clusterer at the cut: two articles sharing
// only "storm hits" join under fresh statistics and part under the stream's.
TEST(PartitionedClusteringTest, SeededTermCountsWeighDownTheStreamsCommonTerms) {
  const std::vector<Document> articles = {
      Article("1", "a", "2024-05-01", "Storm hits coastal town, power lines down."),
      Article("2", "b", "2024-05-01", "Storm hits markets as shares tumble in Tokyo.")};
  std::vector<Document> before;
  for (int i = 0; i < 40; ++i) {
    before.push_back(Article(std::to_string(100 + i), "c", "2024-03-01",
                             "Storm hits region " + std::to_string(i) + " again."));
  }
  ClustererOptions cosine;
  cosine.rule = SimilarityRule::kCosine;
  const ClusteredPartition fresh = ClusterPartition({}, articles, cosine);
  EXPECT_EQ(fresh.events, (std::vector<int64_t>{1, 1}));
  const std::vector<size_t> all = {before.size()};
  const TermCounts seed = CountTerms(before, all, cosine).at(0);
  EXPECT_EQ(seed.docs, 40u);
  const Result<ClusteredPartition> seeded = ClusterPartition(seed, {}, articles, cosine);
  ASSERT_TRUE(seeded.ok()) << seeded.status().ToString();
  EXPECT_EQ(seeded->events, (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(seeded->warmup_events.empty());
  EXPECT_EQ(seeded->event_info.size(), 2u);  // the seed places nothing
}

// Counts of consecutive runs add up to the counts of the whole, terms in the
// same order, so partitions' counts can be taken apart and summed.
TEST(TermCountsTest, RunsAddUpToTheWhole) {
  const std::vector<Document> docs = ThreeEvents();
  const std::vector<size_t> whole_end = {docs.size()};
  const TermCounts whole = CountTerms(docs, whole_end, {}).at(0);
  const std::vector<size_t> ends = {1, 4, docs.size()};
  const std::vector<TermCounts> runs = CountTerms(docs, ends, {});
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].docs, 1u);
  TermCounts sum;
  for (const TermCounts& run : runs) AddTermCounts(run, &sum);
  EXPECT_EQ(sum.terms, whole.terms);
  EXPECT_EQ(sum.labels, whole.labels);
  EXPECT_EQ(sum.df, whole.df);
  EXPECT_EQ(sum.docs, docs.size());
  // A term of every run's own articles, counted once per article.
  const auto flood = std::find(whole.labels.begin(), whole.labels.end(), "floods");
  ASSERT_NE(flood, whole.labels.end());
  EXPECT_EQ(whole.df[flood - whole.labels.begin()], 2u);
}

// Copies are not counted (EventClusterer::Add does not count them), but
// their new terms enter the dictionary as Add's do.
TEST(TermCountsTest, NearDuplicatesAreNotCounted) {
  std::vector<Document> docs = ThreeEvents();
  docs.push_back(docs[0]);
  docs.back().id = "flood-1-copy";
  const std::vector<size_t> ends = {docs.size()};
  const TermCounts counts = CountTerms(docs, ends, {}).at(0);
  EXPECT_EQ(counts.docs, docs.size() - 1);
  EventClusterer clusterer;
  for (const Document& d : docs) clusterer.Add(d);
  ASSERT_EQ(counts.terms.size(), clusterer.TermCount());
  for (uint32_t t = 0; t < clusterer.TermCount(); ++t) {
    EXPECT_EQ(counts.terms[t], clusterer.Term(t));
    EXPECT_EQ(counts.labels[t], clusterer.TermLabel(t));
  }
}

// A seeded clusterer numbers and labels terms as one that read the seed's
// articles itself (stored term ids and event labels agree).
TEST(TermCountsTest, SeedingKeepsTheStreamsTermIdsAndLabels) {
  const std::vector<Document> docs = ThreeEvents();
  const std::vector<size_t> ends = {3, docs.size()};
  const std::vector<TermCounts> runs = CountTerms(docs, ends, {});
  EventClusterer seeded;
  ASSERT_TRUE(seeded.SeedTermCounts(runs[0]).ok());
  EventClusterer reader;
  for (size_t i = 0; i < 3; ++i) reader.Add(docs[i]);
  for (size_t i = 3; i < docs.size(); ++i) {
    seeded.Add(docs[i]);
    reader.Add(docs[i]);
  }
  ASSERT_EQ(seeded.TermCount(), reader.TermCount());
  for (uint32_t t = 0; t < reader.TermCount(); ++t) {
    EXPECT_EQ(seeded.Term(t), reader.Term(t));
    EXPECT_EQ(seeded.TermLabel(t), reader.TermLabel(t));
  }
  TermCounts bad = runs[0];
  bad.df.pop_back();
  EventClusterer rejecting;
  EXPECT_EQ(rejecting.SeedTermCounts(bad).code(), StatusCode::kInvalidArgument);
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
  EXPECT_EQ(global->global[0], (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(global->global[1], (std::vector<int64_t>{2, 3, 2}));
  EXPECT_EQ(global->global[2], (std::vector<int64_t>{4, 3}));
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
  EXPECT_EQ(global->global[1], (std::vector<int64_t>{1}));
  boundaries[0].tail_events = {1, 3, 3, 3};
  global = StitchPartitions(boundaries);
  ASSERT_TRUE(global.ok());
  EXPECT_EQ(global->global[1], (std::vector<int64_t>{3}));
}

// A run-on is what the same clusterer decides next: one clusterer's events.
TEST(PartitionedClusteringTest, RunOnContinuesThePartitionsClusterer) {
  const std::vector<Document> all = ThreeEvents();
  const std::span<const Document> first(all.data(), 3), second(all.data() + 3, 3);
  const Result<ClusteredPartition> p = ClusterPartition(TermCounts(), {}, first, {}, second);
  ASSERT_TRUE(p.ok());
  EventClusterer whole;
  std::vector<int64_t> expected;
  for (const Document& d : all) expected.push_back(whole.Add(d).event);
  EXPECT_EQ(p->events, std::vector<int64_t>(expected.begin(), expected.begin() + 3));
  EXPECT_EQ(p->runon_events, std::vector<int64_t>(expected.begin() + 3, expected.end()));
  EXPECT_EQ(p->runon_new_event.size(), 3u);
  EXPECT_EQ(static_cast<int64_t>(p->event_info.size()), whole.EventCount());
}

// The run-on hands over once it and the partition's own decisions agree on
// `handover_window` articles in a row under one one-to-one map of events; a
// decision contradicting the map replaces the pairs it contradicts.
TEST(PartitionedClusteringTest, RunOnHandsOverWhereBothAgree) {
  std::vector<PartitionBoundary> boundaries(2);
  boundaries[0].events = 3;
  boundaries[0].runon_events = {1, 1, 3, 2, 2, 2};
  boundaries[1].events = 3;
  boundaries[1].head_events = {1, 2, 2, 3, 3, 3};
  auto stitched = StitchPartitions(boundaries, 2);
  ASSERT_TRUE(stitched.ok()) << stitched.status().ToString();
  EXPECT_EQ(stitched->handed_over, (std::vector<size_t>{0, 5}));
  EXPECT_EQ(stitched->global[0], (std::vector<int64_t>{1, 2, 3}));
  // Local 2 last paired with 3, local 3 with 2; local 1 lost its pair: new.
  EXPECT_EQ(stitched->global[1], (std::vector<int64_t>{4, 3, 2}));
  stitched = StitchPartitions(boundaries, 10);  // never agree long enough: all of the run-on
  ASSERT_TRUE(stitched.ok());
  EXPECT_EQ(stitched->handed_over, (std::vector<size_t>{0, 6}));
  boundaries[1].head_events.pop_back();
  EXPECT_EQ(StitchPartitions(boundaries).status().code(), StatusCode::kInvalidArgument);
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

// Partition 1's first three articles are handed over to partition 0's
// run-on: a run-on original (-> global), a copy of partition 0's article 1
// (its event as assigned there), a copy of partition 1's own article 0. Then
// its own decisions: a copy of partition 0's last article, an original.
TEST(PartitionedClusteringTest, StitchedArticlesTakeTheHandOverAndFollowTheirOriginals) {
  using Links = std::vector<std::optional<int64_t>>;
  const std::vector<int64_t> first_events = {1, 2, 1};
  const Links first_links = {std::nullopt, std::nullopt, 0};
  const std::vector<int64_t> first_global = {1, 2, 5};
  auto first = AssignStitched(first_events, first_links, first_global, 0, nullptr);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->events, (std::vector<int64_t>{1, 2, 1}));
  EXPECT_EQ(first->duplicate_of, first_links);

  const std::vector<int64_t> runon = {2, 1, 3};
  const Links runon_links = {std::nullopt, 1, 3};  // relative to partition 0's first article
  const PreviousPartition previous{first_global, runon, runon_links, first->events};
  const std::vector<int64_t> events = {1, 1, 1, 1, 2};  // the first three are not used
  const Links links = {std::nullopt, std::nullopt, std::nullopt, -1, std::nullopt};
  const std::vector<int64_t> global = {7, 8};
  auto second = AssignStitched(events, links, global, 3, &previous);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->events, (std::vector<int64_t>{2, 2, 2, 1, 8}));
  EXPECT_EQ(second->duplicate_of, (Links{std::nullopt, -2, 0, -1, std::nullopt}));
  // Without the hand-over the partition's own decisions stand.
  auto own = AssignStitched(events, links, global, 0, &previous);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->events, (std::vector<int64_t>{7, 7, 7, 1, 8}));

  EXPECT_EQ(AssignStitched(events, links, global, 4, &previous).status().code(),
            StatusCode::kInvalidArgument);  // longer than the run-on
  EXPECT_EQ(AssignStitched(events, links, global, 1, nullptr).status().code(),
            StatusCode::kInvalidArgument);  // handed over from no partition
  EXPECT_EQ(AssignStitched({{3}}, {{std::nullopt}}, global, 0, nullptr).status().code(),
            StatusCode::kInvalidArgument);  // no local event 3
  EXPECT_EQ(AssignStitched({{1, 1}}, Links{1, std::nullopt}, global, 0, nullptr).status().code(),
            StatusCode::kInvalidArgument);  // copies a later article
  EXPECT_EQ(AssignStitched({{1}}, Links{-1}, global, 0, nullptr).status().code(),
            StatusCode::kInvalidArgument);  // no partition before
}

// A flood story split early: flood-3 opens event 4, flood-4 joins it and
// the young event merges into flood-1's. One clusterer reports the events as
// they stand at its end; so does a partition, at the end of its run-on.
TEST(PartitionedClusteringTest, ArticlesAreInTheirEventsAsMergedAtTheEnd) {
  std::vector<Document> docs = ThreeEvents();
  for (const Document& d : LaterFloodArticles()) docs.push_back(d);
  ClustererOptions o;
  o.rule = SimilarityRule::kLearned;
  o.join_probability = 0.25;
  o.merge_probability = 0.0;
  EventClusterer one(o);
  std::vector<int64_t> added;
  for (const Document& d : docs) added.push_back(one.Add(d).event);
  ASSERT_EQ(added, (std::vector<int64_t>{1, 2, 3, 1, 2, 3, 4, 4}));
  ASSERT_EQ(one.CurrentEvent(4), 1);
  EXPECT_EQ(one.Describe(4).merged_into, 1);
  EXPECT_EQ(one.Describe(1).merged_into, 0);

  const ClusteredPartition whole = ClusterPartition({}, docs, o);
  EXPECT_EQ(whole.events, (std::vector<int64_t>{1, 2, 3, 1, 2, 3, 1, 1}));
  EXPECT_TRUE(whole.new_event[6]);  // flood-3 opened event 4, since merged

  const std::span<const Document> all(docs);
  auto p = ClusterPartition(TermCounts(), all.first(2), all.subspan(2, 5), o, all.subspan(7));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->warmup_events, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(p->events, (std::vector<int64_t>{3, 1, 2, 3, 1}));  // flood-3: merged in the run-on
  EXPECT_EQ(p->runon_events, (std::vector<int64_t>{1}));
}

}  // namespace
}  // namespace chorus
