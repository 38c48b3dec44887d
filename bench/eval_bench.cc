// Speed of the baselines on DUC 2004: each benchmark summarizes all 50
// clusters (already analyzed) with one method at 100 words. Data from
// $CHORUS_SHARED_DATA_DIR or the configured shared data directory.
//
//   build/bench/eval_bench --benchmark_filter=lexrank
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bench_data.h"
#include "chorus/analyzer.h"
#include "chorus/ingest.h"
#include "chorus/summarizer.h"

namespace {

// The 50 DUC 2004 clusters, analyzed once for all benchmarks.
const std::vector<chorus::AnalyzedCluster>& Duc2004() {
  static const auto* clusters = [] {
    auto* out = new std::vector<chorus::AnalyzedCluster>();
    const chorus::ClusterAnalyzer analyzer;
    chorus::Diagnostics diagnostics;
    const chorus::Status status =
        chorus::ReadClusters({chorus::bench::DataPath("duc2004/clusters.jsonl")}, {}, &diagnostics,
                             [&](chorus::Cluster&& c) {
                               out->push_back(analyzer.Analyze(c));
                               return chorus::Status::Ok();
                             });
    if (!status.ok()) std::cerr << "eval_bench: " << status.ToString() << "\n";
    return out;
  }();
  return *clusters;
}

void BM_SummarizeDuc2004(benchmark::State& state, const std::string& method) {
  const auto& clusters = Duc2004();
  if (clusters.empty()) {
    state.SkipWithError("DUC 2004 clusters not found (set CHORUS_SHARED_DATA_DIR)");
    return;
  }
  auto summarizer = chorus::MakeSummarizer(method);
  if (!summarizer.ok()) {
    state.SkipWithError(summarizer.status().ToString().c_str());
    return;
  }
  const chorus::SummaryOptions options;  // 100 words
  for (auto _ : state) {
    for (const chorus::AnalyzedCluster& c : clusters) {
      auto summary = (*summarizer)->Summarize(c, options);
      benchmark::DoNotOptimize(summary);
    }
  }
  state.counters["clusters"] = static_cast<double>(clusters.size());
}

const bool registered = [] {
  for (const std::string& method : chorus::SummarizerMethods()) {
    benchmark::RegisterBenchmark(("BM_SummarizeDuc2004/" + method).c_str(), BM_SummarizeDuc2004,
                                 method)
        ->Unit(benchmark::kMillisecond);
  }
  return true;
}();

}  // namespace

BENCHMARK_MAIN();
