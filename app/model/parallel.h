#pragma once

#include "threadpoolloan.h"
#include "tsanhooks.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <type_traits>
#include <utility>

// Work on Qt's global thread pool, in the two shapes Inquest uses: fork-join over a sequence
// (the calling thread waits and lends its pool slot meanwhile, see threadpoolloan.h), and a
// background task whose future is collected later. Both mark the hand-over points for
// ThreadSanitizer (tsanhooks.h).
namespace inquest::parallel {

// Calls f(element) for every element of seq, in parallel; returns when all calls have ended.
template <typename Sequence, typename F> void forEach(Sequence &seq, F f)
{
    const ThreadPoolLoan loan;
    tsan::handOver();
    QtConcurrent::blockingMap(seq, [&f](typename Sequence::value_type &element) {
        const tsan::TaskScope scope;
        f(element);
    });
    tsan::takeOver();
}

// f(element) for every element of seq, in parallel, collected in order into a Result.
template <typename Result, typename Sequence, typename F> Result mapped(const Sequence &seq, F f)
{
    const ThreadPoolLoan loan;
    tsan::handOver();
    using Element = typename Sequence::value_type;
    Result result = QtConcurrent::blockingMapped<Result>(
        seq, [&f](const Element &element) -> std::invoke_result_t<F &, const Element &> {
            const tsan::TaskScope scope;
            return f(element);
        });
    tsan::takeOver();
    return result;
}

// QtConcurrent::run(f, args...) on the global pool, after a hand-over. The task takes over when
// it starts and hands over when it ends; a function that takes a QPromise must hold a
// tsan::TaskScope itself. A thread that waits for the result calls wait() below; the GUI thread
// takes over on every event, so a QFutureWatcher's handlers need nothing.
template <typename F, typename... Args> auto run(F &&f, Args &&...args)
{
    tsan::handOver();
    if constexpr (std::is_invocable_v<std::decay_t<F>, std::decay_t<Args>...>) {
        return QtConcurrent::run([f = std::forward<F>(f), ... a = std::forward<Args>(args)]() mutable {
            const tsan::TaskScope scope;
            return std::invoke(std::move(f), std::move(a)...);
        });
    } else {
        return QtConcurrent::run(std::forward<F>(f), std::forward<Args>(args)...);
    }
}

template <typename T> void wait(QFuture<T> &future)
{
    future.waitForFinished();
    tsan::takeOver();
}

template <typename T> void wait(QFutureWatcher<T> &watcher)
{
    watcher.waitForFinished();
    tsan::takeOver();
}

} // namespace inquest::parallel
