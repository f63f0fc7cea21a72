#pragma once

// Hand-over points for ThreadSanitizer. Qt's libraries are not built with it, so it cannot see
// the synchronisation inside QFuture, QtConcurrent and the event queue, and would report every
// value passed to or from a pool task as a race. Work handed to the pool is bracketed instead:
// the thread that starts or waits for work calls handOver()/takeOver(), and every task body
// holds a TaskScope. In builds without ThreadSanitizer all of this compiles to nothing.
//
// A race between two tasks that run at the same time is still reported: a task releases only
// when it ends and acquires only when it starts.
namespace inquest::tsan {

#if defined(__SANITIZE_THREAD__)
void handOver(); // release: what this thread wrote so far is seen by whoever takes over
void takeOver(); // acquire: this thread sees what was handed over before
#else
inline void handOver() {}
inline void takeOver() {}
#endif

// In a task body: takes over at the start and hands over at the end.
struct TaskScope
{
    TaskScope() { takeOver(); }
    ~TaskScope() { handOver(); }
    TaskScope(const TaskScope &) = delete;
    TaskScope &operator=(const TaskScope &) = delete;
};

} // namespace inquest::tsan
