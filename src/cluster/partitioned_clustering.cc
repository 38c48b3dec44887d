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

// Adds `articles` to `clusterer`: their events, whether each opened its event,
// and the original of each copy relative to arrival `base`.
void AddAll(EventClusterer& clusterer, std::span<const Document> articles, int64_t base,
            std::vector<int64_t>* events, std::vector<bool>* new_event,
            std::vector<std::optional<int64_t>>* duplicate_of) {
  events->reserve(articles.size());
  new_event->reserve(articles.size());
  duplicate_of->reserve(articles.size());
  for (const Document& d : articles) {
    const ArticleAssignment a = clusterer.Add(d);
    events->push_back(a.event);
    new_event->push_back(a.new_event);
    if (a.duplicate_of) {
      duplicate_of->push_back(static_cast<int64_t>(*a.duplicate_of) - base);
    } else {
      duplicate_of->push_back(std::nullopt);
    }
  }
}

// Each of `events` as it finally stands: the event it was merged into, if
// any (EventClusterer::CurrentEvent).
void FollowMerges(const EventClusterer& clusterer, std::vector<int64_t>* events) {
  for (int64_t& e : *events) e = clusterer.CurrentEvent(e);
}

// Clusters `warmup`, `articles`, then `runon` with `clusterer`.
ClusteredPartition ClusterWith(EventClusterer& clusterer, std::span<const Document> warmup,
                               std::span<const Document> articles,
                               std::span<const Document> runon) {
  ClusteredPartition out;
  out.warmup_events.reserve(warmup.size());
  for (const Document& d : warmup) out.warmup_events.push_back(clusterer.Add(d).event);
  const auto base = static_cast<int64_t>(warmup.size());
  AddAll(clusterer, articles, base, &out.events, &out.new_event, &out.duplicate_of);
  out.event_info.reserve(clusterer.EventCount());
  for (int64_t e = 1; e <= clusterer.EventCount(); ++e)
    out.event_info.push_back(clusterer.Describe(e));
  AddAll(clusterer, runon, base, &out.runon_events, &out.runon_new_event, &out.runon_duplicate_of);
  for (auto e = static_cast<int64_t>(out.event_info.size()) + 1; e <= clusterer.EventCount(); ++e)
    out.event_info.push_back(clusterer.Describe(e));
  // One clusterer over the stream reports the events as they stand at its
  // end, merges included; so do the partitions, at the end of their run-on.
  for (auto* events : {&out.warmup_events, &out.events, &out.runon_events}) {
    FollowMerges(clusterer, events);
  }
  return out;
}

// Where the run-on `runon` of the previous partition hands over to this
// partition's `head` (the same articles): the first point after which both
// agreed on `window` consecutive articles under one one-to-one map of their
// events, else the run-on's end. `map` (head event -> run-on event) is the
// map at that point.
size_t HandOver(const std::vector<int64_t>& runon, const std::vector<int64_t>& head, size_t window,
                std::map<int64_t, int64_t>* map) {
  std::map<int64_t, int64_t> inverse;
  size_t agreeing = 0;
  for (size_t i = 0; i < runon.size(); ++i) {
    const int64_t mine = head[i], theirs = runon[i];
    const auto m = map->find(mine);
    const auto v = inverse.find(theirs);
    if ((m == map->end() || m->second == theirs) && (v == inverse.end() || v->second == mine)) {
      ++agreeing;
    } else {  // the later decision stands: drop the pairs it contradicts
      agreeing = 0;
      if (m != map->end()) {
        inverse.erase(m->second);
        map->erase(m);
      }
      if (v != inverse.end()) {
        map->erase(v->second);
        inverse.erase(v);
      }
    }
    (*map)[mine] = theirs;
    inverse[theirs] = mine;
    if (agreeing >= window) return i + 1;
  }
  return runon.size();
}

}  // namespace

ClusteredPartition ClusterPartition(std::span<const Document> warmup,
                                    std::span<const Document> articles,
                                    const ClustererOptions& options) {
  EventClusterer clusterer(options);
  return ClusterWith(clusterer, warmup, articles, {});
}

