#include "serve/bounded_call.h"

#include <memory>
#include <optional>
#include <utility>

#include "base/mutex.h"

namespace chorus::serve {
namespace {

// Where a worker leaves its response for the waiting I/O thread; shared, as
// either side may be gone first.
struct Slot {
  Mutex mu;
  CondVar done;
  std::optional<HttpResponse> response GUARDED_BY(mu);
  std::stop_source stop;

  void Fill(HttpResponse r) {
    {
      MutexLock lock(&mu);
      response = std::move(r);
    }
    done.Signal();
  }

  // The response once filled; none if `deadline` passes first.
  std::optional<HttpResponse> Await(WorkQueue::Clock::time_point deadline) {
    MutexLock lock(&mu);
    while (!response && done.WaitUntil(&mu, deadline)) {
    }
    // A response filled just as the deadline passed is still the answer.
    return std::move(response);
  }
};

HttpResponse DeadlineExceeded() {
  return ErrorResponse(503, "deadline_exceeded",
                       "the request took longer than the server's time limit per request");
}

}  // namespace

HttpResponse RunBounded(WorkQueue& queue, WorkQueue::Clock::time_point deadline, BoundedWork work) {
  auto slot = std::make_shared<Slot>();
  const bool queued = queue.Submit(
      [slot, work = std::move(work)] {
        slot->Fill(AnswerOrInternalError([&] { return work(slot->stop.get_token()); }));
      },
      deadline, [slot] { slot->Fill(DeadlineExceeded()); });
  if (!queued) {
    HttpResponse r =
        ErrorResponse(503, "overloaded", "the server is busy (request queue full); retry later");
    r.headers.emplace("Retry-After", "1");
    return r;
  }
  std::optional<HttpResponse> response = slot->Await(deadline);
  if (!response) {
    slot->stop.request_stop();  // the worker gives up at its next check
    return DeadlineExceeded();
  }
  return std::move(*response);
}

}  // namespace chorus::serve
