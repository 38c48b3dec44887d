// summarize_cv: k-fold cross-validation of the "chorus" method's parameters.
//
// Runs the concept summarizer on every cluster of a benchmark for each point
// of a parameter grid, scores every summary with ROUGE (the preset's flags),
// then, for each of k folds, picks the grid point with the best mean of
// R-1 + R-2 + SU4 recall on the other folds and scores it on the held-out
// fold. The held-out means estimate what the selection procedure (not one
// lucky point) achieves on unseen clusters.
//
//   summarize_cv ../shared/data/duc2004/clusters.jsonl --folds 5
//       --grid "unigram_weight=0,0.5,1" --grid "position_weight=1,1.5,2"
//
// An experiment program: it reads the private summarizer options directly.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/eval.h"
#include "chorus/ingest.h"
#include "chorus/read_history.h"
#include "chorus/rouge.h"
#include "summarize/budget.h"
#include "summarize/concept_summarizer.h"

namespace chorus {
namespace {

using Setter = std::function<void(ConceptSummarizerOptions&, double)>;

const std::map<std::string, Setter>& Setters() {
  static const std::map<std::string, Setter> setters = {
      {"unigram_weight", [](auto& o, double v) { o.unigram_weight = v; }},
      {"position_weight", [](auto& o, double v) { o.position_weight = v; }},
      {"min_words", [](auto& o, double v) { o.min_words = static_cast<uint32_t>(v); }},
      {"min_doc_fraction", [](auto& o, double v) { o.min_doc_fraction = v; }},
      {"drop_quotations", [](auto& o, double v) { o.drop_quotations = v != 0; }},
      {"drop_bare_quotes", [](auto& o, double v) { o.drop_bare_quotes = v != 0; }},
      {"redundancy_cosine", [](auto& o, double v) { o.redundancy_cosine = v; }},
      {"max_candidates", [](auto& o, double v) { o.max_candidates = static_cast<uint32_t>(v); }},
      {"max_position", [](auto& o, double v) { o.max_position = static_cast<uint32_t>(v); }},
      {"fill_budget", [](auto& o, double v) { o.fill_budget = v != 0; }},
      {"compress", [](auto& o, double v) { o.compress = v != 0; }},
      {"min_concepts", [](auto& o, double v) { o.min_concepts = static_cast<uint32_t>(v); }},
      {"optimality_tolerance", [](auto& o, double v) { o.solver.optimality_tolerance = v; }},
      {"query_weight", [](auto& o, double v) { o.query_weight = v; }},
      {"search_work_limit",
       [](auto& o, double v) { o.solver.search_work_limit = static_cast<uint64_t>(v); }},
      {"glpk_after_search", [](auto& o, double v) { o.solver.glpk_after_search = v != 0; }},
      {"glpk_node_limit",
       [](auto& o, double v) { o.solver.glpk_node_limit = static_cast<uint64_t>(v); }},
      {"time_limit_ms", [](auto& o, double v) { o.solver.time_limit_ms = static_cast<int>(v); }},
  };
  return setters;
}

struct Axis {
  std::string name;
  std::vector<double> values;
};

Result<Axis> ParseAxis(const std::string& spec) {
  const size_t eq = spec.find('=');
  if (eq == std::string::npos)
    return InvalidArgumentError("grid axis must be name=v1,v2,...: " + spec);
  Axis axis{spec.substr(0, eq), {}};
  if (!Setters().count(axis.name)) return InvalidArgumentError("unknown parameter: " + axis.name);
  std::string rest = spec.substr(eq + 1);
  size_t pos = 0;
  while (pos <= rest.size()) {
    const size_t comma = rest.find(',', pos);
    const std::string v =
        rest.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    axis.values.push_back(std::stod(v));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return axis;
}

struct Point {
  std::string label;
  ConceptSummarizerOptions options;
};

std::vector<Point> GridPoints(const std::vector<Axis>& axes) {
  std::vector<Point> points = {{"", {}}};
  for (const Axis& axis : axes) {
    std::vector<Point> next;
    for (const Point& p : points) {
      for (double v : axis.values) {
        Point q = p;
        Setters().at(axis.name)(q.options, v);
        q.label += fmt::format("{}{}={}", q.label.empty() ? "" : " ", axis.name, v);
        next.push_back(std::move(q));
      }
    }
    points = std::move(next);
  }
  return points;
}

// CPU time, not wall time: the machine running experiments is shared, and
// the summarizer is single-threaded.
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

std::string SummaryText(const Summary& summary) {
  std::string text;
  for (const SummarySentence& s : summary.sentences) text += (text.empty() ? "" : "\n") + s.text;
  return text;
}

int Run(int argc, char** argv) {
  CLI::App app("k-fold cross-validation of the chorus summarizer's parameters");
  std::string dataset, preset_name = "duc2004";
  std::vector<std::string> grid;
  int folds = 5;
  app.add_option("dataset", dataset, "Clusters JSONL with references")->required();
  app.add_option("--preset", preset_name, "Eval preset (ROUGE flags and budget)");
  app.add_option("--grid", grid, "Parameter axis name=v1,v2,... (repeatable)");
  app.add_option("--folds", folds, "Number of folds (clusters i with i % folds == f form fold f)");
  bool no_query = false, no_update = false;
  std::string subset;
  app.add_option("--subset", subset,
                 "Score only the clusters whose id matches this regular expression");
  app.add_flag("--no-query", no_query, "Ignore the clusters' \"query\" (generic summaries)");
  app.add_flag("--no-update", no_update,
               "Ignore the clusters' \"update_of\" (summaries blind to what was read)");
  CLI11_PARSE(app, argc, argv);

  std::vector<Axis> axes;
  for (const std::string& spec : grid) {
    Result<Axis> axis = ParseAxis(spec);
    if (!axis.ok()) return std::cerr << axis.status().ToString() << "\n", 2;
    axes.push_back(*axis);
  }
  Result<EvalPreset> preset = FindEvalPreset(preset_name);
  if (!preset.ok()) return std::cerr << preset.status().ToString() << "\n", 2;
  Result<RougeOptions> rouge_options = ParseRougeFlags(preset->rouge_flags);
  Result<std::unique_ptr<RougeScorer>> scorer = RougeScorer::Create(*rouge_options);
  if (!scorer.ok()) return std::cerr << scorer.status().ToString() << "\n", 1;

  std::vector<Cluster> clusters;
  Diagnostics diagnostics;
  const Status read = ReadClusters({dataset}, {}, &diagnostics, [&](Cluster&& c) {
    if (!c.references.empty()) clusters.push_back(std::move(c));
    return Status::Ok();
  });
  if (!read.ok() || clusters.empty()) return std::cerr << "cannot read " << dataset << "\n", 1;
  const ClusterAnalyzer analyzer;
  std::vector<AnalyzedCluster> analyzed;
  for (const Cluster& c : clusters) analyzed.push_back(analyzer.Analyze(c));
  // Update sets: the articles of the clusters each names in update_of, analyzed.
  std::vector<std::optional<AnalyzedCluster>> already_read(clusters.size());
  if (!no_update) {
    ReadHistory history;
    for (size_t c = 0; c < clusters.size(); ++c) {
      Result<Cluster> read = history.ArticlesOf(clusters[c].update_of);
      if (!read.ok()) return std::cerr << read.status().ToString() << "\n", 1;
      if (!read->documents.empty()) already_read[c] = analyzer.Analyze(*read);
      history.Add(clusters[c]);
    }
  }
  if (!subset.empty()) {  // score only these; the others were read above for update_of
    const std::regex pattern(subset);
    size_t kept = 0;
    for (size_t c = 0; c < clusters.size(); ++c) {
      if (!std::regex_search(clusters[c].id, pattern)) continue;
      clusters[kept] = std::move(clusters[c]);
      analyzed[kept] = std::move(analyzed[c]);
      already_read[kept++] = std::move(already_read[c]);
    }
    clusters.resize(kept);
    analyzed.resize(kept);
    already_read.resize(kept);
  }

  const std::vector<Point> points = GridPoints(axes);
  SummaryOptions summary_options;
  summary_options.budget = preset->budget;
  // scores[p][c] = {R-1, R-2, SU4} recall of point p on cluster c.
  std::vector<std::vector<std::array<double, 3>>> scores(points.size());
  const std::vector<std::string>& metrics = (*scorer)->metrics();
  const auto index_of = [&](const std::string& m) {
    return static_cast<size_t>(std::find(metrics.begin(), metrics.end(), m) - metrics.begin());
  };
  const size_t r1 = index_of("ROUGE-1"), r2 = index_of("ROUGE-2"), su4 = index_of("ROUGE-SU4");
  for (size_t p = 0; p < points.size(); ++p) {
    const ConceptSummarizer summarizer(points[p].options);
    std::array<double, 3> mean{0, 0, 0};
    double words = 0, seconds = 0, slowest = 0;
    std::map<std::string, int> solvers;  // how each cluster's program was solved
    uint64_t most_search_nodes = 0, most_glpk_nodes = 0, most_search_work = 0;
    for (size_t c = 0; c < clusters.size(); ++c) {
      const double start = ThreadCpuSeconds();
      CoverageSolution selection;
      selection.solver = "none";
      summary_options.query = no_query ? "" : clusters[c].query;
      summary_options.already_read = already_read[c] ? &*already_read[c] : nullptr;
      Result<Summary> summary = summarizer.Summarize(analyzed[c], summary_options, &selection);
      ++solvers[selection.solver];
      most_search_nodes = std::max(most_search_nodes, selection.search_nodes);
      if (selection.solver == "search")
        most_search_work = std::max(most_search_work, selection.search_work);
      most_glpk_nodes = std::max(most_glpk_nodes, selection.glpk_nodes);
      const double took = ThreadCpuSeconds() - start;
      seconds += took;
      slowest = std::max(slowest, took);
      if (!summary.ok()) return std::cerr << summary.status().ToString() << "\n", 1;
      Result<std::vector<RougeScore>> s =
          (*scorer)->ScoreSummary(SummaryText(*summary), clusters[c].references);
      if (!s.ok()) return std::cerr << s.status().ToString() << "\n", 1;
      for (const SummarySentence& sentence : summary->sentences) words += CountWords(sentence.text);
      scores[p].push_back({(*s)[r1].recall, (*s)[r2].recall, (*s)[su4].recall});
      for (int m = 0; m < 3; ++m) mean[m] += scores[p].back()[m] / clusters.size();
    }
    fmt::print(
        "{:<60} R-1 {:.5f} R-2 {:.5f} SU4 {:.5f} words {:.1f} CPU ms/cluster {:.1f} (max {:.0f})\n",
        points[p].label, mean[0], mean[1], mean[2], words / clusters.size(),
        1000 * seconds / clusters.size(), 1000 * slowest);
    std::string outcomes;
    for (const auto& [solver, n] : solvers) outcomes += fmt::format(" {} {}", solver, n);
    fmt::print(
        "  solved by:{}; most search nodes {}, most GLPK nodes {}, most work of a finished search "
        "{}\n",
        outcomes, most_search_nodes, most_glpk_nodes, most_search_work);
  }

  // Cross-validation of the selection: best point on k-1 folds, scored on the rest.
  std::array<double, 3> held_out{0, 0, 0};
  for (int f = 0; f < folds; ++f) {
    size_t best = 0;
    double best_train = -1;
    for (size_t p = 0; p < points.size(); ++p) {
      double train = 0;
      for (size_t c = 0; c < clusters.size(); ++c) {
        if (static_cast<int>(c % folds) != f)
          train += scores[p][c][0] + scores[p][c][1] + scores[p][c][2];
      }
      if (train > best_train + 1e-12) best_train = train, best = p;
    }
    std::array<double, 3> test{0, 0, 0};
    size_t n = 0;
    for (size_t c = 0; c < clusters.size(); ++c) {
      if (static_cast<int>(c % folds) != f) continue;
      ++n;
      for (int m = 0; m < 3; ++m) test[m] += scores[best][c][m], held_out[m] += scores[best][c][m];
    }
    fmt::print("fold {}: chose [{}], held-out R-1 {:.5f} R-2 {:.5f} SU4 {:.5f}\n", f,
               points[best].label, test[0] / n, test[1] / n, test[2] / n);
  }
  size_t best = 0;
  double best_all = -1;
  for (size_t p = 0; p < points.size(); ++p) {
    double all = 0;
    for (const auto& s : scores[p]) all += s[0] + s[1] + s[2];
    if (all > best_all + 1e-12) best_all = all, best = p;
  }
  fmt::print("chosen on all clusters: [{}]\n", points[best].label);
  fmt::print("cross-validated (held-out clusters, plain means): R-1 {:.5f} R-2 {:.5f} SU4 {:.5f}\n",
             held_out[0] / clusters.size(), held_out[1] / clusters.size(),
             held_out[2] / clusters.size());
  return 0;
}

}  // namespace
}  // namespace chorus

int main(int argc, char** argv) { return chorus::Run(argc, argv); }
