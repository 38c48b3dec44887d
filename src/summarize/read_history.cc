#include "chorus/read_history.h"

#include <fmt/format.h>

#include <set>

#include "base/dates.h"

namespace chorus {

ReadHistory::ReadHistory(size_t max_bytes) : max_bytes_(max_bytes) {}

void ReadHistory::Add(Cluster cluster) {
  if (auto it = by_id_.find(cluster.id); it != by_id_.end()) {
    bytes_ -= it->second->bytes;
    entries_.erase(it->second);
    by_id_.erase(it);
  }
  Entry entry{cluster.id, std::move(cluster.documents), 0};
  for (const Document& d : entry.documents) entry.bytes += d.text.size() + d.title.size();
  bytes_ += entry.bytes;
  entries_.push_back(std::move(entry));
  by_id_[cluster.id] = std::prev(entries_.end());
  // The newest cluster stays even alone past the limit: it is what the next one updates.
  while (bytes_ > max_bytes_ && entries_.size() > 1) {
    bytes_ -= entries_.front().bytes;
    by_id_.erase(entries_.front().id);
    entries_.pop_front();
    forgot_some_ = true;
  }
}

Result<Cluster> ReadHistory::ArticlesOf(const std::vector<std::string>& ids) const {
  Cluster read;
  std::set<std::string_view> seen;  // article ids already taken
  for (const std::string& id : ids) {
    const auto it = by_id_.find(id);
    if (it == by_id_.end()) {
      return NotFoundError(fmt::format(
          "update_of names cluster '{}', which is not among the clusters before it in the input{}",
          id,
          forgot_some_
              ? fmt::format(" (or was forgotten: only the last {} MB of articles are kept)",
                            max_bytes_ >> 20)
              : ""));
    }
    if (!read.id.empty()) read.id += '+';
    read.id += id;
    for (const Document& d : it->second->documents) {
      if (seen.insert(d.id).second) read.documents.push_back(d);
    }
  }
  return read;
}

Result<DateSplit> SplitAtDate(const Cluster& cluster, std::string_view date) {
  if (!IsIsoDate(date)) {
    return InvalidArgumentError(
        fmt::format("since: expected a date as YYYY-MM-DD, got '{}'", date));
  }
  DateSplit split;
  split.before.id = cluster.id + "@before-" + std::string(date);
  split.since = cluster;
  split.since.documents.clear();
  for (const Document& d : cluster.documents) {
    // Dates are YYYY-MM-DD (ingest keeps them so), which compare as text.
    const bool before = !d.date.empty() && std::string_view(d.date).substr(0, 10) < date;
    (before ? split.before : split.since).documents.push_back(d);
  }
  return split;
}

Result<AnalyzedUpdate> AnalyzeUpdate(const ClusterAnalyzer& analyzer, const Cluster& read,
                                     const Cluster& cluster, const std::stop_token& stop) {
  AnalyzedUpdate update;
  if (!read.documents.empty()) {
    ASSIGN_OR_RETURN(update.read, analyzer.Analyze(read, stop));
  }
  ASSIGN_OR_RETURN(update.fresh, analyzer.Analyze(cluster, stop));
  return update;
}

Result<AnalyzedUpdate> AnalyzeSince(const ClusterAnalyzer& analyzer, const Cluster& cluster,
                                    std::string_view since, const std::stop_token& stop) {
  if (since.empty()) return AnalyzeUpdate(analyzer, Cluster{}, cluster, stop);
  ASSIGN_OR_RETURN(DateSplit split, SplitAtDate(cluster, since));
  return AnalyzeUpdate(analyzer, split.before, split.since, stop);
}

}  // namespace chorus
