#include "store/writer_lock.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "chorus/store.h"

namespace chorus {
namespace {

std::string TempStore(const std::string& name) {
  const std::string path =
      (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()) + ".db"))
          .string();
  std::filesystem::remove(path);
  return path;
}

TEST(WriterLockTest, OneWriterAtATimeReadersAlways) {
  const std::string path = TempStore("writer-lock");
  {
    Result<std::unique_ptr<EventStore>> first = EventStore::Open(path, {});
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    const Result<std::unique_ptr<EventStore>> second = EventStore::Open(path, {});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
    // The message says who holds it and what to do, not "not a chorus store".
    EXPECT_NE(second.status().message().find("is being written by pid " + std::to_string(getpid())),
              std::string::npos)
        << second.status().message();
    EXPECT_NE(second.status().message().find("POST /v1/articles"), std::string::npos);
    // Readers do not wait for the writer.
    EXPECT_TRUE(EventStore::Open(path, {.read_only = true}).ok());
  }
  // Released with the store.
  EXPECT_TRUE(EventStore::Open(path, {}).ok());
  std::filesystem::remove(path);
}

TEST(WriterLockTest, AnotherProcessIsRefusedUntilTheWriterExits) {
  const std::string path = TempStore("writer-lock-process");
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  if (child == 0) {
    // The child holds the store, says so, and waits to be killed.
    auto store = EventStore::Open(path, {});
    const char ok = store.ok() ? 'y' : 'n';
    (void)!write(ready[1], &ok, 1);
    pause();
    _exit(0);
  }
  char ok = 'n';
  ASSERT_EQ(read(ready[0], &ok, 1), 1);
  ASSERT_EQ(ok, 'y');
  const auto refused = WriterLock::Acquire(path);
  EXPECT_EQ(refused.status().code(), StatusCode::kUnavailable);
  // Killed, as the kill tests kill writers: the kernel drops the lock.
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  EXPECT_TRUE(WriterLock::Acquire(path).ok());
  close(ready[0]);
  close(ready[1]);
  std::filesystem::remove(path);
  std::filesystem::remove(path + ".lock");
}

}  // namespace
}  // namespace chorus
