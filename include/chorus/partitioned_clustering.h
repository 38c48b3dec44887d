// Clustering a long stream in parallel: consecutive time partitions, each
// clustered alone after a warm-up, then stitched into one set of events.
//
// The online clusterer is sequential (each article's event depends on every
// article before it), so a year of news does not spread over machines as it
// is. Instead: cut the stream, in time order, into consecutive partitions and
// cluster each with its own EventClusterer, first feeding it the last
// `overlap_days` of the partition before (the warm-up, which rebuilds the
// events and term statistics live at the cut). An event running across a cut
// then has a local id on each side; the warm-up articles, clustered on both
// sides, tie the two: StitchPartitions maps each local event holding warm-up
// articles to the global event most of them belong to (the earlier
// partition's decision stands for the warm-up articles themselves), and
// numbers the other local events as new global events, in order of
// appearance, so global ids run 1, 2, ... as one clusterer would number them.
//
//   // partition k (any machine): warm-up = partition k-1's articles from
//   // WarmupStart(partition k-1, overlap_days) on.
//   ClusteredPartition p = ClusterPartition(warmup, articles, options);
//   // once every partition is done (only boundary labels travel):
//   ASSIGN_OR_RETURN(auto global, StitchPartitions(boundaries));
//   int64_t event = global[k][p.events[i] - 1];
//
// The warm-up rebuilds the live events but not the term statistics (IDF) of
// the whole stream before the cut, and the clusterer's decisions depend on
// them. So each partition also counts its terms (CountTerms, in parallel:
// featurizing only, no placing), the counts are summed in stream order
// (AddTermCounts, cheap), and partition k starts from the sum of everything
// before its warm-up (the `seed` of ClusterPartition):
//
//   // partition j (any machine), cut at WarmupStart(partition j, overlap_days):
//   std::vector<TermCounts> c = CountTerms(articles, {cut, articles.size()}, options);
//   // seed of partition k = c[0] of partitions 0..k-1 and c[1] of 0..k-2, in
//   // stream order: e.g. seed(1) = c0[0]; seed(2) = c0[0] + c0[1] + c1[0].
//
// Agreement with one clusterer over the whole stream is then high, not
// exact: an article that would join an event silent for longer than the
// warm-up opens a new one, an event older than the warm-up is seen with only
// its warm-up members (its size and outlets enter the learned model's
// features), and an article whose near-duplicate original lies in an
// earlier partition is not marked a copy (nor left out of the counts).
//
// The run-on narrows that gap where the disagreement starts, right after a
// cut: partition k-1's clusterer, which has seen the stream before the cut
// (for partition 0, all of it), goes on into partition k's first articles
// (ClusterPartition's `runon`, computed alongside partition k, not before
// it) and decides them; the stitch hands over to partition k's own
// decisions where both agree for a stretch, and names partition k's events
// by the map of events that agreement shows (StitchPartitions). The run-on
// costs its length in extra clustering per partition. chorus.dask measures
// the agreement (README: Dask).
//
// Thread safety: pure functions of their arguments; ClusterPartition uses
// its own clusterer, so partitions can be clustered on threads at once.
#ifndef CHORUS_PARTITIONED_CLUSTERING_H_
#define CHORUS_PARTITIONED_CLUSTERING_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/document.h"
#include "chorus/status.h"
#include "chorus/store.h"

