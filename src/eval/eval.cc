// The eval harness: analyze -> summarize with each method -> score with ROUGE.
#include "chorus/eval.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <unordered_map>

#include "chorus/ingest.h"
#include "chorus/read_history.h"
#include "summarize/budget.h"

namespace chorus {
namespace {

using Clock = std::chrono::steady_clock;

// Runs work(i) for i in [0, n) on `jobs` threads (the caller's among them),
// reporting progress from the calling thread only.
template <typename Work>
void ParallelFor(size_t n, uint32_t jobs, const std::string& stage,
                 const EvalProgressCallback& progress, Work work) {
  std::atomic<size_t> next{0}, done{0};
  auto worker = [&](bool report) {
    for (size_t i = next++; i < n; i = next++) {
      work(i);
      const size_t finished = ++done;
      if (report && progress && finished < n) progress({stage, finished, n});
    }
  };
  std::vector<std::thread> threads;
  for (uint32_t t = 1; t < std::max<uint32_t>(jobs, 1) && t < n; ++t) {
    threads.emplace_back(worker, false);
  }
  worker(true);
  for (std::thread& t : threads) t.join();
  if (progress) progress({stage, n, n});
}

std::string SummaryText(const Summary& summary) {
  std::string text;
  for (const SummarySentence& s : summary.sentences) {
    if (!text.empty()) text += '\n';
    text += s.text;
  }
  return text;
}

struct ResolvedSettings {
  std::string flags;
  SummaryBudget budget;
  std::vector<std::unique_ptr<Summarizer>> summarizers;
};

Result<ResolvedSettings> Resolve(const EvalOptions& options) {
  ASSIGN_OR_RETURN(const EvalPreset preset, FindEvalPreset(options.preset));
  ResolvedSettings settings;
  settings.flags = options.rouge_flags.empty() ? preset.rouge_flags : options.rouge_flags;
  settings.budget = options.budget.value_or(preset.budget);
  if (settings.budget.amount == 0) return InvalidArgumentError("the budget must be at least 1");
  const std::vector<std::string> methods =
      options.methods.empty() ? SummarizerMethods() : options.methods;
  std::set<std::string> seen;
  for (const std::string& method : methods) {
    if (!seen.insert(method).second) {
      return InvalidArgumentError(fmt::format("method '{}' is listed twice", method));
    }
    ASSIGN_OR_RETURN(std::unique_ptr<Summarizer> summarizer, MakeSummarizer(method));
    settings.summarizers.push_back(std::move(summarizer));
  }
  return settings;
}

}  // namespace

std::vector<EvalPreset> EvalPresets() {
  return {
      {"duc2004", "-n 2 -m -l 100 -2 4 -u", {BudgetUnit::kWords, 100}},
      {"multinews", "-n 2 -m -l 300 -2 4 -u", {BudgetUnit::kWords, 300}},
      {"duc2006", "-n 2 -m -l 250 -2 4 -u", {BudgetUnit::kWords, 250}},
      {"duc2007-update", "-n 2 -m -l 100 -2 4 -u", {BudgetUnit::kWords, 100}},
  };
}

Result<EvalPreset> FindEvalPreset(std::string_view name) {
  std::vector<std::string> names;
  for (EvalPreset& preset : EvalPresets()) {
    if (preset.name == name) return preset;
    names.push_back(preset.name);
  }
  return InvalidArgumentError(
      fmt::format("unknown eval preset '{}' (known: {})", name, fmt::join(names, ", ")));
}

Result<EvalReport> RunEval(std::span<const Cluster> clusters, std::span<const RougeTopic> published,
                           const EvalOptions& options, const EvalProgressCallback& progress) {
  ASSIGN_OR_RETURN(ResolvedSettings settings, Resolve(options));
  ASSIGN_OR_RETURN(const RougeOptions rouge_options, ParseRougeFlags(settings.flags));
  ASSIGN_OR_RETURN(std::unique_ptr<RougeScorer> scorer, RougeScorer::Create(rouge_options));

  EvalReport report;
  report.preset = options.preset;
  report.rouge_flags = settings.flags;
  report.budget = settings.budget;
  report.metrics = scorer->metrics();

  std::vector<const Cluster*> scored;  // clusters with references, input order
  for (const Cluster& c : clusters) {
    if (c.references.empty()) {
      report.warnings.push_back(fmt::format("cluster '{}' has no references: skipped", c.id));
    } else {
      scored.push_back(&c);
    }
  }
  if (scored.empty()) {
    return NotFoundError("no cluster has references to score against");
  }
  report.clusters = scored.size();

  std::set<std::string> method_names;
  for (const auto& s : settings.summarizers) method_names.insert(std::string(s->name()));
  std::unordered_map<std::string, size_t> topic_of;  // cluster id -> index in topics
  std::vector<RougeTopic> topics(scored.size());
  for (size_t i = 0; i < scored.size(); ++i) {
    topics[i].id = scored[i]->id;
    topics[i].models = scored[i]->references;
    if (!topic_of.emplace(scored[i]->id, i).second) {
      return InvalidArgumentError(fmt::format("cluster id '{}' appears twice", scored[i]->id));
    }
  }
  std::set<std::string> peer_systems;
  for (const RougeTopic& topic : published) {
    const auto it = topic_of.find(topic.id);
    if (it == topic_of.end()) {
      if (!topic.peers.empty()) {
        report.warnings.push_back(fmt::format("peers for unknown cluster '{}' ignored", topic.id));
      }
      continue;
    }
    for (const RougePeer& peer : topic.peers) {
      if (method_names.count(peer.system)) {
        return InvalidArgumentError(
            fmt::format("published system '{}' has the name of a chorus method; rename it in the "
                        "peers file",
                        peer.system));
      }
      peer_systems.insert(peer.system);
      topics[it->second].peers.push_back(peer);
    }
  }

  // What the reader of each scored cluster has read: the clusters its
  // update_of names, earlier in the input (as `chorus summarize` reads them).
  std::vector<Cluster> read(scored.size());
  {
    ReadHistory history;
    size_t next = 0;
    for (const Cluster& c : clusters) {
      if (next < scored.size() && scored[next] == &c) {
        Result<Cluster> articles = history.ArticlesOf(c.update_of);
        if (!articles.ok()) {
          return Status(articles.status().code(),
                        fmt::format("cluster '{}': {}", c.id, articles.status().message()));
        }
        read[next++] = std::move(*articles);
      }
      history.Add(c);
    }
  }
  const ClusterAnalyzer analyzer(options.analyzer);
  std::vector<AnalyzedUpdate> analyzed(scored.size());
  const Clock::time_point analysis_start = Clock::now();
  ParallelFor(scored.size(), options.jobs, "analyze", progress, [&](size_t i) {
    analyzed[i] = AnalyzeUpdate(analyzer, read[i], *scored[i]).value();
  });
  report.analysis_seconds_per_cluster =
      std::chrono::duration<double>(Clock::now() - analysis_start).count() / scored.size();

  SummaryOptions summary_options;
  summary_options.budget = settings.budget;
  for (const auto& summarizer : settings.summarizers) {
    const std::string method(summarizer->name());
    std::vector<Result<Summary>> summaries(scored.size(), InternalError("not summarized"));
    std::vector<double> seconds(scored.size(), 0.0);
    ParallelFor(scored.size(), options.jobs, "summarize " + method, progress, [&](size_t i) {
      const Clock::time_point start = Clock::now();
      SummaryOptions cluster_options = summary_options;
      cluster_options.query = scored[i]->query;
      cluster_options.already_read = analyzed[i].already_read();
      summaries[i] = summarizer->Summarize(analyzed[i].fresh, cluster_options);
      seconds[i] = std::chrono::duration<double>(Clock::now() - start).count();
    });
    double words = 0;
    for (size_t i = 0; i < scored.size(); ++i) {
      if (!summaries[i].ok()) {
        return Status(summaries[i].status().code(),
                      fmt::format("{} on cluster '{}': {}", method, scored[i]->id,
                                  summaries[i].status().message()));
      }
      topics[i].peers.push_back({method, SummaryText(*summaries[i])});
      words += CountWords(topics[i].peers.back().text);
    }
    EvalSystem system;
    system.system = method;
    system.chorus_method = true;
    double total = 0;
    for (double s : seconds) total += s;
    system.seconds_per_cluster = total / scored.size();
    system.words_per_summary = words / scored.size();
    report.systems.push_back(std::move(system));
  }
  for (const std::string& name : peer_systems) {
    EvalSystem system;
    system.system = name;
    report.systems.push_back(std::move(system));
  }

  if (progress) progress({"score", 0, 1});
  ASSIGN_OR_RETURN(const RougeReport rouge, scorer->Score(topics));
  if (progress) progress({"score", 1, 1});
  for (const std::string& w : rouge.warnings) report.warnings.push_back(w);
  std::unordered_map<std::string, EvalSystem*> by_name;
  for (EvalSystem& s : report.systems) by_name[s.system] = &s;
  for (const RougeSystemAverage& avg : rouge.averages) {
    const auto it = by_name.find(avg.system);
    if (it == by_name.end()) continue;
    it->second->topics = avg.topics;
    it->second->metrics.push_back({avg.metric, avg.average, avg.ci_lower, avg.ci_upper});
  }
  return report;
}

Result<EvalReport> RunEvalOnFile(const std::string& dataset_path, const EvalOptions& options,
                                 Diagnostics* diagnostics, const EvalProgressCallback& progress) {
  Diagnostics local;
  if (diagnostics == nullptr) diagnostics = &local;
  std::vector<Cluster> clusters;
  RETURN_IF_ERROR(ReadClusters({dataset_path}, IngestOptions{}, diagnostics, [&](Cluster&& c) {
    clusters.push_back(std::move(c));
    return Status::Ok();
  }));
  std::vector<RougeTopic> published;
  if (!options.peers_path.empty()) {
    ASSIGN_OR_RETURN(RougeDataset dataset, ReadRougeDataset(dataset_path, options.peers_path));
    for (const Status& error : dataset.errors) {
      diagnostics->Error(options.peers_path, 0, error.message());
    }
    published = std::move(dataset.topics);
  }
  return RunEval(clusters, published, options, progress);
}

}  // namespace chorus
