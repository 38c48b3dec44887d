// WorkQueue: a fixed pool of worker threads behind a bounded queue.
//
// Submit() either enqueues a task or refuses at once when `queue_limit` tasks
// are already waiting, so the caller can answer "503 overloaded" instead of
// letting latency grow without bound. Each task carries a deadline: a task
// still waiting when its deadline passes is not run (its caller has already
// given up on it).
//
//   WorkQueue q(/*threads=*/4, /*queue_limit=*/64);
//   auto done = std::make_shared<std::promise<int>>();
//   if (!q.Submit([done] { done->set_value(42); }, deadline, [done] { ... }))
//     return Overloaded();
//
// Thread safety: all methods may be called from any thread. Shutdown() runs
// the tasks already queued, then joins the workers; Submit after it refuses.
// Not copyable or movable (workers refer to it).
#ifndef CHORUS_SERVE_WORK_QUEUE_H_
#define CHORUS_SERVE_WORK_QUEUE_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "base/mutex.h"

namespace chorus::serve {

class WorkQueue {
 public:
  using Clock = std::chrono::steady_clock;

  // `nice` > 0 lowers the workers' scheduling priority by that much (the
  // server's compute workers, so its connection thread is never starved).
  WorkQueue(uint32_t threads, uint32_t queue_limit, int nice = 0);
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  // Queues `run`; false (and nothing queued) when the queue is full or shut
  // down. If the task is still waiting at `deadline`, `expired` runs instead.
  bool Submit(std::function<void()> run, Clock::time_point deadline, std::function<void()> expired);

  void Shutdown();

  uint32_t threads() const { return static_cast<uint32_t>(workers_.size()); }
  size_t Waiting() const;  // tasks queued, not yet started
  size_t Running() const;  // tasks being run

 private:
  struct Task {
    std::function<void()> run;
    Clock::time_point deadline;
    std::function<void()> expired;
  };
  void WorkerLoop();
  static void RunGuarded(const std::function<void()>& f);

  const uint32_t queue_limit_;
  mutable Mutex mu_;
  CondVar ready_;
  std::deque<Task> tasks_ GUARDED_BY(mu_);
  size_t running_ GUARDED_BY(mu_) = 0;
  bool shutdown_ GUARDED_BY(mu_) = false;
  std::vector<std::thread> workers_;
};

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_WORK_QUEUE_H_
