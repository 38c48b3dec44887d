// Lock annotations that clang checks at compile time (-Wthread-safety; the
// CHORUS_THREAD_SAFETY build, run in CI): which mutex guards a field, which
// locks a function needs or takes. Under other compilers they expand to
// nothing. As in Abseil and LevelDB; see
// https://clang.llvm.org/docs/ThreadSafetyAnalysis.html.
//
//   Mutex mu_;
//   std::deque<Task> tasks_ GUARDED_BY(mu_);
//   void PopLocked() REQUIRES(mu_);
//
// std::mutex carries no annotations in libstdc++, so guarded state uses
// base/mutex.h's Mutex, MutexLock and CondVar.
#ifndef CHORUS_BASE_THREAD_ANNOTATIONS_H_
#define CHORUS_BASE_THREAD_ANNOTATIONS_H_

#if defined(__clang__)
#define CHORUS_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define CHORUS_THREAD_ANNOTATION(x)
#endif

// A type that is a lock (Mutex) / an object that holds one for its scope (MutexLock).
#define CAPABILITY(name) CHORUS_THREAD_ANNOTATION(capability(name))
#define SCOPED_CAPABILITY CHORUS_THREAD_ANNOTATION(scoped_lockable)
// The field is read and written only with `mu` held.
#define GUARDED_BY(mu) CHORUS_THREAD_ANNOTATION(guarded_by(mu))
// What the (pointer) field points to is used only with `mu` held.
#define PT_GUARDED_BY(mu) CHORUS_THREAD_ANNOTATION(pt_guarded_by(mu))
// The caller must hold / must not hold the locks.
#define REQUIRES(...) CHORUS_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define EXCLUDES(...) CHORUS_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
// The function takes / lets go of the locks.
#define ACQUIRE(...) CHORUS_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define RELEASE(...) CHORUS_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
// The function checks (at run time) that the lock is held.
#define ASSERT_CAPABILITY(x) CHORUS_THREAD_ANNOTATION(assert_capability(x))
// Turns the analysis off for one function: say why where used.
#define NO_THREAD_SAFETY_ANALYSIS CHORUS_THREAD_ANNOTATION(no_thread_safety_analysis)

#endif  // CHORUS_BASE_THREAD_ANNOTATIONS_H_
