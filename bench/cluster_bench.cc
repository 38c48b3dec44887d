// Event clustering on the shared gold corpora (single thread).
//
// Before the timed benchmarks, prints quality: B-cubed and ARI of the default
// options on DUC 2004 and Multi-News 200 (shuffled, several seeds) and the
// threshold sensitivity table, and the same scores without the pages that
// open with the same text in several gold events (archive and Twitter notices
// in Multi-News, articles DUC files under two topics): no clusterer that reads
// text can place those in each of their gold events; and an offline reference
// (average-link over the same features, seeing the whole corpus) that shows
// how far the representation itself goes. Then:
//   ClusterSharedCorpora   both corpora as one stream (1,070 articles), after
//                          ingest: tokenizing, near-duplicate lookup, scoring
//   ClusterStream/N        N = 1k, 10k, 100k articles synthesised from the
//                          shared ones (new ids, dates moved by 45 days per
//                          reuse, a quarter of the words dropped so copies are
//                          not near-duplicates); reports memory growth
//   ClusterIntoStore/N     the same through EventStream into SQLite
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/hashing.h"
#include "bench_data.h"
#include "chorus/clusterer.h"
#include "chorus/event_stream.h"
#include "chorus/tokenizer.h"
#include "cluster/gold_evaluation.h"
#include "fmt/format.h"

namespace chorus {
namespace {

using bench::DataPath;

const std::vector<GoldArticle>& Corpus(const char* relative) {
  static std::vector<GoldArticle> duc, multinews;
  std::vector<GoldArticle>& c = std::string(relative).starts_with("duc") ? duc : multinews;
  if (c.empty()) {
    auto read = ReadGoldStream(DataPath(relative), 42);
    if (read.ok()) c = std::move(*read);
  }
  return c;
}

std::vector<Document> Combined() {
  std::vector<Document> out;
  for (const char* c : {"duc2004/clusters.jsonl", "multinews200/clusters.jsonl"}) {
    for (const GoldArticle& a : Corpus(c)) out.push_back(a.document);
  }
  return out;
}

// `n` articles reusing the shared ones: reuse k gets ids "<k>:<id>", dates
// 45*k days later (undated articles get 2010-01-01 first) and drops each word
// with probability 1/4.
std::vector<Document> Synthesise(size_t n) {
  const std::vector<Document> base = Combined();
  std::vector<Document> out;
  out.reserve(n);
  for (size_t i = 0; i < n && !base.empty(); ++i) {
    const size_t k = i / base.size();
    Document d = base[i % base.size()];
    int32_t day = ParseDay(d.date);
    if (day == ArticleRecord::kNoDay) day = ParseDay("2010-01-01");
    d.date = FormatDay(day + static_cast<int32_t>(45 * k));
    d.id = fmt::format("{}:{}", k, d.id);
    if (k > 0) {
      std::string text;
      size_t word = 0, start = 0;
      while (start < d.text.size()) {
        size_t end = d.text.find(' ', start);
        if (end == std::string::npos) end = d.text.size();
        if (Mix64(i * 1'000'003 + word++) % 4 != 0) text.append(d.text, start, end - start + 1);
        start = end + 1;
      }
      d.text = std::move(text);
    }
    out.push_back(std::move(d));
  }
  return out;
}

long ResidentKb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// `articles` without those whose opening 200 bytes also open an article of
// another gold event.
std::vector<GoldArticle> WithoutSharedPages(const std::vector<GoldArticle>& articles) {
  std::map<std::string, std::set<int64_t>> golds;
  for (const GoldArticle& a : articles) golds[a.document.text.substr(0, 200)].insert(a.gold);
  std::vector<GoldArticle> out;
  for (const GoldArticle& a : articles) {
    if (golds[a.document.text.substr(0, 200)].size() == 1) out.push_back(a);
  }
  return out;
}

// Similarity of every pair of `articles` as the clusterer computes it between
// an article and an event (TF-IDF cosine of its own features, date window,
// decay and boost), but with IDF from the whole corpus: what an offline
// clusterer that sees everything at once would compare.
std::vector<std::vector<double>> OfflineSimilarities(const std::vector<GoldArticle>& articles,
                                                     const ClustererOptions& o) {
  EventClusterer clusterer(o);
  std::vector<ArticleRecord> records;
  for (const GoldArticle& a : articles) records.push_back(clusterer.Add(a.document).record);
  const size_t n = records.size();
  std::map<uint32_t, double> df;
  for (const ArticleRecord& r : records) {
    for (const auto& [term, w] : r.terms) ++df[term];
  }
  std::vector<std::map<uint32_t, double>> unit(n);
  for (size_t i = 0; i < n; ++i) {
    double norm2 = 0;
    for (const auto& [term, w] : records[i].terms) {
      const double x = w * (std::log((n + 1.0) / (df[term] + 1)) + 1);
      unit[i][term] = x;
      norm2 += x * x;
    }
    for (auto& [term, x] : unit[i]) x /= std::sqrt(norm2);
  }
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      double dot = 0;
      for (const auto& [term, x] : unit[i]) {
        auto it = unit[j].find(term);
        if (it != unit[j].end()) dot += x * it->second;
      }
      const int32_t a = records[i].day, b = records[j].day;
      if (a != ArticleRecord::kNoDay && b != ArticleRecord::kNoDay) {
        const double gap = std::abs(a - b);
        if (o.window_days > 0 && gap > o.window_days) dot = 0;
        if (o.decay_days > 0) dot *= std::exp(-gap / o.decay_days);
        dot *= 1 + o.dated_boost;
      }
      sim[i][j] = sim[j][i] = dot;
    }
  }
  return sim;
}

