// WriterLock: one process writes an event store at a time.
//
// The clusterer behind a store keeps its state (term ids, events, article
// numbers) in memory, so a second writer wedged the first: `chorus cluster
// --store X` beside `chorus serve --store X` made every later POST fail
// (UNIQUE constraint failed: terms.id) until the server restarted. A writer
// now holds an exclusive flock(2) on "<store>.lock" (created beside the
// store, like SQLite's -wal and -shm files, and left there) for as long as it
// has the store open; a second writer is refused at once with a message
// naming the holder's process id. Readers (chorus events, --event) take no
// lock: SQLite's WAL lets them read while the writer writes. The kernel
// drops the lock when the holder exits or is killed.
//
//   ASSIGN_OR_RETURN(std::unique_ptr<WriterLock> lock, WriterLock::Acquire("chorus.db"));
//
// Thread safety: none needed (acquired once, released on destruction). Two
// acquisitions in one process conflict like two processes.
#ifndef CHORUS_SRC_STORE_WRITER_LOCK_H_
#define CHORUS_SRC_STORE_WRITER_LOCK_H_

#include <memory>
#include <string>

#include "chorus/status.h"

namespace chorus {

class WriterLock {
 public:
  // kUnavailable when another writer holds the store; kIoError when the lock
  // file cannot be created.
  static Result<std::unique_ptr<WriterLock>> Acquire(const std::string& store_path);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace chorus

#endif  // CHORUS_SRC_STORE_WRITER_LOCK_H_