namespace chorus {

// One partition clustered alone (local event ids 1, 2, ...). Articles are
// in their events as they stand at the end (after the run-on): an event
// merged into an older one (ArticleAssignment::merged_into) holds none.
struct ClusteredPartition {
  std::vector<int64_t> warmup_events;  // local event of each warm-up article
  std::vector<int64_t> events;         // local event of each of the partition's articles
  // The article opened a local event when it came (which may since have
  // merged into an older one).
  std::vector<bool> new_event;
  // The article an article copies, as an index relative to the partition's
  // first article: negative for a warm-up article (-1 = the last one).
  std::vector<std::optional<int64_t>> duplicate_of;
  std::vector<EventInfo> event_info;  // Describe() of local events 1..n, at the end
  // The run-on: the same clusterer continued into the next partition's first
  // articles (ClusterPartition's `runon`), which the stitch may hand over to
  // this partition's decisions (StitchPartitions). Local events, copies'
  // originals relative to the partition's first article as above (at or past
  // events.size(): a run-on article). Events opened in the run-on follow the
  // partition's own in event_info, described at the run-on's end.
  std::vector<int64_t> runon_events;
  std::vector<bool> runon_new_event;
  std::vector<std::optional<int64_t>> runon_duplicate_of;
};

// Clusters `warmup` then `articles` with one fresh EventClusterer.
ClusteredPartition ClusterPartition(std::span<const Document> warmup,
                                    std::span<const Document> articles,
                                    const ClustererOptions& options);
// The same, with the clusterer seeded first with `seed`, the term counts of
// the stream before the warm-up (EventClusterer::SeedTermCounts), and
// continued on `runon`, the next partition's first articles.
// kInvalidArgument when `seed` is malformed.
Result<ClusteredPartition> ClusterPartition(const TermCounts& seed,
                                            std::span<const Document> warmup,
                                            std::span<const Document> articles,
                                            const ClustererOptions& options,
                                            std::span<const Document> runon = {});

// The term counts a clusterer with `options` would add for consecutive runs
// of `articles` (part of a stream, in order): run i is [ends[i-1], ends[i])
// (from 0; ends ascending, at most articles.size()). Articles are cleaned and
// featurized as EventClusterer::Add does, and near-duplicates of an earlier
// article of `articles` are not counted, as Add does not count them.
std::vector<TermCounts> CountTerms(std::span<const Document> articles, std::span<const size_t> ends,
                                   const ClustererOptions& options);

// Adds `later`, the counts of the run right after `sum`'s, to `sum`: terms
// new to `sum` are appended in their order, with their labels. Both must
// have lists of equal length (as CountTerms makes them).
void AddTermCounts(const TermCounts& later, TermCounts* sum);

// Index of the first article of `articles` (in time order) that belongs to
// the next partition's warm-up: the start of the run of articles dated within
// `overlap_days` of the last dated one (undated articles inside the run are
// kept). articles.size() when nothing is dated or overlap_days <= 0.
size_t WarmupStart(std::span<const Document> articles, double overlap_days);

// What StitchPartitions needs of partition k: its local events at both cuts.
struct PartitionBoundary {
  std::vector<int64_t> warmup_events;  // ClusteredPartition::warmup_events
  // Local events of the partition's articles from WarmupStart on (the next
  // partition's warm-up, in the same order).
  std::vector<int64_t> tail_events;
  int64_t events = 0;  // local events (event_info.size(), run-on's included)
  // ClusteredPartition::runon_events (empty: no run-on), and the local events
  // of this partition's first articles, as many as the previous partition's
  // run-on (its `events` cut to that length).
  std::vector<int64_t> runon_events;
  std::vector<int64_t> head_events;
};

struct StitchedPartitions {
  // Global event of each partition's local events: global[k][e - 1].
  std::vector<std::vector<int64_t>> global;
  // Partition k's first handed_over[k] articles take the previous
  // partition's run-on decisions (runon_events, runon_new_event,
  // runon_duplicate_of), not its own.
  std::vector<size_t> handed_over;
};

// Joins the partitions' local events into global ones, numbered 1, 2, ... in
// order of appearance of the local events. With run-ons some numbers name
// events no article is finally assigned to (opened in a run-on that was not
// handed over, or only by articles handed over): number the events again in
// order of appearance in the assignments when gaps matter (chorus.dask does).
//
// Where the previous partition ran on into partition k, its run-on decides
// partition k's first articles: that clusterer saw the stream before the cut,
// so (for partition 1, exactly) it decides as one clusterer over the whole
// stream would. The run-on is handed over to partition k's own decisions as
// soon as both agree, under one consistent one-to-one map of their events,
// on `handover_window` consecutive articles; that map then names partition
// k's events (the rest of the run-on's articles go to partition k's own
// decisions). Without such agreement all of the run-on is used and the map
// as it stands at its end applies. Local events the map does not name
// continue the global event most of their warm-up articles belong to (the
// earlier partition decides the warm-up articles themselves), or else open
// new global events.
//
// kInvalidArgument when a partition's warm-up does not match the previous
// tail in length, its head the previous run-on, or a local event is out of
// range.
Result<StitchedPartitions> StitchPartitions(std::span<const PartitionBoundary> partitions,
                                            size_t handover_window = 1000);

// What AssignStitched needs of the partition before the one it assigns.
struct PreviousPartition {
  std::span<const int64_t> global;  // its row of StitchedPartitions::global
  // Its run-on (ClusteredPartition::runon_events, runon_duplicate_of), at
  // least as long as the hand-over.
  std::span<const int64_t> runon_events;
  std::span<const std::optional<int64_t>> runon_duplicate_of;
  // Its articles' global events, as AssignStitched assigned them.
  std::span<const int64_t> events;
};

// A partition's articles in their global events.
struct StitchedArticles {
  std::vector<int64_t> events;
  // The article each one copies, relative to the partition's first article;
  // negative: an article of the previous partition (-1: its last).
  std::vector<std::optional<int64_t>> duplicate_of;
};

// Partition k's articles in the global events StitchPartitions gave its
// local ones (`global`, its row): the first `handed_over` (its
// StitchedPartitions::handed_over) as the previous partition's run-on decided
// them, the rest as the partition did (`events`, `duplicate_of`: its
// ClusteredPartition's). A copy is in its original's event as assigned, so
// copies follow their originals across the cut; a run-on copy of an article
// older than the previous partition is not marked a copy. Event ids are the
// stitch's (gaps possible: number them by appearance where that matters).
// `previous` is null for partition 0. kInvalidArgument when the lengths or
// the events of the inputs do not fit together.
Result<StitchedArticles> AssignStitched(std::span<const int64_t> events,
                                        std::span<const std::optional<int64_t>> duplicate_of,
                                        std::span<const int64_t> global, size_t handed_over,
                                        const PreviousPartition* previous);

// Writes a clustering decided elsewhere (a stitched one) into a new chorus
// store, in stream order, so that `chorus events/summarize --store`, the
// server and `chorus cluster` (which continues it) read it as one written by
// `chorus cluster`: each article's features are computed again (as
// EventClusterer::Add does) and replayed into the given event, so the stored
// events' labels and statistics are those of the merged events.
//
//   ASSIGN_OR_RETURN(auto writer, StitchedStoreWriter::Open("events.db", {}));
//   for (...) RETURN_IF_ERROR(writer->Append(article, event, duplicate_of));
//   RETURN_IF_ERROR(writer->Flush());
//
// Not thread-safe; one writer per store (it holds the store open).
class StitchedStoreWriter {
 public:
  // Creates or opens the store at `path`, which must hold no articles
  // (kInvalidArgument otherwise: a stitched clustering starts a store).
  // `options` must be those the clustering used (a continuing `chorus
  // cluster` uses its own flags).
  static Result<std::unique_ptr<StitchedStoreWriter>> Open(const std::string& path,
                                                           ClustererOptions options,
                                                           uint32_t batch_size = 5000);
  ~StitchedStoreWriter();
  StitchedStoreWriter(const StitchedStoreWriter&) = delete;
  StitchedStoreWriter& operator=(const StitchedStoreWriter&) = delete;

  // Appends the next article of the stream in `event`: events must first
  // appear in id order (1, 2, ...), and a copy must be in its original's
  // event (kInvalidArgument otherwise). `duplicate_of` names an article
  // appended before. An id appended before is skipped (returns Ok).
  Status Append(Document article, int64_t event, const std::optional<std::string>& duplicate_of);
  // Commits what is pending.
  Status Flush();

  uint64_t articles() const;  // appended (skipped ones excluded)
  uint64_t skipped() const;   // ids seen before

 private:
  struct State;
  explicit StitchedStoreWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace chorus

#endif  // CHORUS_PARTITIONED_CLUSTERING_H_
