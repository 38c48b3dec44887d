// Reading articles and clusters from disk with the library's ingest (the
// files the CLI reads), as dicts.
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.h"
#include "chorus/diagnostics.h"
#include "chorus/ingest.h"

namespace chorus::python {
namespace {

py::dict ArticleDict(const Document& d) {
  py::dict a;
  a["id"] = d.id;
  a["source"] = d.source;
  a["date"] = d.date;
  a["title"] = d.title;
  a["url"] = d.url;
  a["text"] = d.text;
  return a;
}

// Input problems the read went past become Python warnings; under `strict`
// the first one is raised.
void Report(const Diagnostics& diagnostics, const Status& status, bool strict) {
  py::object warn = py::module_::import("warnings").attr("warn");
  for (const Diagnostic& d : diagnostics.all()) {
    if (strict && d.severity == Diagnostic::Severity::kError) Raise(ParseError(d.ToString()));
    warn(d.ToString());
  }
  if (!status.ok()) Raise(status);
}

py::list ReadArticleDicts(const std::vector<std::string>& inputs, bool strict) {
  std::vector<Document> docs;
  Diagnostics diagnostics;
  IngestOptions options;
  options.strict = strict;
  Status status;
  {
    py::gil_scoped_release release;
    status = ReadArticles(inputs, options, &diagnostics, [&](Document&& d) {
      docs.push_back(std::move(d));
      return Status::Ok();
    });
  }
  Report(diagnostics, status, strict);
  py::list out;
  for (const Document& d : docs) out.append(ArticleDict(d));
  return out;
}

py::list ReadClusterDicts(const std::vector<std::string>& inputs, bool strict) {
  std::vector<Cluster> clusters;
  Diagnostics diagnostics;
  IngestOptions options;
  options.strict = strict;
  Status status;
  {
    py::gil_scoped_release release;
    status = ReadClusters(inputs, options, &diagnostics, [&](Cluster&& c) {
      clusters.push_back(std::move(c));
      return Status::Ok();
    });
  }
  Report(diagnostics, status, strict);
  py::list out;
  for (const Cluster& c : clusters) out.append(ClusterToDict(c));
  return out;
}

}  // namespace

py::dict ClusterToDict(const Cluster& cluster) {
  py::list documents;
  for (const Document& d : cluster.documents) documents.append(ArticleDict(d));
  py::dict out;
  out["id"] = cluster.id;
  out["documents"] = documents;
  if (!cluster.references.empty()) out["references"] = cluster.references;
  return out;
}

void RegisterIngest(py::module_& m) {
  m.def("read_articles", &ReadArticleDicts, py::arg("inputs"), py::arg("strict"),
        "Articles of `inputs` (what `chorus cluster` reads), in input order.");
  m.def("read_clusters", &ReadClusterDicts, py::arg("inputs"), py::arg("strict"),
        "Clusters of `inputs` (what `chorus summarize` reads).");
}

}  // namespace chorus::python
