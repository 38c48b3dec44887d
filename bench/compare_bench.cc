// Compare on a 100-article cluster (the first ten DUC 2004 clusters pooled:
// 100 news articles, ~2,500 sentences). Target: under 200 ms single thread
// for Comparer::Compare on an analysed cluster.
//
// And the shapes that once made compare quadratic (issue 16), each analysed
// once and compared in one iteration. Targets: under 2 s each for one 1 MB article
// (DUC 2004 texts joined into one document) and for 2,000 short articles
// (the shared gun-violence stream, and 2,000 made-up reports of one count
// with 2,000 values); 100k tiny articles (UCI headlines) in bounded time and
// memory (the counter max_rss_mb is the process's peak so far).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench_data.h"
#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "chorus/ingest.h"
#include "fmt/format.h"

namespace {

using chorus::bench::DataPath;

// Pools documents of the DUC clusters until `articles` are collected.
const chorus::Cluster& PooledCluster(size_t articles) {
  static chorus::Cluster pooled = [articles] {
    chorus::Cluster c;
    c.id = "duc-pooled";
    chorus::Diagnostics diagnostics;
    const chorus::Status s = chorus::ReadClusters({DataPath("duc2004/clusters.jsonl")}, {},
                                                  &diagnostics, [&](chorus::Cluster&& in) {
                                                    for (chorus::Document& d : in.documents) {
                                                      if (c.documents.size() < articles)
                                                        c.documents.push_back(std::move(d));
                                                    }
                                                    return chorus::Status::Ok();
                                                  });
    if (!s.ok() || c.documents.size() < articles) {
      std::cerr << "compare_bench: need shared data duc2004/clusters.jsonl (" << s.ToString()
                << ")\n";
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
  const chorus::Comparison c =
      chorus::Comparer().Compare(chorus::ClusterAnalyzer().Analyze(cluster));
  for (auto _ : state) benchmark::DoNotOptimize(chorus::ComparisonToJson(c));
}
BENCHMARK(BM_RenderJson100Articles)->Unit(benchmark::kMillisecond);

// The first `limit` articles of a shared JSON Lines file of articles, as one
// cluster (empty when the file is missing).
chorus::Cluster ArticlesAsOneCluster(const std::string& relative, size_t limit) {
  chorus::Cluster c;
  c.id = relative;
  chorus::Diagnostics diagnostics;
  const chorus::Status s =
      chorus::ReadArticles({DataPath(relative)}, {}, &diagnostics, [&](chorus::Document&& d) {
        if (c.documents.size() < limit) c.documents.push_back(std::move(d));
        return chorus::Status::Ok();
      });
  if (!s.ok())
    std::cerr << "compare_bench: need shared data " << relative << " (" << s.ToString() << ")\n";
  return c;
}

double MaxRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Compares `cluster` once per iteration (the analysis before it, measured
// once: counter analyze_ms).
void AnalyzeAndCompare(benchmark::State& state, const chorus::Cluster& cluster, size_t min_docs) {
  if (cluster.documents.size() < min_docs) {
    state.SkipWithError("shared data missing");
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  const chorus::AnalyzedCluster analyzed = chorus::ClusterAnalyzer().Analyze(cluster);
  const std::chrono::duration<double, std::milli> analyze =
      std::chrono::steady_clock::now() - start;
  const chorus::Comparer comparer;
  size_t facts = 0, warnings = 0;
  for (auto _ : state) {
    chorus::Comparison c = comparer.Compare(analyzed);
    facts = c.facts.size();
    warnings = c.warnings.size();
    benchmark::DoNotOptimize(c);
  }
  size_t bytes = 0;
  for (const chorus::Document& d : cluster.documents) bytes += d.text.size();
  state.counters["articles"] = static_cast<double>(cluster.documents.size());
  state.counters["text_mb"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["sentences"] = static_cast<double>(analyzed.sentences.size());
  state.counters["facts"] = static_cast<double>(facts);
  state.counters["warnings"] = static_cast<double>(warnings);
  state.counters["analyze_ms"] = analyze.count();
  state.counters["max_rss_mb"] = MaxRssMb();
}

void BM_CompareOneMegabyteArticle(benchmark::State& state) {
  chorus::Cluster one;
  one.id = "one-article";
  one.documents.emplace_back();
  chorus::Document& doc = one.documents.back();
  doc.id = "long";
  for (const chorus::Document& d : PooledCluster(100).documents) {
    if (doc.text.size() >= (size_t{1} << 20)) break;
    doc.text += d.text + "\n\n";
  }
  while (!doc.text.empty() && doc.text.size() < (size_t{1} << 20)) doc.text += doc.text;
  doc.text.resize(std::min(doc.text.size(), size_t{1} << 20));
  AnalyzeAndCompare(state, one, doc.text.empty() ? 1 : 0);
}
BENCHMARK(BM_CompareOneMegabyteArticle)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Compare2000GunViolenceArticles(benchmark::State& state) {
  static const chorus::Cluster cluster = ArticlesAsOneCluster("events/gva-train.jsonl", 2000);
  AnalyzeAndCompare(state, cluster, 2000);
}
BENCHMARK(BM_Compare2000GunViolenceArticles)->Unit(benchmark::kMillisecond)->Iterations(1);

// 2,000 short reports of one count, each with its own value and the same
// words around it: every pair of values is a candidate discrepancy.
void BM_Compare2000ReportsOfOneCount(benchmark::State& state) {
  chorus::Cluster c;
  c.id = "one-count";
  for (int k = 0; k < 2000; ++k) {
    chorus::Document d;
    d.id = fmt::format("r{}", k);
    d.source = fmt::format("Outlet {}", k);
    d.text = fmt::format(
        "Officials said {} people were evacuated from the flooded valley on Monday. "
        "Rescuers from {} towns searched the river banks near Aurelio Quin{} bridge. "
        "\"We are doing all we can,\" said mayor Carla Trent of district {}.",
        100 + k, k % 50, static_cast<char>('a' + k % 26), k);
    c.documents.push_back(std::move(d));
  }
  AnalyzeAndCompare(state, c, 2000);
}
BENCHMARK(BM_Compare2000ReportsOfOneCount)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Compare100kHeadlines(benchmark::State& state) {
  static const chorus::Cluster cluster = ArticlesAsOneCluster("events/uci-train.jsonl", 100000);
  AnalyzeAndCompare(state, cluster, 100000);
}
BENCHMARK(BM_Compare100kHeadlines)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
