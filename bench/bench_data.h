// Where the benches read the shared data (../shared/data beside the repo):
// $CHORUS_SHARED_DATA_DIR when set and not empty, else the directory CMake
// was configured with (its CHORUS_SHARED_DATA_DIR, compiled in as
// CHORUS_BENCH_DATA_DIR). A bench whose file is missing says so and skips.
//
//   ReadClusters({chorus::bench::DataPath("duc2004/clusters.jsonl")}, ...);
#ifndef CHORUS_BENCH_BENCH_DATA_H_
#define CHORUS_BENCH_BENCH_DATA_H_

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace chorus::bench {

// The path of `relative` (e.g. "duc2004/clusters.jsonl") in the shared data.
inline std::string DataPath(std::string_view relative) {
  const char* env = std::getenv("CHORUS_SHARED_DATA_DIR");
  const std::filesystem::path base = env && *env ? env : CHORUS_BENCH_DATA_DIR;
  return (base / relative).string();
}

}  // namespace chorus::bench

#endif  // CHORUS_BENCH_BENCH_DATA_H_
