#include "base/files.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace chorus {

Result<std::string> ReadFileBounded(const std::string& path, std::string_view what,
                                    size_t max_bytes) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return NotFoundError(fmt::format("{} {} does not exist", what, path));
  }
  if (std::filesystem::is_directory(path, error)) {
    return InvalidArgumentError(fmt::format("{} {} is a directory", what, path));
  }
  const auto close = [](std::FILE* f) { std::fclose(f); };
  std::unique_ptr<std::FILE, decltype(close)> file(std::fopen(path.c_str(), "rb"), close);
  if (!file) return IoError(fmt::format("cannot open {} {}", what, path));
  std::string contents;
  char buf[1 << 16];
  while (true) {
    const size_t n = std::fread(buf, 1, sizeof(buf), file.get());
    if (n == 0) break;
    if (contents.size() + n > max_bytes) {
      return ResourceExhaustedError(
          fmt::format("{} {} is larger than {} bytes, the most read", what, path, max_bytes));
    }
    contents.append(buf, n);
  }
  if (std::ferror(file.get())) return IoError(fmt::format("cannot read {} {}", what, path));
  return contents;
}

}  // namespace chorus
