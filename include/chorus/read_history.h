// What a reader has already read, as update summaries need it
// (SummaryOptions::already_read): the faces (CLI, server, Python) build it
// with these functions, so all of them read "update_of" and "since" alike.
//
// ReadHistory remembers the articles of the clusters of a stream by id, so a
// later cluster's "update_of" can name the clusters its reader has seen
// (DUC 2007's update sets: B is read after A, C after A and B). It keeps at
// most `max_bytes` of article text; past that the oldest clusters are
// forgotten, and naming one is an error that says so.
// SplitAtDate divides a cluster (a stored event) at a date: what was
// published before it (read) and what came since (new); AnalyzeUpdate
// analyzes both halves for Summarize.
//
//   ReadHistory history;
//   for (Cluster& c : clusters) {
//     Result<Cluster> read = history.ArticlesOf(c.update_of);   // empty list: no articles
//     ...
//     history.Add(std::move(c));
//   }
//
// Thread safety: none; one history per stream.
#ifndef CHORUS_READ_HISTORY_H_
#define CHORUS_READ_HISTORY_H_

#include <cstddef>
#include <list>
#include <map>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/document.h"
#include "chorus/status.h"

namespace chorus {

class ReadHistory {
 public:
  // 256 MB of article text: ~5,000 clusters of DUC's size.
  static constexpr size_t kDefaultMaxBytes = size_t{256} << 20;

  explicit ReadHistory(size_t max_bytes = kDefaultMaxBytes);

  // Remembers `cluster`'s articles under its id (replacing an earlier cluster
  // of the same id), then forgets the oldest clusters past max_bytes.
  void Add(Cluster cluster);

  // The articles of the clusters `ids`, in the order named (each article
  // once), as one cluster; kNotFound naming the first id never added or
  // forgotten for lack of room.
  Result<Cluster> ArticlesOf(const std::vector<std::string>& ids) const;

 private:
  struct Entry {
    std::string id;
    std::vector<Document> documents;
    size_t bytes = 0;
  };
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::list<Entry> entries_;  // oldest first
  std::map<std::string, std::list<Entry>::iterator, std::less<>> by_id_;
  bool forgot_some_ = false;  // for the error message
};

// The articles of `cluster` published before `date` ("YYYY-MM-DD"), which
// the reader has read, and those since (on or after it, or undated).
struct DateSplit {
  Cluster before;
  Cluster since;
};
// kInvalidArgument if `date` is not YYYY-MM-DD.
Result<DateSplit> SplitAtDate(const Cluster& cluster, std::string_view date);

// An update summary's input, analyzed: summarize `fresh` with
// SummaryOptions::already_read = &read (nullptr when `read` has no article).
struct AnalyzedUpdate {
  AnalyzedCluster read;
  AnalyzedCluster fresh;
  const AnalyzedCluster* already_read() const { return read.documents.empty() ? nullptr : &read; }
};

// `cluster` for a reader who has read `read` (may have no articles);
// kCancelled once `stop` is requested (ClusterAnalyzer::Analyze).
Result<AnalyzedUpdate> AnalyzeUpdate(const ClusterAnalyzer& analyzer, const Cluster& read,
                                     const Cluster& cluster, const std::stop_token& stop = {});

// `cluster` for a reader who has read its articles dated before `since`
// (SplitAtDate); `since` empty: nothing read.
Result<AnalyzedUpdate> AnalyzeSince(const ClusterAnalyzer& analyzer, const Cluster& cluster,
                                    std::string_view since, const std::stop_token& stop = {});

}  // namespace chorus

#endif  // CHORUS_READ_HISTORY_H_
