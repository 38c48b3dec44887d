#include "serve/bounded_call.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace chorus::serve {
namespace {

// Where a worker leaves its response for the waiting I/O thread; shared, as
// either side may be gone first.
struct Slot {
  std::mutex mu;
  std::condition_variable done;
  std::optional<HttpResponse> response;  // GUARDED_BY(mu)
  std::stop_source stop;

  void Fill(HttpResponse r) {
    {
      std::lock_guard<std::mutex> lock(mu);
      response = std::move(r);
    }
    done.notify_one();
  }
};

HttpResponse DeadlineExceeded() {
  return ErrorResponse(503, "deadline_exceeded",
                       "the request took longer than the server's time limit per request");
}

}  // namespace

HttpResponse RunBounded(WorkQueue& queue, WorkQueue::Clock::time_point deadline,
                        BoundedWork work) {
  auto slot = std::make_shared<Slot>();
  const bool queued = queue.Submit(
      [slot, work = std::move(work)] { slot->Fill(AnswerOrInternalError([&] { return work(slot->stop.get_token()); })); },
      deadline, [slot] { slot->Fill(DeadlineExceeded()); });
  if (!queued) {
    HttpResponse r =
        ErrorResponse(503, "overloaded", "the server is busy (request queue full); retry later");
    r.headers.emplace("Retry-After", "1");
    return r;
  }
  std::unique_lock<std::mutex> lock(slot->mu);
  if (!slot->done.wait_until(lock, deadline, [&] { return slot->response.has_value(); })) {
    slot->stop.request_stop();  // the worker gives up at its next check
    return DeadlineExceeded();
  }
  return std::move(*slot->response);
}

}  // namespace chorus::serve
