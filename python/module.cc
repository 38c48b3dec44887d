// chorus._chorus: the pybind11 face of the library. Thin by design: each
// function converts Python arguments into the library's structs, releases the
// GIL for the work, and returns the JSON the CLI prints (the Python layer
// parses it), so the three faces cannot drift apart.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "chorus/analyzer.h"
#include "chorus/article_json.h"
#include "chorus/compare.h"
#include "chorus/rouge.h"
#include "chorus/summarizer.h"
#include "chorus/summary_json.h"

namespace py = pybind11;

namespace {

// Library errors become Python exceptions here, at the edge, and only here.
[[noreturn]] void Raise(const chorus::Status& status) {
  if (status.code() == chorus::StatusCode::kInvalidArgument) {
    throw py::value_error(status.message());
  }
  throw std::runtime_error(status.ToString());
}

// The articles arrive as the JSON text of a list (the Python layer dumps
// them): read by the one article JSON reader every face uses.
chorus::Cluster ToCluster(const std::string& id, const std::string& articles_json) {
  chorus::Result<std::vector<chorus::Document>> docs = chorus::ArticlesFromJson(articles_json);
  if (!docs.ok()) Raise(docs.status());
  chorus::Cluster cluster;
  cluster.id = id;
  cluster.documents = std::move(*docs);
  return cluster;
}

std::string Summarize(const std::string& articles, const std::string& method,
                      const std::string& unit, uint32_t amount, const std::string& query,
                      const std::string& id) {
  chorus::SummaryOptions options;
  if (unit == "words") {
    options.budget.unit = chorus::BudgetUnit::kWords;
  } else if (unit == "bytes") {
    options.budget.unit = chorus::BudgetUnit::kBytes;
  } else if (unit == "sentences") {
    options.budget.unit = chorus::BudgetUnit::kSentences;
  } else {
    throw py::value_error("budget unit must be words, bytes or sentences, not " + unit);
  }
  options.budget.amount = amount;
  options.query = query;
  chorus::Cluster cluster = ToCluster(id, articles);
  auto summarizer = chorus::MakeSummarizer(method);
  if (!summarizer.ok()) Raise(summarizer.status());
  std::string json;
  chorus::Status status;
  {
    py::gil_scoped_release release;
    const chorus::ClusterAnalyzer analyzer;
    const chorus::AnalyzedCluster analyzed = analyzer.Analyze(cluster);
    auto summary = (*summarizer)->Summarize(analyzed, options);
    if (summary.ok()) {
      json = chorus::SummaryToJson(*summary, analyzed);
    } else {
      status = summary.status();
    }
  }
  if (!status.ok()) Raise(status);
  return json;
}

std::string Compare(const std::string& articles, const std::string& id) {
  chorus::Cluster cluster = ToCluster(id, articles);
  py::gil_scoped_release release;
  const chorus::ClusterAnalyzer analyzer;
  const chorus::Comparer comparer;
  return chorus::ComparisonToJson(comparer.Compare(analyzer.Analyze(cluster)));
}

std::vector<std::tuple<std::string, int, std::string>> Sentences(const std::string& articles) {
  chorus::Cluster cluster = ToCluster("", articles);
  std::vector<std::tuple<std::string, int, std::string>> out;
  py::gil_scoped_release release;
  const chorus::ClusterAnalyzer analyzer;
  const chorus::AnalyzedCluster analyzed = analyzer.Analyze(cluster);
  for (const auto& s : analyzed.sentences) {
    out.emplace_back(analyzed.documents[s.sentence.doc].id, static_cast<int>(s.sentence.index),
                     s.sentence.text);
  }
  return out;
}

py::dict Rouge(const std::string& peer, const std::vector<std::string>& models,
               const std::string& flags) {
  auto options = chorus::ParseRougeFlags(flags);
  if (!options.ok()) Raise(options.status());
  auto scorer = chorus::RougeScorer::Create(*options);
  if (!scorer.ok()) Raise(scorer.status());
  chorus::Result<std::vector<chorus::RougeScore>> scores = chorus::InternalError("not run");
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

}  // namespace

PYBIND11_MODULE(_chorus, m) {
  m.doc() = "chorus: multi-source news summaries with citations (native module)";
  m.def("summarize", &Summarize, py::arg("articles_json"), py::arg("method"), py::arg("unit"),
        py::arg("amount"), py::arg("query"), py::arg("id"),
        "Summary of one cluster of articles, as the JSON `chorus summarize --format json` prints.");
  m.def("compare", &Compare, py::arg("articles_json"), py::arg("id"),
        "Entities, facts with their sources, discrepancies and framing, as the JSON "
        "`chorus compare --format json` prints.");
  m.def("sentences", &Sentences, py::arg("articles_json"),
        "Cleaned, split sentences: (doc id, index in doc, text) tuples.");
  m.def("rouge", &Rouge, py::arg("peer"), py::arg("models"), py::arg("flags"),
        "ROUGE-1.5.5 scores of one peer against models (one sentence a line each).");
  m.def("methods", &chorus::SummarizerMethods, "Summarization methods, default first.");
}
