// Throughput of the text pipeline on multinews200 (single thread), stage by
// stage, so the slow stage is visible:
//   Ingest     read + parse the JSON Lines file
//   Clean      the default cleaning rules on every document
//   Split      sentence splitting of the cleaned text
//   Tokenize   tokenizing (NFKC, case folding, stemming) every sentence
//   Pipeline   ingest + clean + split + tokenize, end to end (the 100 MB/s floor)
// Bytes processed are the input file's bytes for Ingest and Pipeline, and the
// text the stage reads for the others.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_data.h"
#include "chorus/analyzer.h"
#include "chorus/cleaner.h"
#include "chorus/ingest.h"
#include "chorus/sentence_splitter.h"
#include "chorus/tokenizer.h"

namespace {

std::string DataPath() { return chorus::bench::DataPath("multinews200/clusters.jsonl"); }

bool HaveData(benchmark::State& state) {
  if (std::filesystem::exists(DataPath())) return true;
  state.SkipWithError(("SHARED DATA MISSING: " + DataPath()).c_str());
  return false;
}

// Google Benchmark's bytes_per_second is in MiB/s; the floor is in
// MB/s (10^6 bytes), so both are printed to leave no doubt which is which.
void ReportThroughput(benchmark::State& state, int64_t bytes_per_iteration) {
  const int64_t bytes = state.iterations() * bytes_per_iteration;
  state.SetBytesProcessed(bytes);
  state.counters["MB"] =
      benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsRate);
}

std::vector<chorus::Cluster> LoadClusters() {
  std::vector<chorus::Cluster> clusters;
  chorus::Diagnostics diags;
  (void)chorus::ReadClusters({DataPath()}, {}, &diags, [&](chorus::Cluster&& c) {
    clusters.push_back(std::move(c));
    return chorus::Status::Ok();
  });
  return clusters;
}

std::vector<chorus::Document> CleanAll(const std::vector<chorus::Cluster>& clusters) {
  std::vector<chorus::Document> out;
  for (const chorus::Cluster& c : clusters) {
    for (const chorus::Document& d : c.documents) {
      for (chorus::Document& cleaned : chorus::Cleaner::Default().Clean(d)) {
        out.push_back(std::move(cleaned));
      }
    }
  }
  return out;
}

void BM_Ingest(benchmark::State& state) {
  if (!HaveData(state)) return;
  const int64_t bytes = static_cast<int64_t>(std::filesystem::file_size(DataPath()));
  for (auto _ : state) {
    size_t docs = 0;
    chorus::Diagnostics diags;
    chorus::Status s = chorus::ReadClusters({DataPath()}, {}, &diags, [&](chorus::Cluster&& c) {
      docs += c.documents.size();
      return chorus::Status::Ok();
    });
    benchmark::DoNotOptimize(docs);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  ReportThroughput(state, bytes);
}

void BM_Clean(benchmark::State& state) {
  if (!HaveData(state)) return;
  std::vector<chorus::Cluster> clusters = LoadClusters();
  int64_t bytes = 0;
  for (const auto& c : clusters) {
    for (const auto& d : c.documents) bytes += static_cast<int64_t>(d.text.size());
  }
  for (auto _ : state) {
    size_t out = 0;
    for (const auto& c : clusters) {
      for (const auto& d : c.documents) out += chorus::Cleaner::Default().Clean(d).size();
    }
    benchmark::DoNotOptimize(out);
  }
  ReportThroughput(state, bytes);
}

void BM_Split(benchmark::State& state) {
  if (!HaveData(state)) return;
  std::vector<chorus::Document> docs = CleanAll(LoadClusters());
  int64_t bytes = 0;
  for (const auto& d : docs) bytes += static_cast<int64_t>(d.text.size());
  chorus::SentenceSplitter splitter;
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& d : docs) n += splitter.Split(d.text).size();
    benchmark::DoNotOptimize(n);
  }
  ReportThroughput(state, bytes);
}

void BM_Tokenize(benchmark::State& state) {
  if (!HaveData(state)) return;
  std::vector<std::string> sentences;
  chorus::SentenceSplitter splitter;
  for (const auto& d : CleanAll(LoadClusters())) {
    for (auto& s : splitter.Split(d.text)) sentences.push_back(std::move(s.text));
  }
  int64_t bytes = 0;
  for (const auto& s : sentences) bytes += static_cast<int64_t>(s.size());
  chorus::Tokenizer tokenizer;
  for (auto _ : state) {
    size_t n = 0;
    for (const auto& s : sentences) n += tokenizer.Tokenize(s).size();
    benchmark::DoNotOptimize(n);
  }
  ReportThroughput(state, bytes);
}

void BM_Pipeline(benchmark::State& state) {
  if (!HaveData(state)) return;
  const int64_t bytes = static_cast<int64_t>(std::filesystem::file_size(DataPath()));
  chorus::ClusterAnalyzer analyzer;
  for (auto _ : state) {
    size_t sentences = 0;
    chorus::Diagnostics diags;
    chorus::Status s = chorus::ReadClusters({DataPath()}, {}, &diags, [&](chorus::Cluster&& c) {
      sentences += analyzer.Analyze(c).sentences.size();
      return chorus::Status::Ok();
    });
    benchmark::DoNotOptimize(sentences);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  ReportThroughput(state, bytes);
}

BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Clean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Split)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
