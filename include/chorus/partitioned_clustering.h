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
// Agreement with one clusterer over the whole stream is high, not exact: an
// article that would join an event silent for longer than the warm-up opens
// a new one, an article whose near-duplicate original lies before the
// warm-up is not marked a copy, and term statistics start from the warm-up.
// chorus.dask measures it (README: Dask).
//
// Thread safety: pure functions of their arguments; ClusterPartition uses
// its own clusterer, so partitions can be clustered on threads at once.
#ifndef CHORUS_PARTITIONED_CLUSTERING_H_
#define CHORUS_PARTITIONED_CLUSTERING_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/document.h"
#include "chorus/status.h"

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

}  // namespace chorus

#endif  // CHORUS_PARTITIONED_CLUSTERING_H_