Result<ClusteredPartition> ClusterPartition(const TermCounts& seed,
                                            std::span<const Document> warmup,
                                            std::span<const Document> articles,
                                            const ClustererOptions& options,
                                            std::span<const Document> runon) {
  EventClusterer clusterer(options);
  RETURN_IF_ERROR(clusterer.SeedTermCounts(seed));
  return ClusterWith(clusterer, warmup, articles, runon);
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

Result<StitchedPartitions> StitchPartitions(std::span<const PartitionBoundary> partitions,
                                            size_t handover_window) {
  StitchedPartitions out;
  std::vector<std::vector<int64_t>>& global = out.global;
  global.resize(partitions.size());
  out.handed_over.resize(partitions.size());
  int64_t next = 1;
  for (size_t k = 0; k < partitions.size(); ++k) {
    const PartitionBoundary& p = partitions[k];
    RETURN_IF_ERROR(CheckLocal(p.warmup_events, p.events, k, "a warm-up article"));
    RETURN_IF_ERROR(CheckLocal(p.tail_events, p.events, k, "a tail article"));
    RETURN_IF_ERROR(CheckLocal(p.runon_events, p.events, k, "a run-on article"));
    RETURN_IF_ERROR(CheckLocal(p.head_events, p.events, k, "a head article"));
    if (k == 0 && !(p.warmup_events.empty() && p.head_events.empty())) {
      return InvalidArgumentError(
          "partition 0 has a warm-up or a head: there is no partition before it");
    }
    global[k].resize(p.events);
    // Local event -> global event named by the hand-over, else by the votes
    // of the warm-up articles (global event of the earlier partition -> articles).
    std::vector<int64_t> named(p.events, 0);
    std::vector<std::map<int64_t, uint64_t>> votes(p.events);
    if (k > 0) {
      const PartitionBoundary& before = partitions[k - 1];
      if (before.tail_events.size() != p.warmup_events.size() ||
          before.runon_events.size() != p.head_events.size()) {
        return InvalidArgumentError(fmt::format(
            "partition {} has {} warm-up and {} head articles but partition {} gave {} at its end "
            "and ran on for {}",
            k, p.warmup_events.size(), p.head_events.size(), k - 1, before.tail_events.size(),
            before.runon_events.size()));
      }
      std::map<int64_t, int64_t> map;
      out.handed_over[k] = HandOver(before.runon_events, p.head_events, handover_window, &map);
      for (const auto& [mine, theirs] : map) named[mine - 1] = global[k - 1][theirs - 1];
      for (size_t i = 0; i < p.warmup_events.size(); ++i) {
        ++votes[p.warmup_events[i] - 1][global[k - 1][before.tail_events[i] - 1]];
      }
    }
    for (int64_t e = 0; e < p.events; ++e) {
      int64_t best = named[e];
      uint64_t best_votes = 0;
      if (best == 0) {
        for (const auto& [g, n] : votes[e]) {  // ascending g: ties go to the older event
          if (n > best_votes) best = g, best_votes = n;
        }
      }
      global[k][e] = best != 0 ? best : next++;
    }
  }
  return out;
}

Result<StitchedArticles> AssignStitched(std::span<const int64_t> events,
                                        std::span<const std::optional<int64_t>> duplicate_of,
                                        std::span<const int64_t> global, size_t handed_over,
                                        const PreviousPartition* previous) {
  const size_t n = events.size();
  if (duplicate_of.size() != n || handed_over > n) {
    return InvalidArgumentError(
        fmt::format("stitched assignment: {} events, {} copy links and {} articles handed over", n,
                    duplicate_of.size(), handed_over));
  }
  const auto before = static_cast<int64_t>(previous ? previous->events.size() : 0);
  if (handed_over > 0 && (!previous || previous->runon_events.size() < handed_over ||
                          previous->runon_duplicate_of.size() < handed_over)) {
    return InvalidArgumentError(fmt::format(
        "stitched assignment: {} articles handed over from a shorter run-on", handed_over));
  }
  auto global_of = [](std::span<const int64_t> row, int64_t local) -> Result<int64_t> {
    if (local < 1 || local > static_cast<int64_t>(row.size())) {
      return InvalidArgumentError(
          fmt::format("stitched assignment: local event {} of {}", local, row.size()));
    }
    return row[local - 1];
  };
  StitchedArticles out;
  out.events.reserve(n);
  out.duplicate_of.reserve(n);
  // `relative`: the original, relative to this partition's first article.
  auto copy_of = [&](int64_t relative) -> Status {
    if (relative < -before || relative >= static_cast<int64_t>(out.events.size())) {
      return InvalidArgumentError(
          fmt::format("stitched assignment: article {} copies article {}, which is not before it",
                      out.events.size(), relative));
    }
    out.events.push_back(relative < 0 ? previous->events[before + relative] : out.events[relative]);
    out.duplicate_of.push_back(relative);
    return Status::Ok();
  };
  for (size_t i = 0; i < handed_over; ++i) {  // the previous partition's run-on decides
    const std::optional<int64_t>& d = previous->runon_duplicate_of[i];
    if (d && *d >= 0) {  // relative to the previous partition's first article
      RETURN_IF_ERROR(copy_of(*d - before));
    } else {  // an original older than the previous partition: not marked a copy
      ASSIGN_OR_RETURN(const int64_t e, global_of(previous->global, previous->runon_events[i]));
      out.events.push_back(e);
      out.duplicate_of.push_back(std::nullopt);
    }
  }
  for (size_t i = handed_over; i < n; ++i) {
    if (duplicate_of[i]) {
      RETURN_IF_ERROR(copy_of(*duplicate_of[i]));
    } else {
      ASSIGN_OR_RETURN(const int64_t e, global_of(global, events[i]));
      out.events.push_back(e);
      out.duplicate_of.push_back(std::nullopt);
    }
  }
  return out;
}

}  // namespace chorus
