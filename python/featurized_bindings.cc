// Exact partitioned clustering for chorus.dask (chorus/featurized_partition.h):
// a partition featurized where it lies, as bytes, and the partitions' bytes
// placed in stream order by one clusterer.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "bindings.h"
#include "chorus/event_json.h"
#include "chorus/featurized_partition.h"

namespace chorus::python {
namespace {

py::bytes FeaturizePartitionBytes(const py::iterable& articles, const std::string& model,
                                  std::optional<double> threshold, double window_days) {
  const std::vector<Document> docs = ToDocuments(articles);
  const ClustererOptions options = ToClustererOptions(model, threshold, window_days);
  std::string bytes;
  {
    py::gil_scoped_release release;
    bytes = EncodeFeaturized(FeaturizePartition(docs, options));
  }
  return py::bytes(bytes);
}

// One clusterer over the partitions, in order: {"events": [[final event of
// each article] by partition] (merges followed), "new_event": [[...]],
// "duplicate_of": [[stream index of the copied article, or None]],
// "event_info": [`chorus events` JSON of events 1..n]}.
py::dict PlaceFeaturizedDict(const std::vector<py::bytes>& partitions, const std::string& model,
                             std::optional<double> threshold, double window_days) {
  const ClustererOptions options = ToClustererOptions(model, threshold, window_days);
  std::vector<std::string_view> views;
  for (const py::bytes& b : partitions) views.emplace_back(b);
  std::vector<std::vector<ArticleAssignment>> placed(views.size());
  std::vector<std::string> events_json;
  Status status;
  {
    py::gil_scoped_release release;
    EventClusterer clusterer(options);
    for (size_t k = 0; k < views.size() && status.ok(); ++k) {
      Result<FeaturizedPartition> part = DecodeFeaturized(views[k]);
      status =
          part.ok() ? PlaceFeaturized(std::move(*part), &clusterer, &placed[k]) : part.status();
    }
    for (auto& assignments : placed) {
      for (ArticleAssignment& a : assignments) a.event = clusterer.CurrentEvent(a.event);
    }
    for (int64_t e = 1; status.ok() && e <= clusterer.EventCount(); ++e) {
      events_json.push_back(EventToJson(clusterer.Describe(e)));
    }
  }
  if (!status.ok()) Raise(status);
  py::list events, new_event, duplicate_of;
  for (const auto& assignments : placed) {
    std::vector<int64_t> e;
    std::vector<bool> n;
    py::list d;
    for (const ArticleAssignment& a : assignments) {
      e.push_back(a.event);
      n.push_back(a.new_event);
      if (a.duplicate_of) {
        d.append(*a.duplicate_of);
      } else {
        d.append(py::none());
      }
    }
    events.append(py::cast(e));
    new_event.append(py::cast(n));
    duplicate_of.append(d);
  }
  py::dict out;
  out["events"] = events;
  out["new_event"] = new_event;
  out["duplicate_of"] = duplicate_of;
  out["event_info"] = LoadJson(JsonArray(events_json));
  return out;
}

}  // namespace

void RegisterFeaturized(py::module_& m) {
  m.def("featurize_partition", &FeaturizePartitionBytes, py::arg("articles"), py::arg("model"),
        py::arg("threshold"), py::arg("window_days"),
        "The articles featurized as the event clusterer would, as bytes for place_featurized.");
  m.def("place_featurized", &PlaceFeaturizedDict, py::arg("partitions"), py::arg("model"),
        py::arg("threshold"), py::arg("window_days"),
        "One clusterer placing featurized partitions (bytes) in stream order: its decisions.");
}

}  // namespace chorus::python
