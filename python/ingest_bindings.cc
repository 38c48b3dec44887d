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

// Reads `inputs` with `read` (ReadArticles or ReadClusters) into a list of
// `ToDict(item)`.
template <typename Item, typename Reader, typename ToDict>
py::list ReadAll(const Reader& read, const ToDict& to_dict, const std::vector<std::string>& inputs,
                 bool strict) {
  std::vector<Item> items;
  Diagnostics diagnostics;
  IngestOptions options;
  options.strict = strict;
  Status status;
  {
    py::gil_scoped_release release;
    status = read(inputs, options, &diagnostics, [&](Item&& item) {
      items.push_back(std::move(item));
      return Status::Ok();
    });
  }
  ReportDiagnostics(diagnostics, strict);
  if (!status.ok()) Raise(status);
  py::list out;
  for (const Item& item : items) out.append(to_dict(item));
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
  m.def(
      "read_articles",
      [](const std::vector<std::string>& inputs, bool strict) {
        return ReadAll<Document>(ReadArticles, ArticleDict, inputs, strict);
      },
      py::arg("inputs"), py::arg("strict"),
      "Articles of `inputs` (what `chorus cluster` reads), in input order.");
  m.def(
      "read_clusters",
      [](const std::vector<std::string>& inputs, bool strict) {
        return ReadAll<Cluster>(ReadClusters, ClusterToDict, inputs, strict);
      },
      py::arg("inputs"), py::arg("strict"),
      "Clusters of `inputs` (what `chorus summarize` reads).");
}

}  // namespace chorus::python
