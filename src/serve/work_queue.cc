#include "serve/work_queue.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <utility>

namespace chorus::serve {

WorkQueue::WorkQueue(uint32_t threads, uint32_t queue_limit, int nice) : queue_limit_(queue_limit) {
  if (threads == 0) threads = 1;
  workers_.reserve(threads);
  for (uint32_t i = 0; i < threads; ++i) {
    workers_.emplace_back([this, nice] {
      if (nice > 0) {
        // Linux takes a thread id here: only this worker is lowered.
        const auto self = static_cast<id_t>(gettid());
        errno = 0;
        const int now = getpriority(PRIO_PROCESS, self);
        if (errno == 0) setpriority(PRIO_PROCESS, self, now + nice);
      }
      WorkerLoop();
    });
  }
}

WorkQueue::~WorkQueue() { Shutdown(); }

bool WorkQueue::Submit(std::function<void()> run, Clock::time_point deadline,
                       std::function<void()> expired) {
  {
    MutexLock lock(&mu_);
    if (shutdown_) return false;
    // A free worker takes the task at once, so only tasks beyond the idle
    // workers count as waiting.
    const size_t idle = workers_.size() - running_;
    if (tasks_.size() >= idle + queue_limit_) return false;
    tasks_.push_back({std::move(run), deadline, std::move(expired)});
  }
  ready_.Signal();
  return true;
}

void WorkQueue::Shutdown() {
  {
    MutexLock lock(&mu_);
    if (shutdown_ && workers_.empty()) return;
    shutdown_ = true;
  }
  ready_.SignalAll();
  for (std::thread& t : workers_) {
    if (t.joinable()) t.join();
  }
}

size_t WorkQueue::Waiting() const {
  MutexLock lock(&mu_);
  return tasks_.size();
}

size_t WorkQueue::Running() const {
  MutexLock lock(&mu_);
  return running_;
}

void WorkQueue::RunGuarded(const std::function<void()>& f) {
  if (!f) return;
  // Callers answer their own failures (AnswerOrInternalError); this is the
  // last line, so that an exception never ends the process through a thread.
  try {
    f();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chorus: a task failed: %s\n", e.what());
  } catch (...) {
    std::fputs("chorus: a task failed\n", stderr);
  }
}

void WorkQueue::WorkerLoop() {
  for (;;) {
    Task task;
    {
      MutexLock lock(&mu_);
      while (!shutdown_ && tasks_.empty()) ready_.Wait(&mu_);
      if (tasks_.empty()) return;  // shut down and drained
      task = std::move(tasks_.front());
      tasks_.pop_front();
      ++running_;
    }
    RunGuarded(Clock::now() > task.deadline ? task.expired : task.run);
    MutexLock lock(&mu_);
    --running_;
  }
}

}  // namespace chorus::serve
