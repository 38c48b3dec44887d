#include <string>
#include <vector>

#include "bindings.h"
#include "chorus/article_json.h"
#include "chorus/diagnostics.h"
#include "chorus/event_model.h"

namespace chorus::python {
namespace {

// The exception types, created once by RegisterErrors (the module owns them).
PyObject* not_found_error = nullptr;
PyObject* chorus_error = nullptr;
struct ChorusErrorTag {};
struct NotFoundErrorTag {};

// The articles as the JSON text of a list, for the library's one article
// reader (chorus/article_json.h): Python dicts follow the rules of JSON Lines
// input and the HTTP API. NaN (pandas' empty cell) becomes null, i.e. absent.
py::object JsonReady(const py::iterable& articles) {
  static py::object* ready = new py::object(  // lives as long as the process
      py::module_::import("chorus._api").attr("_json_ready"));
  return (*ready)(articles);
}

std::string Dumps(const py::handle& value) {
  static py::object* dumps = new py::object(py::module_::import("json").attr("dumps"));
  return py::str((*dumps)(value, py::arg("ensure_ascii") = false));
}

std::string ArticlesJson(const py::iterable& articles) { return Dumps(JsonReady(articles)); }

// Each article as its own JSON object text.
std::vector<std::string> ArticlesJsonEach(const py::iterable& articles) {
  std::vector<std::string> out;
  for (py::handle a : JsonReady(articles)) out.push_back(Dumps(a));
  return out;
}

}  // namespace

void Raise(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      throw py::value_error(status.message());
    case StatusCode::kNotFound:
      PyErr_SetString(not_found_error, status.message().c_str());
      throw py::error_already_set();
    default:
      PyErr_SetString(chorus_error, status.ToString().c_str());
      throw py::error_already_set();
  }
}

std::vector<Document> ToDocuments(const py::iterable& articles, bool stream) {
  const py::list list(articles);
  for (size_t i = 0; i < list.size(); ++i) {
    if (!py::isinstance<py::dict>(list[i])) {
      throw py::type_error("article " + std::to_string(i + 1) + " is a " +
                           std::string(py::str(py::type::of(list[i]).attr("__name__"))) +
                           ", not a dict");
    }
    if (stream) {
      const auto d = py::reinterpret_borrow<py::dict>(list[i]);
      if (!d.contains("id") || d["id"].is_none() || py::str(d["id"]).cast<std::string>().empty()) {
        throw py::value_error("article " + std::to_string(i + 1) +
                              " has no \"id\" (a stream needs ids to store each article once)");
      }
    }
  }
  Result<std::vector<Document>> docs = InternalError("not read");
  if (!stream) {
    const std::string json = ArticlesJson(list);
    py::gil_scoped_release release;
    docs = ArticlesFromJson(json);
  } else {
    // One object at a time, as JSON Lines articles are read: a repeated id
    // is the stream's to skip, not an error of the list.
    const std::vector<std::string> objects = ArticlesJsonEach(list);
    py::gil_scoped_release release;
    std::vector<Document> out;
    Status status;
    for (size_t i = 0; i < objects.size() && status.ok(); ++i) {
      Result<Document> doc = ArticleFromJson(objects[i], std::to_string(i + 1));
      if (doc.ok()) {
        out.push_back(std::move(*doc));
      } else {
        status =
            Status(doc.status().code(), "[" + std::to_string(i) + "]." + doc.status().message());
      }
    }
    if (status.ok()) {
      docs = std::move(out);
    } else {
      docs = status;
    }
  }
  if (!docs.ok()) Raise(docs.status());
  return std::move(*docs);
}

Cluster ToCluster(const std::string& id, const py::iterable& articles) {
  Cluster cluster;
  cluster.id = id;
  cluster.documents = ToDocuments(articles);
  return cluster;
}

Cluster ClusterFromDict(const py::handle& item, size_t index) {
  if (!py::isinstance<py::dict>(item)) {
    throw py::type_error("cluster " + std::to_string(index + 1) + " is not a dict");
  }
  const auto d = py::reinterpret_borrow<py::dict>(item);
  if (!d.contains("documents")) {
    throw py::value_error("cluster " + std::to_string(index + 1) + " has no \"documents\"");
  }
  Cluster c = ToCluster(
      d.contains("id") ? std::string(py::str(d["id"])) : std::to_string(index + 1), d["documents"]);
  if (d.contains("references") && !d["references"].is_none()) {
    for (py::handle r : d["references"]) c.references.push_back(py::str(r));
  }
  return c;
}

py::object LoadJson(const std::string& text) {
  static py::object* loads = new py::object(
      py::module_::import("json").attr("loads"));  // never freed: lives as long as the module
  return (*loads)(py::str(text));
}

void ReportDiagnostics(const Diagnostics& diagnostics, bool strict) {
  py::object warn = py::module_::import("warnings").attr("warn");
  for (const Diagnostic& d : diagnostics.all()) {
    if (strict && d.severity == Diagnostic::Severity::kError) Raise(ParseError(d.ToString()));
    warn(d.ToString());
  }
}

ClustererOptions ToClustererOptions(const std::string& model, std::optional<double> threshold,
                                    double window_days) {
  ClustererOptions options;
  if (!(window_days >= 0)) {
    throw py::value_error("window_days must be 0 or more, not " + std::to_string(window_days));
  }
  options.window_days = window_days;
  if (Status rule = SelectSimilarityRule(model, threshold, &options); !rule.ok()) Raise(rule);
  return options;
}

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ",";
    out += items[i];
  }
  return out + "]";
}

void RegisterErrors(py::module_& m) {
  static py::exception<ChorusErrorTag> chorus(m, "ChorusError", PyExc_RuntimeError);
  static py::exception<NotFoundErrorTag> not_found(m, "NotFoundError", PyExc_LookupError);
  chorus_error = chorus.ptr();
  not_found_error = not_found.ptr();
  chorus.attr("__doc__") = "A chorus library error; the message says what failed and why.";
  not_found.attr("__doc__") = "A store, event, file or id that does not exist.";
}

}  // namespace chorus::python
