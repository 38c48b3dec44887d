#include "serve/work_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <memory>
#include <new>
#include <thread>

#include "serve/bounded_call.h"

namespace chorus::serve {
namespace {

using namespace std::chrono_literals;

TEST(WorkQueueTest, RefusesWhenWorkersBusyAndQueueFull) {
  WorkQueue q(/*threads=*/1, /*queue_limit=*/1);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> ran{0};
  std::promise<void> started;
  const auto far = WorkQueue::Clock::now() + 10s;
  ASSERT_TRUE(q.Submit(
      [&, gate] {
        started.set_value();
        gate.wait();
        ++ran;
      },
      far, {}));
  started.get_future().wait();                      // the worker is busy now
  ASSERT_TRUE(q.Submit([&] { ++ran; }, far, {}));   // waits in the queue
  EXPECT_FALSE(q.Submit([&] { ++ran; }, far, {}));  // queue full
  EXPECT_EQ(q.Waiting(), 1u);
  EXPECT_EQ(q.Running(), 1u);
  release.set_value();
  q.Shutdown();  // runs what was queued
  EXPECT_EQ(ran.load(), 2);
  EXPECT_FALSE(q.Submit([] {}, far, {}));
}

TEST(WorkQueueTest, ExpiredTasksAreSkipped) {
  WorkQueue q(1, 4);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> ran{0}, expired{0};
  const auto now = WorkQueue::Clock::now();
  ASSERT_TRUE(q.Submit([gate] { gate.wait(); }, now + 10s, {}));
  ASSERT_TRUE(q.Submit([&] { ++ran; }, now + 1ms, [&] { ++expired; }));
  std::this_thread::sleep_for(5ms);
  release.set_value();
  q.Shutdown();
  EXPECT_EQ(ran.load(), 0);
  EXPECT_EQ(expired.load(), 1);
}

TEST(WorkQueueTest, ATaskThatThrowsLeavesTheWorkerRunning) {
  WorkQueue q(1, 4);
  std::atomic<int> ran{0};
  const auto far = WorkQueue::Clock::now() + 10s;
  ASSERT_TRUE(q.Submit([] { throw std::bad_alloc(); }, far, {}));
  ASSERT_TRUE(q.Submit([&] { ++ran; }, far, {}));
  q.Shutdown();
  EXPECT_EQ(ran.load(), 1);  // the same (only) worker ran the next task
}

TEST(RunBoundedTest, ReturnsTheWorkResponseOr503) {
  WorkQueue q(1, 0);
  const auto far = WorkQueue::Clock::now() + 10s;
  EXPECT_EQ(
      RunBounded(q, far, [](const std::stop_token&) { return JsonResponse(201, "{}"); }).status,
      201);
  // The worker counts as busy until just after it answered: a request sent
  // before then would find no free worker (503) and the test would hang.
  while (q.Running() > 0) std::this_thread::yield();

  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  std::thread busy([&] {
    RunBounded(q, far, [gate, &started](const std::stop_token&) {
      started.set_value();
      gate.wait();
      return JsonResponse(200, "{}");
    });
  });
  started.get_future().wait();
  const HttpResponse overloaded =
      RunBounded(q, far, [](const std::stop_token&) { return JsonResponse(200, "{}"); });
  EXPECT_EQ(overloaded.status, 503);
  EXPECT_NE(overloaded.body.find("overloaded"), std::string::npos);
  release.set_value();
  busy.join();
}

TEST(RunBoundedTest, SlowWorkIsAnswered503AtTheDeadlineAndStopped) {
  WorkQueue q(1, 1);
  auto stopped = std::make_shared<std::promise<void>>();
  const HttpResponse r =
      RunBounded(q, WorkQueue::Clock::now() + 20ms, [stopped](const std::stop_token& stop) {
        // Work that checks its token, as the library's stages do.
        while (!stop.stop_requested()) std::this_thread::sleep_for(1ms);
        stopped->set_value();
        return JsonResponse(200, "{}");
      });
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("deadline_exceeded"), std::string::npos);
  // The worker was told to stop, and did (else this waits forever: the test
  // times out).
  stopped->get_future().wait();
  q.Shutdown();
}

TEST(RunBoundedTest, AnExceptionInTheWorkIs500) {
  WorkQueue q(1, 1);
  const HttpResponse r =
      RunBounded(q, WorkQueue::Clock::now() + 10s,
                 [](const std::stop_token&) -> HttpResponse { throw std::bad_alloc(); });
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("out of memory"), std::string::npos);
}

}  // namespace
}  // namespace chorus::serve
