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
// chorus.dask measures it (README: Dask).
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

// One partition clustered alone (local event ids 1, 2, ...).
struct ClusteredPartition {
  std::vector<int64_t> warmup_events;  // local event of each warm-up article
  std::vector<int64_t> events;         // local event of each of the partition's articles
  std::vector<bool> new_event;         // the article opened its local event
  // The article an article copies, as an index relative to the partition's
  // first article: negative for a warm-up article (-1 = the last one).
  std::vector<std::optional<int64_t>> duplicate_of;
  std::vector<EventInfo> event_info;  // Describe() of local events 1..n, at the end
};

// Clusters `warmup` then `articles` with one fresh EventClusterer.
ClusteredPartition ClusterPartition(std::span<const Document> warmup,
                                    std::span<const Document> articles,
                                    const ClustererOptions& options);
// The same, with the clusterer seeded first with `seed`, the term counts of
// the stream before the warm-up (EventClusterer::SeedTermCounts).
// kInvalidArgument when `seed` is malformed.
Result<ClusteredPartition> ClusterPartition(const TermCounts& seed,
                                            std::span<const Document> warmup,
                                            std::span<const Document> articles,
                                            const ClustererOptions& options);

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
  int64_t events = 0;  // local events (event_info.size())
};

// Global event id of each partition's local events: result[k][e - 1].
// kInvalidArgument when a partition's warm-up does not match the previous
// tail in length, or names a local event out of range.
Result<std::vector<std::vector<int64_t>>> StitchPartitions(
    std::span<const PartitionBoundary> partitions);

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
