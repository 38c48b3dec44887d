// Event clustering from Python: EventStream (a store, as `chorus cluster`),
// Clusterer (in memory), reading stores, and clustering scores. Partitioned
// clustering for chorus.dask is in partition_bindings.cc.
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings.h"
#include "chorus/cluster_metrics.h"
#include "chorus/event_json.h"
#include "chorus/event_model.h"
#include "chorus/event_stream.h"
#include "chorus/store.h"

namespace chorus::python {
namespace {

// Python's EventStream: chorus::EventStream plus reads of its store.
class PyEventStream {
 public:
  PyEventStream(const std::string& path, const std::string& model, std::optional<double> threshold,
                double window_days, uint32_t batch_size) {
    EventStreamOptions options;
    options.clusterer = ToClustererOptions(model, threshold, window_days);
    if (batch_size == 0) throw py::value_error("batch_size must be at least 1");
    options.batch_size = batch_size;
    Result<std::unique_ptr<EventStream>> stream = InternalError("not opened");
    {
      py::gil_scoped_release release;
      stream = EventStream::Open(path, options);
    }
    if (!stream.ok()) Raise(stream.status());
    stream_ = std::move(*stream);
  }

  // Assigns and commits `articles`; the committed assignments as JSON.
  std::string Add(const py::iterable& articles) {
    std::vector<Document> docs = ToDocuments(articles, /*stream=*/true);
    std::vector<std::string> lines;
    Status status;
    {
      py::gil_scoped_release release;
      auto sink = [&](const StreamAssignment& a) { lines.push_back(AssignmentToJson(a)); };
      for (size_t i = 0; i < docs.size() && status.ok(); ++i) {
        status = Stream().Add(std::move(docs[i]), sink);
        if (status.code() == StatusCode::kInvalidArgument) {
          status =
              InvalidArgumentError("article " + std::to_string(i + 1) + ": " + status.message());
        }
      }
      // What was assigned before an error is committed too: no lost work.
      Status flushed = Stream().Flush(sink);
      if (status.ok()) status = flushed;
    }
    if (!status.ok()) Raise(status);
    return JsonArray(lines);
  }

  std::string Events(int64_t after, uint32_t limit) const {
    Result<std::vector<EventInfo>> events = InternalError("not read");
    {
      py::gil_scoped_release release;
      events = Stream().store().ListEvents({after, limit});
    }
    if (!events.ok()) Raise(events.status());
    return EventsToJson(*events);
  }

  Cluster Load(int64_t event, bool include_duplicates) const {
    Result<Cluster> cluster = InternalError("not read");
    {
      py::gil_scoped_release release;
      cluster = Stream().store().LoadEvent(event, include_duplicates);
    }
    if (!cluster.ok()) Raise(cluster.status());
    return std::move(*cluster);
  }

  uint64_t Articles() const { return Stream().clusterer().ArticleCount(); }
  int64_t EventCount() const { return Stream().clusterer().EventCount(); }
  uint64_t Skipped() const { return Stream().skipped(); }
  std::string Path() const { return Stream().store().path(); }
  void Close() { stream_.reset(); }

 private:
  EventStream& Stream() const {
    if (!stream_) throw py::value_error("the EventStream is closed");
    return *stream_;
  }
  std::unique_ptr<EventStream> stream_;
};

// Python's Clusterer: an EventClusterer without a store. add() returns
// (events, new_event, duplicate_of, merged_into) lists: events as they stand
// after the call (merges followed), duplicate_of the arrival index of the
// copied article or -1, merged_into the event the article's event was merged
// into right after it joined (as `chorus cluster` reports it) or 0.
class PyClusterer {
 public:
  PyClusterer(const std::string& model, std::optional<double> threshold, double window_days)
      : clusterer_(ToClustererOptions(model, threshold, window_days)) {}

  py::tuple Add(const py::iterable& articles) {
    const std::vector<Document> docs = ToDocuments(articles);
    std::vector<int64_t> events;
    std::vector<bool> opened;
    std::vector<int64_t> copies;
    std::vector<int64_t> merged;
    {
      py::gil_scoped_release release;
      for (const Document& d : docs) {
        const ArticleAssignment a = clusterer_.Add(d);
        events.push_back(a.event);
        opened.push_back(a.new_event);
        copies.push_back(a.duplicate_of ? static_cast<int64_t>(*a.duplicate_of) : -1);
        merged.push_back(a.merged_into.value_or(0));
      }
      for (int64_t& e : events) e = clusterer_.CurrentEvent(e);
    }
    return py::make_tuple(events, opened, copies, merged);
  }

  // Live events: those not merged into another.
  std::string Events() const {
    std::vector<EventInfo> events;
    for (int64_t id = 1; id <= clusterer_.EventCount(); ++id) {
      EventInfo info = clusterer_.Describe(id);
      if (info.merged_into == 0) events.push_back(std::move(info));
    }
    return EventsToJson(events);
  }

  int64_t CurrentEvent(int64_t id) const { return clusterer_.CurrentEvent(id); }

