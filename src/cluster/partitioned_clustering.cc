#include "chorus/partitioned_clustering.h"

#include <map>

#include "fmt/format.h"

namespace chorus {
namespace {

Status CheckLocal(const std::vector<int64_t>& labels, int64_t events, size_t partition,
                  const char* what) {
  for (int64_t e : labels) {
    if (e < 1 || e > events) {
      return InvalidArgumentError(
          fmt::format("partition {}: {} names local event {} of {}", partition, what, e, events));
    }
  }
  return Status::Ok();
}

// Clusters `warmup` then `articles` with `clusterer`.
ClusteredPartition ClusterWith(EventClusterer& clusterer, std::span<const Document> warmup,
                               std::span<const Document> articles) {
  ClusteredPartition out;
  out.warmup_events.reserve(warmup.size());
  for (const Document& d : warmup) out.warmup_events.push_back(clusterer.Add(d).event);
  const auto base = static_cast<int64_t>(warmup.size());
  out.events.reserve(articles.size());
  out.new_event.reserve(articles.size());
  out.duplicate_of.reserve(articles.size());
  for (const Document& d : articles) {
    const ArticleAssignment a = clusterer.Add(d);
    out.events.push_back(a.event);
    out.new_event.push_back(a.new_event);
    if (a.duplicate_of) {
      out.duplicate_of.push_back(static_cast<int64_t>(*a.duplicate_of) - base);
    } else {
      out.duplicate_of.push_back(std::nullopt);
    }
  }
  out.event_info.reserve(clusterer.EventCount());
  for (int64_t e = 1; e <= clusterer.EventCount(); ++e)
    out.event_info.push_back(clusterer.Describe(e));
  return out;
}

}  // namespace

ClusteredPartition ClusterPartition(std::span<const Document> warmup,
                                    std::span<const Document> articles,
                                    const ClustererOptions& options) {
  EventClusterer clusterer(options);
  return ClusterWith(clusterer, warmup, articles);
}

Result<ClusteredPartition> ClusterPartition(const TermCounts& seed,
                                            std::span<const Document> warmup,
                                            std::span<const Document> articles,
                                            const ClustererOptions& options) {
  EventClusterer clusterer(options);
  RETURN_IF_ERROR(clusterer.SeedTermCounts(seed));
  return ClusterWith(clusterer, warmup, articles);
}

size_t WarmupStart(std::span<const Document> articles, double overlap_days) {
  if (overlap_days <= 0) return articles.size();
  int32_t last = ArticleRecord::kNoDay;
  size_t start = articles.size();
  for (size_t i = articles.size(); i-- > 0;) {
    const int32_t day = ParseDay(articles[i].date);
    if (day == ArticleRecord::kNoDay) continue;
    if (last == ArticleRecord::kNoDay) last = day;
    if (last - day >= overlap_days) break;
    start = i;
  }
  return last == ArticleRecord::kNoDay ? articles.size() : start;
}

Result<std::vector<std::vector<int64_t>>> StitchPartitions(
    std::span<const PartitionBoundary> partitions) {
  std::vector<std::vector<int64_t>> global(partitions.size());
  int64_t next = 1;
  for (size_t k = 0; k < partitions.size(); ++k) {
    const PartitionBoundary& p = partitions[k];
    RETURN_IF_ERROR(CheckLocal(p.warmup_events, p.events, k, "a warm-up article"));
    RETURN_IF_ERROR(CheckLocal(p.tail_events, p.events, k, "a tail article"));
    if (k == 0 && !p.warmup_events.empty()) {
      return InvalidArgumentError("partition 0 has a warm-up: there is no partition before it");
    }
    // Votes: local event -> (global event of the earlier partition -> articles).
    std::vector<std::map<int64_t, uint64_t>> votes(p.events);
    if (k > 0) {
      const PartitionBoundary& before = partitions[k - 1];
      if (before.tail_events.size() != p.warmup_events.size()) {
        return InvalidArgumentError(
            fmt::format("partition {} has {} warm-up articles but partition {} gave {} at its end",
                        k, p.warmup_events.size(), k - 1, before.tail_events.size()));
      }
      for (size_t i = 0; i < p.warmup_events.size(); ++i) {
        const int64_t earlier = global[k - 1][before.tail_events[i] - 1];
        ++votes[p.warmup_events[i] - 1][earlier];
      }
    }
    global[k].resize(p.events);
    for (int64_t e = 0; e < p.events; ++e) {
      int64_t best = 0;
      uint64_t best_votes = 0;
      for (const auto& [g, n] : votes[e]) {  // ascending g: ties go to the older event
        if (n > best_votes) best = g, best_votes = n;
      }
      global[k][e] = best_votes > 0 ? best : next++;
    }
  }
  return global;
}

}  // namespace chorus
