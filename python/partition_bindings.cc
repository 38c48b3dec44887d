// Partitioned event clustering from Python, for chorus.dask: term counts
// that travel between workers, clustering one partition, stitching the
// partitions' events into global ones, and writing the stitched result into
// a store (StitchedStoreWriter).
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings.h"
#include "chorus/event_json.h"
#include "chorus/partitioned_clustering.h"

namespace chorus::python {
namespace {

// StitchedStoreWriter for chorus.dask: appends a partition's articles with
// their global events and copied article ids (None: not a copy).
class PyStoreWriter {
 public:
  PyStoreWriter(const std::string& path, const std::string& model, std::optional<double> threshold,
                double window_days) {
    auto writer =
        StitchedStoreWriter::Open(path, ToClustererOptions(model, threshold, window_days));
    if (!writer.ok()) Raise(writer.status());
    writer_ = std::move(*writer);
  }

  void Append(const py::iterable& articles, const std::vector<int64_t>& events,
              const std::vector<std::optional<std::string>>& duplicate_of) {
    std::vector<Document> docs = ToDocuments(articles, /*stream=*/true);
    if (docs.size() != events.size() || docs.size() != duplicate_of.size()) {
      throw py::value_error("articles, events and duplicate_of differ in length");
    }
    Status status;
    {
      py::gil_scoped_release release;
      for (size_t i = 0; i < docs.size() && status.ok(); ++i) {
        status = Writer().Append(std::move(docs[i]), events[i], duplicate_of[i]);
      }
    }
    if (!status.ok()) Raise(status);
  }

  void Close() {
    if (!writer_) return;
    Status status;
    {
      py::gil_scoped_release release;
      status = writer_->Flush();
    }
    writer_.reset();
    if (!status.ok()) Raise(status);
  }

  uint64_t Articles() { return Writer().articles(); }