// Offline average-link clustering of `articles` (merge the two groups of
// highest mean similarity while it is >= the threshold), scored at each of
// `thresholds` (descending). An upper reference for the representation: it
// sees the whole corpus and needs no arrival order.
std::vector<ClusteringScores> OfflineAverageLink(const std::vector<GoldArticle>& articles,
                                                 const std::vector<double>& thresholds) {
  std::vector<std::vector<double>> total = OfflineSimilarities(articles, ClustererOptions());
  const size_t n = articles.size();
  std::vector<std::vector<size_t>> groups(n);
  for (size_t i = 0; i < n; ++i) groups[i] = {i};
  std::vector<int64_t> gold;
  for (const GoldArticle& a : articles) gold.push_back(a.gold);
  std::vector<ClusteringScores> out;
  while (out.size() < thresholds.size()) {
    double best = -1;
    size_t ba = 0, bb = 0;
    for (size_t a = 0; a < n; ++a) {
      for (size_t b = a + 1; b < n && !groups[a].empty(); ++b) {
        if (groups[b].empty()) continue;
        const double mean = total[a][b] / static_cast<double>(groups[a].size() * groups[b].size());
        if (mean > best) best = mean, ba = a, bb = b;
      }
    }
    while (out.size() < thresholds.size() && best < thresholds[out.size()]) {
      std::vector<int64_t> predicted(n);
      for (size_t g = 0; g < n; ++g) {
        for (size_t i : groups[g]) predicted[i] = static_cast<int64_t>(g);
      }
      out.push_back(ScoreClustering(gold, predicted));
    }
    for (size_t x = 0; x < n; ++x) total[ba][x] = total[x][ba] = total[ba][x] + total[bb][x];
    groups[ba].insert(groups[ba].end(), groups[bb].begin(), groups[bb].end());
    groups[bb].clear();
  }
  return out;
}

void PrintOfflineReference(const char* const* corpora) {
  const std::vector<double> thresholds = {0.30, 0.25, 0.22, 0.20, 0.18, 0.17, 0.16,
                                          0.15, 0.14, 0.13, 0.12, 0.11, 0.10, 0.08};
  std::printf(
      "Offline reference: average-link over the same features and similarity, IDF from "
      "the whole corpus, seed 42, best threshold chosen on the corpus itself:\n");
  for (int i = 0; i < 2; ++i) {
    const std::vector<ClusteringScores> s = OfflineAverageLink(Corpus(corpora[i]), thresholds);
    size_t best = 0;
    for (size_t k = 0; k < s.size(); ++k) {
      if (s[k].bcubed_f1 > s[best].bcubed_f1) best = k;
    }
    std::printf("  %-28s threshold %.2f: B-cubed P %.3f R %.3f F1 %.3f  ARI %.3f\n", corpora[i],
                thresholds[best], s[best].bcubed_precision, s[best].bcubed_recall,
                s[best].bcubed_f1, s[best].adjusted_rand);
  }
}

