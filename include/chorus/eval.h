// Eval: the benchmark harness. Summarizes every cluster of a dataset with
// each chosen method, scores the summaries with the built-in ROUGE-1.5.5
// (chorus/rouge.h) against the clusters' human references, and puts chorus's
// methods beside published systems' outputs scored the same way.
//
//   chorus::EvalOptions options;                 // preset "duc2004"
//   options.methods = {"lead", "lexrank"};
//   options.peers_path = "peer_summaries.jsonl";
//   chorus::Result<chorus::EvalReport> report =
//       chorus::RunEvalOnFile("clusters.jsonl", options, &diagnostics, progress);
//   std::cout << chorus::FormatEvalReport(*report, chorus::EvalFormat::kTable);
//
// Presets fix the ROUGE flags and the summary budget the literature uses:
//   duc2004:        -n 2 -m -l 100 -2 4 -u, 100 words (DUC 2004 task 2)
//   multinews:      -n 2 -m -l 300 -2 4 -u, 300 words (Multi-News test set)
//   duc2006:        -n 2 -m -l 250 -2 4 -u, 250 words (DUC 2006, query-focused)
//   duc2007-update: -n 2 -m -l 100 -2 4 -u, 100 words (DUC 2007 update task)
// Summaries never exceed the budget, so the -l truncation only ever affects
// published peers. A cluster's "query" focuses its summary, and its
// "update_of" makes it an update for a reader of those earlier clusters
// (chorus/read_history.h), as `chorus summarize` does.
//
// Thread safety: RunEval and RunEvalOnFile are reentrant (each builds its own
// scorer); the progress callback is called from the calling thread only.
// Reports are plain values.
#ifndef CHORUS_EVAL_H_
#define CHORUS_EVAL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/diagnostics.h"
#include "chorus/document.h"
#include "chorus/rouge.h"
#include "chorus/status.h"
#include "chorus/summarizer.h"

namespace chorus {

// A named ROUGE flag set and summary budget.
struct EvalPreset {
  std::string name;         // "duc2004"
  std::string rouge_flags;  // flags of ROUGE-1.5.5.pl, e.g. "-n 2 -m -l 100 -2 4 -u"
  SummaryBudget budget;     // what chorus's methods are given
};

// The presets, "duc2004" first.
std::vector<EvalPreset> EvalPresets();

// The preset `name`, or kInvalidArgument naming the known ones.
Result<EvalPreset> FindEvalPreset(std::string_view name);

struct EvalOptions {
  // Preset giving the ROUGE flags and budget (default "duc2004").
  std::string preset = "duc2004";
  // Methods to run (names for MakeSummarizer); empty = every method it knows.
  std::vector<std::string> methods;
  // Overrides the preset's budget when set.
  std::optional<SummaryBudget> budget;
  // Overrides the preset's ROUGE flags when non-empty.
  std::string rouge_flags;
  // Published systems' summaries ({"id", "system", "summary"} JSONL), scored
  // beside chorus's methods; empty = none. Used by RunEvalOnFile.
  std::string peers_path;
  // Threads summarizing clusters (>= 1). Scoring is single-threaded.
  uint32_t jobs = 1;
  // How articles become sentences and tokens.
  AnalyzerOptions analyzer;
};

// One system's average on one metric, with its bootstrap interval.
struct EvalMetric {
  std::string metric;   // as ROUGE prints it: "ROUGE-1", "ROUGE-L", "ROUGE-SU4"
  RougeScore average;   // R, P, F
  RougeScore ci_lower;  // lower end of the 95% interval (the flags' -c)
  RougeScore ci_upper;  // upper end
};

struct EvalSystem {
  std::string system;               // method name, or the peer file's "system"
  bool chorus_method = false;       // summarized by chorus in this run (else a published peer)
  int topics = 0;                   // clusters it was scored on
  std::vector<EvalMetric> metrics;  // in EvalReport::metrics order
  // Chorus methods: mean wall time of Summarize per cluster (the shared
  // analysis excluded: see EvalReport::analysis_seconds_per_cluster).
  double seconds_per_cluster = 0;
  // Chorus methods: mean whitespace words per summary (how much of the budget
  // whole sentences filled).
  double words_per_summary = 0;
};

struct EvalReport {
  std::string preset;
  std::string rouge_flags;                  // the flags actually used
  SummaryBudget budget;                     // the budget actually used
  size_t clusters = 0;                      // clusters summarized
  std::vector<std::string> metrics;         // metric names, ROUGE's order
  std::vector<EvalSystem> systems;          // chorus methods (in options order), then peers by name
  double analysis_seconds_per_cluster = 0;  // clean + split + tokenize, once per cluster
  std::vector<std::string> warnings;        // e.g. clusters without references
};

// Progress of a long run: `done` of `total` units of `stage` ("analyze",
// "summarize <method>", "score").
struct EvalProgress {
  std::string stage;
  size_t done = 0;
  size_t total = 0;
};
using EvalProgressCallback = std::function<void(const EvalProgress&)>;

// Evaluates `options.methods` on `clusters` (each with references), with
// `published` topics' peers (ids matching cluster ids) scored alongside.
// kInvalidArgument for unknown methods, presets or flags, a budget of 0, or a
// peer system named like a method; kNotFound when no cluster has references.
Result<EvalReport> RunEval(std::span<const Cluster> clusters, std::span<const RougeTopic> published,
                           const EvalOptions& options,
                           const EvalProgressCallback& progress = nullptr);

// Reads `dataset_path` (clusters JSONL with references) and options.peers_path,
// then RunEval. Line-level input problems go to `diagnostics`; a peer line
// naming an unknown cluster id is an error there.
Result<EvalReport> RunEvalOnFile(const std::string& dataset_path, const EvalOptions& options,
                                 Diagnostics* diagnostics,
                                 const EvalProgressCallback& progress = nullptr);

enum class EvalFormat {
  kTable,  // aligned text: one row per system, recall of each metric, CIs, time
  kJson,   // {"preset", "rouge_flags", "budget", "clusters", "systems": [...]}
};

std::string FormatEvalReport(const EvalReport& report, EvalFormat format);

}  // namespace chorus

#endif  // CHORUS_EVAL_H_
