// ClusterEngine: what the server does to one cluster of articles: analyze it
// once, then summarize it, rendered by the library's own JSON renderer (the
// same bytes `chorus summarize --format json` prints).
//
//   ClusterEngine engine;
//   ASSIGN_OR_RETURN(const Summarizer* s, engine.Find("lexrank"));
//   ASSIGN_OR_RETURN(AnalyzedCluster ac, engine.Analyze(cluster, stop));
//   ASSIGN_OR_RETURN(std::string json, engine.SummaryJson(ac, *s, options));
//   // or, what is new since a date: engine.SummaryJsonSince(cluster, "2024-03-02", *s, options)
//
// Thread safety: every method is const and may run concurrently (the
// analyzer, summarizers and comparer are const and reentrant). Not copyable
// (owns the summarizers); owned by the server, shared with in-flight tasks.
#ifndef CHORUS_SERVE_CLUSTER_ENGINE_H_
#define CHORUS_SERVE_CLUSTER_ENGINE_H_

#include <map>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/summarizer.h"

namespace chorus::serve {

class ClusterEngine {
 public:
  // Creates every summarization method once (kInternal if one fails).
  static Result<std::unique_ptr<ClusterEngine>> Create();
  ClusterEngine(const ClusterEngine&) = delete;
  ClusterEngine& operator=(const ClusterEngine&) = delete;

  // The summarizer called `method` ("" = the default); kInvalidArgument
  // naming the known methods otherwise.
  Result<const Summarizer*> Find(std::string_view method) const;
  const std::vector<std::string>& methods() const { return methods_; }

  // kCancelled once `stop` is requested.
  Result<AnalyzedCluster> Analyze(const Cluster& cluster, const std::stop_token& stop) const;
  // The summary of `cluster`'s articles dated `since` or later (all of them
  // when empty), for a reader of the earlier ones, as SummaryJson renders it.
  Result<std::string> SummaryJsonSince(const Cluster& cluster, std::string_view since,
                                       const Summarizer& summarizer, SummaryOptions options) const;
  // SummaryToJson, indented as the CLI's --format json prints it, + "\n".
  Result<std::string> SummaryJson(const AnalyzedCluster& cluster, const Summarizer& summarizer,
                                  const SummaryOptions& options) const;

 private:
  ClusterEngine() = default;
  ClusterAnalyzer analyzer_;
  std::vector<std::string> methods_;  // default first
  std::map<std::string, std::unique_ptr<Summarizer>, std::less<>> summarizers_;
};

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_CLUSTER_ENGINE_H_