 private:
  StitchedStoreWriter& Writer() {
    if (!writer_) throw py::value_error("the store writer is closed");
    return *writer_;
  }
  std::unique_ptr<StitchedStoreWriter> writer_;
};

template <typename T>
std::vector<T> Slice(const std::vector<T>& v, size_t from) {
  return {v.begin() + static_cast<std::ptrdiff_t>(std::min(from, v.size())), v.end()};
}

// TermCounts as Python sees them: {"terms", "labels", "df", "docs"}, plain
// lists (picklable, so counts travel between Dask workers).
py::dict TermCountsToDict(const TermCounts& counts) {
  py::dict out;
  out["terms"] = counts.terms;
  out["labels"] = counts.labels;
  out["df"] = counts.df;
  out["docs"] = counts.docs;
  return out;
}

TermCounts TermCountsFromDict(const py::dict& d) {
  for (const char* key : {"terms", "labels", "df", "docs"}) {
    if (!d.contains(key)) throw py::value_error(std::string("term counts have no \"") + key + "\"");
  }
  TermCounts counts;
  counts.terms = d["terms"].cast<std::vector<std::string>>();
  counts.labels = d["labels"].cast<std::vector<std::string>>();
  counts.df = d["df"].cast<std::vector<uint32_t>>();
  counts.docs = d["docs"].cast<uint64_t>();
  if (counts.labels.size() != counts.terms.size() || counts.df.size() != counts.terms.size()) {
    throw py::value_error("term counts: \"terms\", \"labels\" and \"df\" differ in length");
  }
  return counts;
}

// CountTerms for chorus.dask: the counts of `articles` before and from `cut`.
py::list CountTermsList(const py::iterable& articles, size_t cut, const std::string& model,
                        std::optional<double> threshold, double window_days) {
  const std::vector<Document> docs = ToDocuments(articles);
  const ClustererOptions options = ToClustererOptions(model, threshold, window_days);
  const std::vector<size_t> ends = {std::min(cut, docs.size()), docs.size()};
  std::vector<TermCounts> runs;
  {
    py::gil_scoped_release release;
    runs = CountTerms(docs, ends, options);
  }
  py::list out;
  for (const TermCounts& run : runs) out.append(TermCountsToDict(run));
  return out;
}

py::dict AddTermCountsDict(const py::dict& sum, const py::dict& later) {
  TermCounts total = TermCountsFromDict(sum);
  const TermCounts next = TermCountsFromDict(later);
  {
    py::gil_scoped_release release;
    AddTermCounts(next, &total);
  }
  return TermCountsToDict(total);
}

// ClusterPartition for chorus.dask: a dict of plain lists (picklable), with
// the local events at the partition's end (the next warm-up) sliced off.
// `seed`: the term counts of the stream before the warm-up, or None.
py::dict ClusterPartitionDict(const py::iterable& warmup, const py::iterable& articles,
                              const std::string& model, std::optional<double> threshold,
                              double window_days, double overlap_days,
                              const std::optional<py::dict>& seed, const py::iterable& runon) {
  const TermCounts counts = seed ? TermCountsFromDict(*seed) : TermCounts();
  const std::vector<Document> before = ToDocuments(warmup);
  const std::vector<Document> own = ToDocuments(articles);
  const std::vector<Document> after = ToDocuments(runon);
  const ClustererOptions options = ToClustererOptions(model, threshold, window_days);
  Result<ClusteredPartition> p = InternalError("not clustered");
  size_t tail = 0;
  std::vector<std::string> events_json;
  {
    py::gil_scoped_release release;
    p = ClusterPartition(counts, before, own, options, after);
    tail = WarmupStart(own, overlap_days);
    if (p.ok()) {
      for (const EventInfo& e : p->event_info) events_json.push_back(EventToJson(e));
    }
  }
  if (!p.ok()) Raise(p.status());
  // Copies are named by the partition-relative index; a warm-up original is
  // negative, so "none" is a separate None, not a sentinel.
  auto originals = [](const std::vector<std::optional<int64_t>>& copies) {
    py::list out;
    for (const auto& d : copies) {
      if (d) {
        out.append(*d);
      } else {
        out.append(py::none());
      }
    }
    return out;
  };
  py::dict out;
  out["warmup_events"] = p->warmup_events;
  out["events"] = p->events;
  out["new_event"] = p->new_event;
  out["duplicate_of"] = originals(p->duplicate_of);
  out["runon_events"] = p->runon_events;
  out["runon_new_event"] = p->runon_new_event;
  out["runon_duplicate_of"] = originals(p->runon_duplicate_of);
  out["tail_events"] = Slice(p->events, tail);
  out["event_info"] = LoadJson(JsonArray(events_json));
  out["events_count"] = p->event_info.size();
  return out;
}

// StitchPartitions: (global events by partition, articles handed over by
// partition). Each dict as chorus.dask's _boundary makes it; "runon_events"
// and "head_events" may be left out (no run-on).
py::tuple Stitch(const std::vector<py::dict>& partitions, size_t handover_window) {
  std::vector<PartitionBoundary> boundaries;
  auto labels = [](const py::dict& p, const char* key) {
    return p.contains(key) ? p[key].cast<std::vector<int64_t>>() : std::vector<int64_t>();
  };
  for (const py::dict& p : partitions) {
    PartitionBoundary b;
    b.warmup_events = labels(p, "warmup_events");
    b.tail_events = labels(p, "tail_events");
    b.runon_events = labels(p, "runon_events");
    b.head_events = labels(p, "head_events");
    b.events = p["events"].cast<int64_t>();
    boundaries.push_back(std::move(b));
  }
  auto stitched = StitchPartitions(boundaries, handover_window);
  if (!stitched.ok()) Raise(stitched.status());
  return py::make_tuple(std::move(stitched->global), std::move(stitched->handed_over));
}

using Links = std::vector<std::optional<int64_t>>;

// AssignStitched: (global events, copied article relative to the partition's
// first, None when not a copy). `previous`: None for partition 0, else a dict
// {"global", "runon_events", "runon_duplicate_of", "events"} of the partition
// before (PreviousPartition).
py::tuple AssignStitchedTuple(const std::vector<int64_t>& events, const Links& duplicate_of,
                              const std::vector<int64_t>& global, size_t handed_over,
                              const std::optional<py::dict>& previous) {
  std::vector<int64_t> previous_global, runon_events, previous_events;
  Links runon_duplicate_of;
  PreviousPartition before;
  if (previous) {
    previous_global = (*previous)["global"].cast<std::vector<int64_t>>();
    runon_events = (*previous)["runon_events"].cast<std::vector<int64_t>>();
    runon_duplicate_of = (*previous)["runon_duplicate_of"].cast<Links>();
    previous_events = (*previous)["events"].cast<std::vector<int64_t>>();
    before = {previous_global, runon_events, runon_duplicate_of, previous_events};
  }
  Result<StitchedArticles> out = InternalError("not assigned");
  {
    py::gil_scoped_release release;
    out = AssignStitched(events, duplicate_of, global, handed_over, previous ? &before : nullptr);
  }
  if (!out.ok()) Raise(out.status());
  return py::make_tuple(std::move(out->events), std::move(out->duplicate_of));
}
}  // namespace

void RegisterPartitioned(py::module_& m) {
  py::class_<PyStoreWriter>(m, "StitchedStoreWriter",
                            "Writes a clustering decided elsewhere into a new chorus store.")
      .def(py::init<const std::string&, const std::string&, std::optional<double>, double>(),
           py::arg("path"), py::arg("model"), py::arg("threshold"), py::arg("window_days"))
      .def("append", &PyStoreWriter::Append, py::arg("articles"), py::arg("events"),
           py::arg("duplicate_of"))
      .def_property_readonly("articles", &PyStoreWriter::Articles)
      .def("close", &PyStoreWriter::Close, "Commits what is pending and closes the store.");

  m.def("cluster_partition", &ClusterPartitionDict, py::arg("warmup"), py::arg("articles"),
        py::arg("model"), py::arg("threshold"), py::arg("window_days"), py::arg("overlap_days"),
        py::arg("seed") = py::none(), py::arg("runon") = py::list());
  m.def("count_terms", &CountTermsList, py::arg("articles"), py::arg("cut"), py::arg("model"),
        py::arg("threshold"), py::arg("window_days"));
  m.def("add_term_counts", &AddTermCountsDict, py::arg("sum"), py::arg("later"));
  m.def(
      "warmup_start",
      [](const py::iterable& articles, double overlap_days) {
        return WarmupStart(ToDocuments(articles), overlap_days);
      },
      py::arg("articles"), py::arg("overlap_days"));
  m.def("stitch", &Stitch, py::arg("partitions"), py::arg("handover_window") = 1000);
  m.def("assign_stitched", &AssignStitchedTuple, py::arg("events"), py::arg("duplicate_of"),
        py::arg("global_events"), py::arg("handed_over"), py::arg("previous"));
}

}  // namespace chorus::python
