#include "shared_data.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace chorus::testing {

std::string SharedDataPath(const std::string& relative) {
  const char* env = std::getenv("CHORUS_SHARED_DATA_DIR");
  std::filesystem::path base = env && *env ? env : CHORUS_DEFAULT_SHARED_DATA_DIR;
  return (base / relative).lexically_normal().string();
}

std::string SourcePath(const std::string& relative) {
  return (std::filesystem::path(CHORUS_SOURCE_DIR) / relative).string();
}

bool SharedDataAvailable(const std::string& path) {
  if (std::filesystem::exists(path)) return true;
  std::cerr << "\n*** WARNING: shared data not found at " << path
            << "; the test that needs it is SKIPPED ***\n\n";
  return false;
}

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace chorus::testing
