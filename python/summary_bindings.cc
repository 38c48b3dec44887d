// summarize, compare, sentences, rouge and eval: each converts its arguments,
// releases the GIL for the work and returns the JSON the CLI prints.
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "bindings.h"
#include "chorus/analyzer.h"
#include "chorus/compare.h"
#include "chorus/diagnostics.h"
#include "chorus/eval.h"
#include "chorus/read_history.h"
#include "chorus/rouge.h"
#include "chorus/summarizer.h"
#include "chorus/summary_json.h"

namespace chorus::python {
namespace {

std::string Compare(const py::iterable& articles, const std::string& id) {
  return CompareJson(ToCluster(id, articles));
}

std::vector<std::tuple<std::string, int, std::string>> Sentences(const py::iterable& articles) {
  const Cluster cluster = ToCluster("", articles);
  std::vector<std::tuple<std::string, int, std::string>> out;
  py::gil_scoped_release release;
  const ClusterAnalyzer analyzer;
  const AnalyzedCluster analyzed = analyzer.Analyze(cluster);
  for (const auto& s : analyzed.sentences) {
    out.emplace_back(analyzed.documents[s.sentence.doc].id, static_cast<int>(s.sentence.index),
                     s.sentence.text);
  }
  return out;
}

py::dict Rouge(const std::string& peer, const std::vector<std::string>& models,
               const std::string& flags) {
  auto options = ParseRougeFlags(flags);
  if (!options.ok()) Raise(options.status());
  auto scorer = RougeScorer::Create(*options);
  if (!scorer.ok()) Raise(scorer.status());
  Result<std::vector<RougeScore>> scores = InternalError("not run");
  {
    py::gil_scoped_release release;
    scores = (*scorer)->ScoreSummary(peer, models);
  }
  if (!scores.ok()) Raise(scores.status());
  py::dict out;
  const auto& names = (*scorer)->metrics();
  for (size_t i = 0; i < names.size(); ++i) {
    py::dict m;
    m["R"] = (*scores)[i].recall;
    m["P"] = (*scores)[i].precision;
    m["F"] = (*scores)[i].f;
    out[py::str(names[i])] = m;
  }
  return out;
}

EvalOptions ToEvalOptions(const std::string& preset, const std::vector<std::string>& methods,
                          const std::string& unit, uint32_t amount, const std::string& peers,
                          uint32_t jobs) {
  EvalOptions options;
  options.preset = preset;
  options.methods = methods;
  if (amount > 0) options.budget = ToSummaryOptions(unit, amount, "").budget;
  options.peers_path = peers;
  options.jobs = std::max<uint32_t>(jobs, 1);
  return options;
}

// Calls the Python `progress(stage, done, total)` with the GIL held; eval
// reports from the calling thread only.
EvalProgressCallback ToProgress(
    const std::optional<std::function<void(std::string, size_t, size_t)>>& fn) {
  if (!fn) return nullptr;
  return [fn](const EvalProgress& p) {
    py::gil_scoped_acquire acquire;
    (*fn)(p.stage, p.done, p.total);
  };
}

std::string ReportJson(const Result<EvalReport>& report) {
  if (!report.ok()) Raise(report.status());
  return FormatEvalReport(*report, EvalFormat::kJson);
}

std::string EvalFile(
    const std::string& path, const std::string& preset, const std::vector<std::string>& methods,
    const std::string& unit, uint32_t amount, const std::string& peers, uint32_t jobs, bool strict,
    const std::optional<std::function<void(std::string, size_t, size_t)>>& progress) {
  const EvalOptions options = ToEvalOptions(preset, methods, unit, amount, peers, jobs);
  Diagnostics diagnostics;
  Result<EvalReport> report = InternalError("not run");
  {
    py::gil_scoped_release release;
    report = RunEvalOnFile(path, options, &diagnostics, ToProgress(progress));
  }
  ReportDiagnostics(diagnostics, strict);
  return ReportJson(report);
}

std::string EvalClusters(
    const py::iterable& clusters, const std::string& preset,
    const std::vector<std::string>& methods, const std::string& unit, uint32_t amount,
    uint32_t jobs,
    const std::optional<std::function<void(std::string, size_t, size_t)>>& progress) {
  std::vector<Cluster> input;
  for (py::handle c : clusters) input.push_back(ClusterFromDict(c, input.size()));
  const EvalOptions options = ToEvalOptions(preset, methods, unit, amount, "", jobs);
  Result<EvalReport> report = InternalError("not run");
  {
    py::gil_scoped_release release;
    report = RunEval(input, {}, options, ToProgress(progress));
  }
  return ReportJson(report);
}

}  // namespace

SummaryOptions ToSummaryOptions(const std::string& unit, uint32_t amount,
                                const std::string& query) {
  SummaryOptions options;
  if (unit == "words") {
    options.budget.unit = BudgetUnit::kWords;
  } else if (unit == "bytes") {
    options.budget.unit = BudgetUnit::kBytes;
  } else if (unit == "sentences") {
    options.budget.unit = BudgetUnit::kSentences;
  } else {
    throw py::value_error("budget unit must be words, bytes or sentences, not " + unit);
  }
  options.budget.amount = amount;
  options.query = query;
  return options;
}

std::string SummarizeJson(const Cluster& cluster, const std::string& method,
                          const SummaryOptions& options, const std::string& since) {
  auto summarizer = MakeSummarizer(method);
  if (!summarizer.ok()) Raise(summarizer.status());
  std::string json;
  Status status;
  {
    py::gil_scoped_release release;
    const ClusterAnalyzer analyzer;
    Result<AnalyzedUpdate> update = AnalyzeSince(analyzer, cluster, since);
    Result<Summary> summary = update.status();
    if (update.ok()) {
      SummaryOptions update_options = options;
      update_options.already_read = update->already_read();
      summary = (*summarizer)->Summarize(update->fresh, update_options);
    }
    if (summary.ok()) {
      json = SummaryToJson(*summary, update->fresh);
    } else {
      status = summary.status();
    }
  }
  if (!status.ok()) Raise(status);
  return json;
}

std::string CompareJson(const Cluster& cluster) {
  py::gil_scoped_release release;
  const ClusterAnalyzer analyzer;
  const Comparer comparer;
  return ComparisonToJson(comparer.Compare(analyzer.Analyze(cluster)));
}

void RegisterSummary(py::module_& m) {
  m.def(
      "summarize",
      [](const py::iterable& articles, const std::string& method, const std::string& unit,
         uint32_t amount, const std::string& query, const std::string& id, bool neutral,
         const std::string& since) {
        SummaryOptions options = ToSummaryOptions(unit, amount, query);
        options.neutral = neutral;
        return SummarizeJson(ToCluster(id, articles), method, options, since);
      },
      py::arg("articles"), py::arg("method"), py::arg("unit"), py::arg("amount"), py::arg("query"),
      py::arg("id"), py::arg("neutral") = false, py::arg("since") = "",
      "Summary of one cluster of articles, as the JSON `chorus summarize --format json` prints.");
  m.def("compare", &Compare, py::arg("articles"), py::arg("id"),
        "Entities, facts with their sources, discrepancies and framing, as the JSON "
        "`chorus compare --format json` prints.");
  m.def("sentences", &Sentences, py::arg("articles"),
        "Cleaned, split sentences: (doc id, index in doc, text) tuples.");
  m.def("rouge", &Rouge, py::arg("peer"), py::arg("models"), py::arg("flags"),
        "ROUGE-1.5.5 scores of one peer against models (one sentence a line each).");
  m.def("methods", &SummarizerMethods, "Summarization methods, default first.");
  m.def("eval_file", &EvalFile, py::arg("path"), py::arg("preset"), py::arg("methods"),
        py::arg("unit"), py::arg("amount"), py::arg("peers"), py::arg("jobs"), py::arg("strict"),
        py::arg("progress"),
        "`chorus eval PATH --format json`: every cluster summarized with each method and scored.");
  m.def("eval_clusters", &EvalClusters, py::arg("clusters"), py::arg("preset"), py::arg("methods"),
        py::arg("unit"), py::arg("amount"), py::arg("jobs"), py::arg("progress"),
        "eval_file over cluster dicts ({\"id\", \"documents\", \"references\"}).");
}

}  // namespace chorus::python
