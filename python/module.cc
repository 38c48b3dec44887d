// chorus._chorus: the pybind11 face of the library. Thin by design: each
// function converts Python arguments into the library's structs, releases the
// GIL for the work, and returns the JSON the CLI prints (the Python layer
// parses it), so the faces cannot drift apart. The functions live beside
// their concern: summary_bindings.cc, stream_bindings.cc,
// partition_bindings.cc, featurized_bindings.cc, ingest_bindings.cc.
#include "bindings.h"

#ifndef CHORUS_VERSION
#error "CHORUS_VERSION must be defined by the build (python/CMakeLists.txt)"
#endif

PYBIND11_MODULE(_chorus, m) {
  m.doc() = "chorus: multi-source news summaries with citations (native module)";
  m.attr("__version__") = CHORUS_VERSION;
  chorus::python::RegisterErrors(m);
  chorus::python::RegisterSummary(m);
  chorus::python::RegisterStream(m);
  chorus::python::RegisterPartitioned(m);
  chorus::python::RegisterFeaturized(m);
  chorus::python::RegisterIngest(m);
}
