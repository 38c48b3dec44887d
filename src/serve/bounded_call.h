// RunBounded: runs a request's work on the WorkQueue and waits for it, within
// the request's deadline.
//
// The I/O thread that read the request blocks here while a worker does the
// work, so at most `threads` requests compute at once whatever the number of
// connections. A full queue is answered 503 "overloaded" at once; a request
// not done by its deadline is answered 503 "deadline exceeded" (a queued task
// is then skipped; a running one finishes and its result is dropped, as the
// library's stages cannot be interrupted midway).
//
//   HttpResponse r = RunBounded(queue, deadline, [&] { return Summarize(req); });
//
// Thread safety: callable from any number of threads at once. `work` must
// not refer to the caller's stack by reference: it may outlive the call
// (capture by value or shared_ptr).
#ifndef CHORUS_SERVE_BOUNDED_CALL_H_
#define CHORUS_SERVE_BOUNDED_CALL_H_

#include <functional>

#include "serve/router.h"
#include "serve/work_queue.h"

namespace chorus::serve {

HttpResponse RunBounded(WorkQueue& queue, WorkQueue::Clock::time_point deadline,
                        std::function<HttpResponse()> work);

}  // namespace chorus::serve

#endif  // CHORUS_SERVE_BOUNDED_CALL_H_
