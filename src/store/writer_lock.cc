#include "store/writer_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace chorus {
namespace {

// What the holder wrote into the lock file: "pid 4242 (chorus serve)".
std::string Holder(int fd) {
  char buf[256] = {};
  const ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
  std::string_view text(buf, n > 0 ? static_cast<size_t>(n) : 0);
  text = text.substr(0, text.find('\n'));
  return text.empty() ? std::string("another process") : std::string(text);
}

// This process, as the lock file names it: "pid 4242 (chorus serve)".
std::string Self() {
  std::string name;
  if (const int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC); fd >= 0) {
    char buf[256] = {};
    const ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    // NUL-separated arguments: the program's base name and its first argument.
    for (ssize_t i = 0, words = 0; i < n && words < 2; ++i) {
      if (buf[i] == '\0') {
        ++words;
        if (words < 2) name.push_back(' ');
      } else if (buf[i] == '/' && words == 0) {
        name.clear();
      } else {
        name.push_back(buf[i]);
      }
    }
  }
  return fmt::format("pid {} ({})", getpid(), name.empty() ? "?" : name);
}

}  // namespace

Result<std::unique_ptr<WriterLock>> WriterLock::Acquire(const std::string& store_path) {
  const std::string path = store_path + ".lock";
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return IoError(
        fmt::format("cannot create the store's lock file {}: {}", path, std::strerror(errno)));
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const std::string holder = Holder(fd);
    close(fd);
    return UnavailableError(fmt::format(
        "store {} is being written by {}; only one process writes a store at a time. "
        "Stop it first, or send the articles to it if it is `chorus serve` (POST /v1/articles)",
        store_path, holder));
  }
  const std::string self = Self() + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, self.data(), self.size(), 0) < 0) {
    // Only the message of a refused writer reads this: the lock holds anyway.
  }
  return std::unique_ptr<WriterLock>(new WriterLock(fd));
}

WriterLock::~WriterLock() { close(fd_); }

}  // namespace chorus
