// What the pybind11 files of chorus._chorus share: turning Python article
// dicts into the library's Documents, and library errors into Python
// exceptions (at the edge, and only here).
//
// Exceptions: kInvalidArgument -> ValueError; kNotFound -> chorus.NotFoundError
// (a LookupError); every other code -> chorus.ChorusError (a RuntimeError).
// Each carries the library's message.
#ifndef CHORUS_PYTHON_BINDINGS_H_
#define CHORUS_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <vector>

#include "chorus/clusterer.h"
#include "chorus/diagnostics.h"
#include "chorus/document.h"
#include "chorus/status.h"
#include "chorus/summarizer.h"

namespace chorus::python {

namespace py = pybind11;

// Raises the Python exception for a failed `status` (which must not be ok).
[[noreturn]] void Raise(const Status& status);

// Article dicts ({"text" | "html" | "file", "id"?, "title"?, "date"?,
// "source"?, "url"?}) as Documents, read by the library's one article reader
// (chorus/article_json.h: the rules of JSON Lines input and the HTTP API; a
// missing id is the position from 1; ids unique in the list). With `stream`
// each article is read alone, as a JSON Lines article line (a repeated id is
// the stream's to skip), and one without id is a ValueError (a stream stores
// each article once, by id). TypeError for an item that is not a dict.
std::vector<Document> ToDocuments(const py::iterable& articles, bool stream = false);
Cluster ToCluster(const std::string& id, const py::iterable& articles);
// A cluster dict: {"id"?, "documents": [article...], "references"?: [str...]}.
Cluster ClusterFromDict(const py::handle& cluster, size_t index);

// A budget of `amount` `unit`s ("words", "bytes" or "sentences"; else
// ValueError) and a query.
SummaryOptions ToSummaryOptions(const std::string& unit, uint32_t amount, const std::string& query);
// `chorus summarize --format json` / `chorus compare --format json` of one
// cluster, computed without the GIL; with `since` (YYYY-MM-DD), of its
// articles dated since then, for a reader of the earlier ones.
std::string SummarizeJson(const Cluster& cluster, const std::string& method,
                          const SummaryOptions& options, const std::string& since = "");
std::string CompareJson(const Cluster& cluster);

// {"id", "documents": [{"id", "source", "date", "title", "url", "text"}],
// "references"? } as `chorus summarize` reads a cluster line.
py::dict ClusterToDict(const Cluster& cluster);

// Input problems a read went past become Python warnings; with `strict` the
// first error is raised (chorus.ChorusError) instead.
void ReportDiagnostics(const Diagnostics& diagnostics, bool strict);

// A parsed JSON value (json.loads of `text`): the library renders JSON once
// and every face shows the same bytes, so Python parses the CLI's JSON.
py::object LoadJson(const std::string& text);

// The clusterer's options from Python's arguments: `model` and `threshold`
// as `chorus cluster --model/--threshold` take them (SelectSimilarityRule);
// ValueError for a negative `window_days` or an unknown model.
ClustererOptions ToClustererOptions(const std::string& model, std::optional<double> threshold,
                                    double window_days);

// A JSON array of already rendered JSON `items`.
std::string JsonArray(const std::vector<std::string>& items);

void RegisterErrors(py::module_& m);
void RegisterSummary(py::module_& m);
void RegisterStream(py::module_& m);
void RegisterPartitioned(py::module_& m);
void RegisterFeaturized(py::module_& m);
void RegisterIngest(py::module_& m);

}  // namespace chorus::python

#endif  // CHORUS_PYTHON_BINDINGS_H_
