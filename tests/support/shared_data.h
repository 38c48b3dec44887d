// Locating test inputs: the shared benchmark data beside the repo
// (../shared/data, or $CHORUS_SHARED_DATA_DIR) and the repo's own files.
//
// Tests on shared data must not pass silently when it is missing: use
// CHORUS_REQUIRE_SHARED_DATA, which skips the test with a loud message naming
// the missing path.
#ifndef CHORUS_TESTS_SUPPORT_SHARED_DATA_H_
#define CHORUS_TESTS_SUPPORT_SHARED_DATA_H_

#include <gtest/gtest.h>

#include <string>

namespace chorus::testing {

// Absolute path of `relative` under the shared data directory (may not exist).
std::string SharedDataPath(const std::string& relative);

// Absolute path of `relative` under the chorus source tree.
std::string SourcePath(const std::string& relative);

// True when the file or directory exists; otherwise prints a loud warning.
bool SharedDataAvailable(const std::string& path);

// Reads a whole file; fails the current test if it cannot.
std::string ReadFileOrFail(const std::string& path);

}  // namespace chorus::testing

// Declares `var` as the shared-data path of `relative`, or skips the test.
#define CHORUS_REQUIRE_SHARED_DATA(var, relative)                      \
  const std::string var = ::chorus::testing::SharedDataPath(relative); \
  if (!::chorus::testing::SharedDataAvailable(var))                    \
  GTEST_SKIP() << "SHARED DATA MISSING: " << var << " (set CHORUS_SHARED_DATA_DIR)"

#endif  // CHORUS_TESTS_SUPPORT_SHARED_DATA_H_
