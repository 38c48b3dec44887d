#include "serve/cluster_engine.h"

#include <fmt/format.h>

#include "chorus/read_history.h"
#include "chorus/summary_json.h"

namespace chorus::serve {

Result<std::unique_ptr<ClusterEngine>> ClusterEngine::Create() {
  std::unique_ptr<ClusterEngine> engine(new ClusterEngine());
  engine->methods_ = SummarizerMethods();
  for (const std::string& name : engine->methods_) {
    Result<std::unique_ptr<Summarizer>> s = MakeSummarizer(name);
    if (!s.ok()) return InternalError(fmt::format("summarizer {}: {}", name, s.status().message()));
    engine->summarizers_.emplace(name, std::move(*s));
  }
  if (engine->methods_.empty()) return InternalError("no summarization method is built in");
  return engine;
}

Result<const Summarizer*> ClusterEngine::Find(std::string_view method) const {
  if (method.empty()) method = methods_.front();
  const auto it = summarizers_.find(method);
  if (it != summarizers_.end()) return static_cast<const Summarizer*>(it->second.get());
  return InvalidArgumentError(fmt::format("options.method: unknown method \"{}\"; known: {}",
                                          method, fmt::join(methods_, ", ")));
}

Result<AnalyzedCluster> ClusterEngine::Analyze(const Cluster& cluster,
                                               const std::stop_token& stop) const {
  return analyzer_.Analyze(cluster, stop);
}

Result<std::string> ClusterEngine::SummaryJson(const AnalyzedCluster& cluster,
                                               const Summarizer& summarizer,
                                               const SummaryOptions& options) const {
  ASSIGN_OR_RETURN(Summary summary, summarizer.Summarize(cluster, options));
  return SummaryToJson(summary, cluster, /*indent=*/2) + "\n";
}

Result<std::string> ClusterEngine::SummaryJsonSince(const Cluster& cluster, std::string_view since,
                                                    const Summarizer& summarizer,
                                                    SummaryOptions options) const {
  ASSIGN_OR_RETURN(const AnalyzedUpdate update,
                   AnalyzeSince(analyzer_, cluster, since, options.stop));
  options.already_read = update.already_read();
  return SummaryJson(update.fresh, summarizer, options);
}

}  // namespace chorus::serve