  std::string Describe(const std::vector<int64_t>& ids) const {
    std::vector<EventInfo> events;
    for (int64_t id : ids) {
      if (id < 1 || id > clusterer_.EventCount()) {
        throw py::value_error("no event " + std::to_string(id) + " (events are 1.." +
                              std::to_string(clusterer_.EventCount()) + ")");
      }
      events.push_back(clusterer_.Describe(id));
    }
    return EventsToJson(events);
  }

  uint64_t Articles() const { return clusterer_.ArticleCount(); }
  int64_t EventCount() const { return clusterer_.EventCount(); }

 private:
  EventClusterer clusterer_;
};

std::unique_ptr<EventStore> OpenReadOnly(const std::string& path) {
  StoreOptions options;
  options.read_only = true;
  auto store = EventStore::Open(path, options);
  if (!store.ok()) Raise(store.status());
  return std::move(*store);
}

py::dict ScoreClusteringDict(const std::vector<int64_t>& gold,
                             const std::vector<int64_t>& predicted) {
  if (gold.size() != predicted.size()) {
    throw py::value_error("gold has " + std::to_string(gold.size()) + " labels, predicted " +
                          std::to_string(predicted.size()));
  }
  ClusteringScores s;
  {
    py::gil_scoped_release release;
    s = ScoreClustering(gold, predicted);
  }
  py::dict out;
  out["bcubed_precision"] = s.bcubed_precision;
  out["bcubed_recall"] = s.bcubed_recall;
  out["bcubed_f1"] = s.bcubed_f1;
  out["adjusted_rand"] = s.adjusted_rand;
  out["items"] = s.items;
  out["gold_clusters"] = s.gold_clusters;
  out["predicted_clusters"] = s.predicted_clusters;
  return out;
}

}  // namespace

void RegisterStream(py::module_& m) {
  py::class_<PyEventStream>(m, "EventStream",
                            "Online event clustering into a SQLite store (`chorus cluster`).")
      .def(py::init<const std::string&, const std::string&, std::optional<double>, double,
                    uint32_t>(),
           py::arg("path"), py::arg("model"), py::arg("threshold"), py::arg("window_days"),
           py::arg("batch_size"))
      .def("add", &PyEventStream::Add, py::arg("articles"),
           "Assigns and commits articles; their assignments as the JSON array "
           "`chorus cluster --format jsonl` prints line by line.")
      .def("events", &PyEventStream::Events, py::arg("after"), py::arg("limit"),
           "Events as `chorus events --format json` prints them.")
      .def(
          "event",
          [](const PyEventStream& s, int64_t event, bool include_duplicates) {
            return ClusterToDict(s.Load(event, include_duplicates));
          },
          py::arg("event"), py::arg("include_duplicates"))
      .def(
          "summarize",
          [](const PyEventStream& s, int64_t event, const std::string& method,
             const std::string& unit, uint32_t amount, const std::string& query,
             const std::string& since) {
            return SummarizeJson(s.Load(event, false), method,
                                 ToSummaryOptions(unit, amount, query), since);
          },
          py::arg("event"), py::arg("method"), py::arg("unit"), py::arg("amount"), py::arg("query"),
          py::arg("since") = "")
      .def(
          "compare",
          [](const PyEventStream& s, int64_t event) { return CompareJson(s.Load(event, false)); },
          py::arg("event"))
      .def_property_readonly("articles", &PyEventStream::Articles)
      .def_property_readonly("event_count", &PyEventStream::EventCount)
      .def_property_readonly("skipped", &PyEventStream::Skipped)
      .def_property_readonly("path", &PyEventStream::Path)
      .def("close", &PyEventStream::Close);

  py::class_<PyClusterer>(m, "Clusterer", "Online event clustering in memory.")
      .def(py::init<const std::string&, std::optional<double>, double>(), py::arg("model"),
           py::arg("threshold"), py::arg("window_days"))
      .def("add", &PyClusterer::Add, py::arg("articles"))
      .def("describe", &PyClusterer::Describe, py::arg("events"))
      .def("events", &PyClusterer::Events)
      .def("current_event", &PyClusterer::CurrentEvent, py::arg("event"))
      .def_property_readonly("articles", &PyClusterer::Articles)
      .def_property_readonly("event_count", &PyClusterer::EventCount);

  m.def(
      "store_events",
      [](const std::string& path, int64_t after, uint32_t limit) {
        auto store = OpenReadOnly(path);
        auto events = store->ListEvents({after, limit});
        if (!events.ok()) Raise(events.status());
        return EventsToJson(*events);
      },
      py::arg("path"), py::arg("after"), py::arg("limit"));
  m.def(
      "store_event",
      [](const std::string& path, int64_t event, bool include_duplicates) {
        auto cluster = OpenReadOnly(path)->LoadEvent(event, include_duplicates);
        if (!cluster.ok()) Raise(cluster.status());
        return ClusterToDict(*cluster);
      },
      py::arg("path"), py::arg("event"), py::arg("include_duplicates"));
  m.def("score_clustering", &ScoreClusteringDict, py::arg("gold"), py::arg("predicted"));
}

}  // namespace chorus::python
