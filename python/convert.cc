#include <cmath>
#include <string>
#include <vector>

#include "bindings.h"

namespace chorus::python {
namespace {

// The exception types, created once by RegisterErrors (the module owns them).
PyObject* not_found_error = nullptr;
PyObject* chorus_error = nullptr;
struct ChorusErrorTag {};
struct NotFoundErrorTag {};

std::string Field(const py::dict& d, const char* key) {
  if (!d.contains(key)) return "";
  py::handle v = d[key];
  // None, and the NaN pandas puts in an empty cell, mean "not given".
  if (v.is_none()) return "";
  if (py::isinstance<py::float_>(v) && std::isnan(v.cast<double>())) return "";
  return py::str(v);
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

Document ToDocument(const py::handle& article, size_t index, bool number_missing_ids) {
  if (!py::isinstance<py::dict>(article)) {
    throw py::type_error("article " + std::to_string(index + 1) + " is a " +
                         std::string(py::str(py::type::of(article).attr("__name__"))) +
                         ", not a dict with \"text\"");
  }
  const auto d = py::reinterpret_borrow<py::dict>(article);
  if (!d.contains("text") || d["text"].is_none()) {
    throw py::value_error("article " + std::to_string(index + 1) + " has no \"text\"");
  }
  Document doc;
  doc.id = Field(d, "id");
  if (doc.id.empty() && number_missing_ids) doc.id = std::to_string(index + 1);
  doc.text = Field(d, "text");
  doc.title = Field(d, "title");
  doc.date = Field(d, "date");
  doc.source = Field(d, "source");
  doc.url = Field(d, "url");
  return doc;
}

std::vector<Document> ToDocuments(const py::iterable& articles, bool number_missing_ids) {
  std::vector<Document> out;
  for (py::handle a : articles) out.push_back(ToDocument(a, out.size(), number_missing_ids));
  return out;
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
  Cluster c = ToCluster(d.contains("id") ? std::string(py::str(d["id"])) : std::to_string(index + 1),
                        d["documents"]);
  if (d.contains("references") && !d["references"].is_none()) {
    for (py::handle r : d["references"]) c.references.push_back(py::str(r));
  }
  return c;
}

py::object LoadJson(const std::string& text) {
  static py::object* loads =
      new py::object(py::module_::import("json").attr("loads"));  // never freed: lives as long as the module
  return (*loads)(py::str(text));
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
