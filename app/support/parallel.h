#pragma once

#include "threadpoolloan.h"
#include "tsanhooks.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <iterator>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

// Work on Qt's global thread pool, in the two shapes Inquest uses: fork-join over a sequence
// (the calling thread waits and lends its pool slot meanwhile, see threadpoolloan.h), and a
// background task whose future is collected later. Both mark the hand-over points for
// ThreadSanitizer (tsanhooks.h).
namespace inquest::parallel {

namespace detail {
// One call of a fork-join: what the pool thread needs, written before the hand-over. The mapped
// function is captureless, so a pool thread reads nothing the hand-over does not cover (the
// closure QtConcurrent copies into its kernel is written after it).
template <typename F, typename Element> struct Call
{
    F *f;
    Element *element;
};

// The calls of a fork-join over seq (elements const when seq is).
template <typename F, typename Sequence> auto callsFor(F &f, Sequence &seq)
{
    using Element = std::remove_reference_t<decltype(*std::begin(seq))>;
    std::vector<Call<F, Element>> calls;
    calls.reserve(std::size_t(std::size(seq)));
    for (Element &element : seq)
        calls.push_back({&f, &element});
    return calls;
}
} // namespace detail

// Calls f(element) for every element of seq, in parallel; returns when all calls have ended.
template <typename Sequence, typename F> void forEach(Sequence &seq, F f)
{
    auto calls = detail::callsFor(f, seq);
    using Call = typename decltype(calls)::value_type;
    const ThreadPoolLoan loan;
    tsan::handOver();
    QtConcurrent::blockingMap(calls, [](Call &call) {
        const tsan::TaskScope scope;
        (*call.f)(*call.element);
    });
    tsan::takeOver();
}

// f(element) for every element of seq, in parallel, collected in order into a Result.
template <typename Result, typename Sequence, typename F> Result mapped(const Sequence &seq, F f)
{
    const auto calls = detail::callsFor(f, seq);
    using Call = typename decltype(calls)::value_type;
    using Value = std::invoke_result_t<F &, decltype(*std::begin(seq))>;
    const ThreadPoolLoan loan;
    tsan::handOver();
    // Iterators, not the vector: QtConcurrent would copy a vector into its kernel.
    Result result = QtConcurrent::blockingMapped<Result>(calls.cbegin(), calls.cend(), [](const Call &call) -> Value {
        const tsan::TaskScope scope;
        return (*call.f)(*call.element);
    });
    tsan::takeOver();
    return result;
}

// f(element) for every element of seq, in parallel, without waiting: the future's results
// arrive one by one (QFutureWatcher::resultReadyAt on the GUI thread). f captures nothing, so a
// pool thread reads nothing the hand-over does not cover: each element carries what its call
// needs.
template <typename Sequence, typename F> auto mappedAsync(Sequence seq, F)
{
    static_assert(std::is_empty_v<F> && std::is_default_constructible_v<F>,
                  "parallel::mappedAsync takes a captureless function");
    using Element = typename Sequence::value_type;
    tsan::handOver();
    return QtConcurrent::mapped(std::move(seq), [](const Element &element) {
        const tsan::TaskScope scope;
        return F{}(element);
    });
}

#if defined(__SANITIZE_THREAD__)
namespace detail {
template <typename> struct PromiseType;
template <typename C, typename R, typename T, typename... A> struct PromiseType<R (C::*)(QPromise<T> &, A...) const>
{
    using type = T;
};
template <typename C, typename R, typename T, typename... A> struct PromiseType<R (C::*)(QPromise<T> &, A...)>
{
    using type = T;
};

template <typename State> auto runState(State *raw)
{
    const tsan::TaskScope scope;
    const std::unique_ptr<State> state(raw);
    return std::apply([](auto &f, auto &...args) { return std::invoke(std::move(f), std::move(args)...); }, *state);
}

template <typename T, typename State> void runStateWithPromise(QPromise<T> &promise, State *raw)
{
    const tsan::TaskScope scope;
    const std::unique_ptr<State> state(raw);
    std::apply([&promise](auto &f, auto &...args) { std::invoke(std::move(f), promise, std::move(args)...); }, *state);
}
} // namespace detail
#endif

// QtConcurrent::run(f, args...) on the global pool. f may take a QPromise<T>& first. A thread
// that waits for the result calls wait() below; the GUI thread takes over on every event, so a
// QFutureWatcher's handlers need nothing.
//
// Under ThreadSanitizer the task gets only a pointer to its function and arguments, written
// before the hand-over: QtConcurrent moves its stored function into the call before any code of
// the task runs, and that move would read memory written after it. (Were the future cancelled
// before the task starts, the state would leak; only in that build.)
template <typename F, typename... Args> auto run(F &&f, Args &&...args)
{
#if defined(__SANITIZE_THREAD__)
    using State = std::tuple<std::decay_t<F>, std::decay_t<Args>...>;
    auto *state = new State(std::forward<F>(f), std::forward<Args>(args)...);
    tsan::handOver();
    if constexpr (std::is_invocable_v<std::decay_t<F>, std::decay_t<Args>...>) {
        return QtConcurrent::run(&detail::runState<State>, state);
    } else {
        using T = typename detail::PromiseType<decltype(&std::decay_t<F>::operator())>::type;
        return QtConcurrent::run(&detail::runStateWithPromise<T, State>, state);
    }
#else
    return QtConcurrent::run(std::forward<F>(f), std::forward<Args>(args)...);
#endif
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
