// Compare on a 100-article cluster (the first ten DUC 2004 clusters pooled:
// 100 news articles, ~2,500 sentences). Target: under 200 ms single thread
// for Comparer::Compare on an analysed cluster.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "chorus/ingest.h"

namespace {

std::string SharedData(const std::string& relative) {
  const char* env = std::getenv("CHORUS_SHARED_DATA_DIR");
  return std::string(env && *env ? env : CHORUS_BENCH_SHARED_DATA_DIR) + "/" + relative;
}

// Pools documents of the DUC clusters until `articles` are collected.
const chorus::Cluster& PooledCluster(size_t articles) {
  static chorus::Cluster pooled = [articles] {
    chorus::Cluster c;
    c.id = "duc-pooled";
    chorus::Diagnostics diagnostics;
    const chorus::Status s = chorus::ReadClusters(
        {SharedData("duc2004/clusters.jsonl")}, {}, &diagnostics, [&](chorus::Cluster&& in) {
          for (chorus::Document& d : in.documents) {
            if (c.documents.size() < articles) c.documents.push_back(std::move(d));
          }
          return chorus::Status::Ok();
        });
    if (!s.ok() || c.documents.size() < articles) {
      std::cerr << "compare_bench: need shared data duc2004/clusters.jsonl (" << s.ToString() << ")\n";
    }
    return c;
  }();
  return pooled;
}

void BM_Compare100Articles(benchmark::State& state) {
  const chorus::Cluster& cluster = PooledCluster(100);
  if (cluster.documents.size() < 100) {
    state.SkipWithError("shared data missing");
    return;
  }
  const chorus::AnalyzedCluster analyzed = chorus::ClusterAnalyzer().Analyze(cluster);
  const chorus::Comparer comparer;
  size_t facts = 0;
  for (auto _ : state) {
    chorus::Comparison c = comparer.Compare(analyzed);
    facts = c.facts.size();
    benchmark::DoNotOptimize(c);
  }
  state.counters["sentences"] = static_cast<double>(analyzed.sentences.size());
  state.counters["facts"] = static_cast<double>(facts);
}
BENCHMARK(BM_Compare100Articles)->Unit(benchmark::kMillisecond);

void BM_AnalyzeAndCompare100Articles(benchmark::State& state) {
  const chorus::Cluster& cluster = PooledCluster(100);
  if (cluster.documents.size() < 100) {
    state.SkipWithError("shared data missing");
    return;
  }
  const chorus::ClusterAnalyzer analyzer;
  const chorus::Comparer comparer;
  for (auto _ : state) {
    chorus::Comparison c = comparer.Compare(analyzer.Analyze(cluster));
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_AnalyzeAndCompare100Articles)->Unit(benchmark::kMillisecond);

void BM_RenderJson100Articles(benchmark::State& state) {
  const chorus::Cluster& cluster = PooledCluster(100);
  if (cluster.documents.size() < 100) {
    state.SkipWithError("shared data missing");
    return;
  }
  const chorus::Comparison c = chorus::Comparer().Compare(chorus::ClusterAnalyzer().Analyze(cluster));
  for (auto _ : state) benchmark::DoNotOptimize(chorus::ComparisonToJson(c));
}
BENCHMARK(BM_RenderJson100Articles)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
