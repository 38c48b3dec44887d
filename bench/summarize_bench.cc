// Summarizer speed, single thread: DUC 2004 end to end (ingest included), one
// 500-article cluster (all DUC 2004 documents), growth with cluster size,
// DUC 2006's 25-article clusters with their queries, and the server's
// per-request work on examples/harbor-fire.
// Needs ../shared/data (or $CHORUS_SHARED_DATA_DIR); skips with a message otherwise.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_data.h"
#include "chorus/analyzer.h"
#include "chorus/ingest.h"
#include "chorus/summarizer.h"

namespace chorus {
namespace {

std::string DucPath() { return bench::DataPath("duc2004/clusters.jsonl"); }

std::vector<Cluster> ReadDuc() {
  std::vector<Cluster> clusters;
  Diagnostics diagnostics;
  (void)ReadClusters({DucPath()}, {}, &diagnostics, [&](Cluster&& c) {
    clusters.push_back(std::move(c));
    return Status::Ok();
  });
  return clusters;
}

// The first `n` DUC 2004 documents (in file order) as one cluster.
Cluster FirstDocuments(const std::vector<Cluster>& clusters, size_t n) {
  Cluster big;
  big.id = "duc2004-" + std::to_string(n);
  for (const Cluster& c : clusters) {
    for (const Document& d : c.documents) {
      if (big.documents.size() < n) big.documents.push_back(d);
    }
  }
  return big;
}

void BM_Duc2004EndToEnd(benchmark::State& state) {
  if (!std::filesystem::exists(DucPath())) {
    state.SkipWithError(("shared data missing: " + DucPath()).c_str());
    return;
  }
  auto summarizer = MakeSummarizer("chorus");
  const ClusterAnalyzer analyzer;
  SummaryOptions options;
  for (auto _ : state) {
    size_t sentences = 0;
    Diagnostics diagnostics;
    (void)ReadClusters({DucPath()}, {}, &diagnostics, [&](Cluster&& c) {
      Result<Summary> s = (*summarizer)->Summarize(analyzer.Analyze(c), options);
      sentences += s.ok() ? s->sentences.size() : 0;
      return Status::Ok();
    });
    benchmark::DoNotOptimize(sentences);
  }
}
BENCHMARK(BM_Duc2004EndToEnd)->Unit(benchmark::kMillisecond);

// The timed loop: analysis + a default summary of `cluster`, what a user
// waits for once the articles are read.
void AnalyzeAndSummarize(const Cluster& cluster, benchmark::State& state) {
  auto summarizer = MakeSummarizer("chorus");
  const ClusterAnalyzer analyzer;
  SummaryOptions options;
  for (auto _ : state) {
    Result<Summary> s = (*summarizer)->Summarize(analyzer.Analyze(cluster), options);
    benchmark::DoNotOptimize(s);
  }
  state.counters["articles"] = static_cast<double>(cluster.documents.size());
}

// Analysis + summary of one cluster of `range(0)` articles (the analysis is
// part of the cost a user waits for; reading the file is not).
void BM_ClusterOfN(benchmark::State& state) {
  if (!std::filesystem::exists(DucPath())) {
    state.SkipWithError(("shared data missing: " + DucPath()).c_str());
    return;
  }
  AnalyzeAndSummarize(FirstDocuments(ReadDuc(), static_cast<size_t>(state.range(0))), state);
}
BENCHMARK(BM_ClusterOfN)->Arg(10)->Arg(50)->Arg(100)->Arg(500)->Unit(benchmark::kMillisecond);

// Summarizing alone, the analysis done once outside the loop.
void BM_SummarizeOnlyOfN(benchmark::State& state) {
  if (!std::filesystem::exists(DucPath())) {
    state.SkipWithError(("shared data missing: " + DucPath()).c_str());
    return;
  }
  const ClusterAnalyzer analyzer;
  const AnalyzedCluster analyzed =
      analyzer.Analyze(FirstDocuments(ReadDuc(), static_cast<size_t>(state.range(0))));
  auto summarizer = MakeSummarizer("chorus");
  SummaryOptions options;
  for (auto _ : state) {
    Result<Summary> s = (*summarizer)->Summarize(analyzed, options);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_SummarizeOnlyOfN)->Arg(10)->Arg(50)->Arg(100)->Arg(500)->Unit(benchmark::kMillisecond);

std::string Duc2006Path() { return bench::DataPath("duc2006/clusters.jsonl"); }

// DUC 2006 with each cluster's query: analysis and a 250-word query-focused
// summary of each of the 50 clusters of 25 articles (reading the file is not
// timed). The time per cluster is the counter `per_cluster` (issue 13: < 50 ms).
void BM_Duc2006WithQuery(benchmark::State& state) {
  std::vector<Cluster> clusters;
  Diagnostics diagnostics;
  (void)ReadClusters({Duc2006Path()}, {}, &diagnostics, [&](Cluster&& c) {
    clusters.push_back(std::move(c));
    return Status::Ok();
  });
  if (clusters.empty()) {
    state.SkipWithError(("shared data missing: " + Duc2006Path()).c_str());
    return;
  }
  auto summarizer = MakeSummarizer("chorus");
  const ClusterAnalyzer analyzer;
  for (auto _ : state) {
    for (const Cluster& cluster : clusters) {
      SummaryOptions options;
      options.budget = {BudgetUnit::kWords, 250};
      options.query = cluster.query;
      Result<Summary> s = (*summarizer)->Summarize(analyzer.Analyze(cluster), options);
      benchmark::DoNotOptimize(s);
    }
  }
  state.counters["per_cluster"] = benchmark::Counter(
      static_cast<double>(clusters.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Duc2006WithQuery)->Unit(benchmark::kMillisecond);

// What one POST /v1/summarize of the five harbor-fire articles costs the
// server beside HTTP and JSON: analysis and a 100-word summary.
void BM_HarborFire(benchmark::State& state) {
  const std::string dir = std::string(CHORUS_EXAMPLES_DIR) + "/harbor-fire";
  Cluster cluster;
  Diagnostics diagnostics;
  (void)ReadClusters({dir}, {}, &diagnostics, [&](Cluster&& c) {
    cluster = std::move(c);
    return Status::Ok();
  });
  if (cluster.documents.empty()) {
    state.SkipWithError(("no articles in " + dir).c_str());
    return;
  }
  AnalyzeAndSummarize(cluster, state);
}
BENCHMARK(BM_HarborFire)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chorus

BENCHMARK_MAIN();
