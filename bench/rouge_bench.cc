// ROUGE scoring speed on the workloads the official Perl script is timed on:
//
//   BM_RougeDuc2004:      the 650 DUC 2004 peers (13 systems x 50 topics,
//                         4 models each), ROUGE-1/2/L/SU4, -m -l 100, -r 1000.
//                         ROUGE-1.5.5.pl: about 4 s.
//   BM_RougeDuc2006Sized: 35 systems x 50 topics x 250 words, 4 models of
//                         ~250 words, same metrics, -l 250, -r 1000, built
//                         from DUC 2004 text. ROUGE-1.5.5.pl: about 4 min.
//
// Each iteration creates a scorer (embedded tables loaded, caches empty) and
// scores the whole workload, bootstrap included, on one thread. Input files
// are parsed once, outside the timing.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_data.h"
#include "chorus/rouge.h"

namespace {

using chorus::bench::DataPath;

const chorus::RougeDataset& Duc2004() {
  static const chorus::RougeDataset* dataset = [] {
    auto read = chorus::ReadRougeDataset(DataPath("duc2004/clusters.jsonl"),
                                         DataPath("duc2004/peer_summaries.jsonl"));
    if (!read.ok()) {
      std::fprintf(stderr, "rouge_bench: %s\n", read.status().ToString().c_str());
      std::abort();
    }
    return new chorus::RougeDataset(std::move(*read));
  }();
  return *dataset;
}

// Sentences of `text` ending in ". " become lines.
std::vector<std::string> RoughSentences(const std::string& text) {
  std::vector<std::string> sentences;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(". ", start);
    end = end == std::string::npos ? text.size() : end + 1;
    sentences.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return sentences;
}

// At least `words` words of `pool` starting at sentence `offset`, one a line.
std::string Summary(const std::vector<std::string>& pool, size_t offset, int words) {
  std::string out;
  int count = 0;
  for (size_t k = 0; k < pool.size() && count < words; ++k) {
    const std::string& s = pool[(offset + k) % pool.size()];
    out += s + "\n";
    for (size_t p = 0; p < s.size(); ++p) count += s[p] == ' ';
    ++count;
  }
  return out;
}

// DUC 2006-sized topics: the DUC 2004 references and peers pooled per topic
// and re-cut into 4 models and 35 peers of ~250 words.
std::vector<chorus::RougeTopic> Duc2006Sized() {
  std::vector<chorus::RougeTopic> topics;
  for (const chorus::RougeTopic& source : Duc2004().topics) {
    std::vector<std::string> pool;
    for (const std::string& m : source.models) {
      for (const std::string& s : RoughSentences(m)) pool.push_back(s);
    }
    for (const chorus::RougePeer& p : source.peers) {
      for (const std::string& s : RoughSentences(p.text)) pool.push_back(s);
    }
    chorus::RougeTopic topic;
    topic.id = source.id;
    for (size_t m = 0; m < 4; ++m) topic.models.push_back(Summary(pool, m * 11, 260));
    for (int s = 0; s < 35; ++s) {
      std::string system = "S";
      system += std::to_string(s);  // not "S" + ...: g++ 12 -Wrestrict false positive
      topic.peers.push_back(chorus::RougePeer{system, Summary(pool, 7 + s * 5, 260)});
    }
    topics.push_back(std::move(topic));
  }
  return topics;
}

void Run(benchmark::State& state, const std::vector<chorus::RougeTopic>& topics,
         const char* flags) {
  auto options = chorus::ParseRougeFlags(flags);
  if (!options.ok()) {
    state.SkipWithError(options.status().ToString().c_str());
    return;
  }
  size_t peers = 0;
  for (const auto& t : topics) peers += t.peers.size();
  for (auto _ : state) {
    auto scorer = chorus::RougeScorer::Create(*options);
    auto report = (*scorer)->Score(topics);
    if (!report.ok()) state.SkipWithError(report.status().ToString().c_str());
    benchmark::DoNotOptimize(report);
  }
  state.counters["peers"] = static_cast<double>(peers);
  state.counters["peers/s"] =
      benchmark::Counter(static_cast<double>(peers), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_RougeDuc2004(benchmark::State& state) {
  Run(state, Duc2004().topics, "-n 2 -m -l 100 -2 4 -u -r 1000");
}
BENCHMARK(BM_RougeDuc2004)->Unit(benchmark::kMillisecond);

// The same work on a scorer reused across iterations (token ids and stems
// cached), as `chorus eval` scores many runs with one scorer.
void BM_RougeDuc2004WarmScorer(benchmark::State& state) {
  auto options = chorus::ParseRougeFlags("-n 2 -m -l 100 -2 4 -u -r 1000");
  auto scorer = chorus::RougeScorer::Create(*options);
  for (auto _ : state) {
    auto report = (*scorer)->Score(Duc2004().topics);
    benchmark::DoNotOptimize(report);
  }
  state.counters["peers/s"] =
      benchmark::Counter(650, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_RougeDuc2004WarmScorer)->Unit(benchmark::kMillisecond);

void BM_RougeDuc2006Sized(benchmark::State& state) {
  static const std::vector<chorus::RougeTopic> topics = Duc2006Sized();
  Run(state, topics, "-n 2 -m -l 250 -2 4 -u -r 1000");
}
BENCHMARK(BM_RougeDuc2006Sized)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