void PrintQuality() {
  const char* corpora[] = {"duc2004/clusters.jsonl", "multinews200/clusters.jsonl"};
  for (const char* c : corpora) {
    if (Corpus(c).empty()) {
      std::printf("*** SHARED DATA MISSING: %s; quality not measured ***\n", DataPath(c).c_str());
      return;
    }
  }
  std::printf("Quality, default options (threshold %.2f), seed 42:\n",
              ClustererOptions().threshold);
  for (const char* c : corpora) {
    const ClusteringScores s = ScoreOnlineClustering(Corpus(c), ClustererOptions());
    std::printf("  %-28s B-cubed P %.3f R %.3f F1 %.3f  ARI %.3f  (%zu events for %zu gold)\n", c,
                s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, s.adjusted_rand,
                static_cast<size_t>(s.predicted_clusters), static_cast<size_t>(s.gold_clusters));
  }
  std::printf("Without pages shared by several gold events, mean over shuffle seeds 1..5:\n");
  for (const char* c : corpora) {
    double f = 0, a = 0;
    size_t kept = 0;
    for (uint32_t seed = 1; seed <= 5; ++seed) {
      auto stream = ReadGoldStream(DataPath(c), seed);
      const std::vector<GoldArticle> unique = WithoutSharedPages(*stream);
      kept = unique.size();
      const ClusteringScores s = ScoreOnlineClustering(unique, ClustererOptions());
      f += s.bcubed_f1 / 5;
      a += s.adjusted_rand / 5;
    }
    std::printf("  %-28s B-cubed F1 %.3f  ARI %.3f  (%zu of %zu articles kept)\n", c, f, a, kept,
                Corpus(c).size());
  }
  std::printf("Threshold sensitivity: B-cubed F1 / ARI, mean over shuffle seeds 1..5:\n");
  std::printf("  threshold  dated_boost   DUC 2004 F1   ARI    Multi-News F1   ARI\n");
  struct Row {
    double threshold;
    double dated_boost;
  };
  const double boost = ClustererOptions().dated_boost;
  for (Row row : {Row{0.10, boost}, Row{0.12, boost}, Row{0.15, boost}, Row{0.18, boost},
                  Row{0.20, boost}, Row{0.22, boost}, Row{0.25, boost}, Row{0.30, boost},
                  Row{0.12, 0.0}, Row{0.15, 0.0}, Row{0.20, 0.0}}) {
    ClustererOptions o;
    o.threshold = row.threshold;
    o.dated_boost = row.dated_boost;
    double f[2] = {0, 0}, a[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
      for (uint32_t seed = 1; seed <= 5; ++seed) {
        auto stream = ReadGoldStream(DataPath(corpora[i]), seed);
        const ClusteringScores s = ScoreOnlineClustering(*stream, o);
        f[i] += s.bcubed_f1 / 5;
        a[i] += s.adjusted_rand / 5;
      }
    }
    std::printf("  %9.2f  %11.2f   %11.3f  %5.3f   %13.3f  %5.3f\n", row.threshold, row.dated_boost,
                f[0], a[0], f[1], a[1]);
  }
  PrintOfflineReference(corpora);
  std::fflush(stdout);
}

void BM_ClusterSharedCorpora(benchmark::State& state) {
  const std::vector<Document> docs = Combined();
  if (docs.empty()) return state.SkipWithError("SHARED DATA MISSING");
  for (auto _ : state) {
    EventClusterer clusterer;
    for (const Document& d : docs) benchmark::DoNotOptimize(clusterer.Add(d).event);
  }
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(docs.size() * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ClusterSharedCorpora)->Unit(benchmark::kMillisecond);

// The shared Tokenizer alone on the same articles (title and text), to show
// how much of the clustering time is tokenizing.
void BM_TokenizeSharedCorpora(benchmark::State& state) {
  const std::vector<Document> docs = Combined();
  if (docs.empty()) return state.SkipWithError("SHARED DATA MISSING");
  Tokenizer tokenizer;
  for (auto _ : state) {
    for (const Document& d : docs) {
      benchmark::DoNotOptimize(tokenizer.Tokenize(d.title).size());
      benchmark::DoNotOptimize(tokenizer.Tokenize(d.text).size());
    }
  }
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(docs.size() * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeSharedCorpora)->Unit(benchmark::kMillisecond);

void BM_ClusterStream(benchmark::State& state) {
  const std::vector<Document> docs = Synthesise(static_cast<size_t>(state.range(0)));
  if (docs.empty()) return state.SkipWithError("SHARED DATA MISSING");
  double memory_mb = 0, events = 0;
  for (auto _ : state) {
    const long before = ResidentKb();
    EventClusterer clusterer;
    for (const Document& d : docs) benchmark::DoNotOptimize(clusterer.Add(d).event);
    memory_mb = static_cast<double>(ResidentKb() - before) / 1024;
    events = static_cast<double>(clusterer.EventCount());
  }
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(docs.size() * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["state_MB"] = memory_mb;
  state.counters["events"] = events;
}
BENCHMARK(BM_ClusterStream)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_ClusterIntoStore(benchmark::State& state) {
  const std::vector<Document> docs = Synthesise(static_cast<size_t>(state.range(0)));
  if (docs.empty()) return state.SkipWithError("SHARED DATA MISSING");
  const auto db = std::filesystem::temp_directory_path() / "chorus_cluster_bench.db";
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
    state.ResumeTiming();
    auto stream = EventStream::Open(db.string(), {});
    if (!stream.ok()) return state.SkipWithError(stream.status().ToString().c_str());
    for (const Document& d : docs) {
      const Status added = (*stream)->Add(d, nullptr);
      if (!added.ok()) return state.SkipWithError(added.ToString().c_str());
    }
    if (!(*stream)->Flush(nullptr).ok()) return state.SkipWithError("flush failed");
  }
  state.counters["articles/s"] = benchmark::Counter(
      static_cast<double>(docs.size() * state.iterations()), benchmark::Counter::kIsRate);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
}
BENCHMARK(BM_ClusterIntoStore)->Arg(10'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace chorus

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (!std::getenv("CHORUS_BENCH_NO_QUALITY")) chorus::PrintQuality();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
