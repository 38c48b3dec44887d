// RunBounded: runs a request's work on the WorkQueue and waits for it, within
// the request's deadline.
//
// The handler thread that has the request blocks here while a worker does
// the work, so at most `threads` requests compute at once whatever the
// number of connections. A full queue is answered 503 "overloaded" at once; a
// request not done by its deadline is answered 503 "deadline exceeded": a
// queued task is then skipped, and a running one is asked to stop through the
// std::stop_token it was given (the library checks it between units of work
// and returns kCancelled), so the worker is soon free. An exception out of the
// work (std::bad_alloc) is answered 500, never let out of the worker.
//
//   HttpResponse r = RunBounded(queue, deadline, [req](const std::stop_token& stop) {
//     return Summarize(*req, stop);
//   });
//
// Thread safety: callable from any number of threads at once. `work` must
// not refer to the caller's stack by reference: it may outlive the call
// (capture by value or shared_ptr).
#ifndef CHORUS_SERVE_BOUNDED_CALL_H_
#define CHORUS_SERVE_BOUNDED_CALL_H_

#include <functional>
#include <stop_token>

#include "serve/router.h"
#include "serve/work_queue.h"

namespace chorus::serve {

using BoundedWork = std::function<HttpResponse(const std::stop_token& stop)>;

HttpResponse RunBounded(WorkQueue& queue, WorkQueue::Clock::time_point deadline, BoundedWork work);

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_BOUNDED_CALL_H_
