#pragma once

#include <QThreadPool>

namespace inquest {

// A task running on the global thread pool that blocks on more work for the same pool starves
// it: on a two-core machine both pool threads end up waiting and nothing is left to run the
// work they wait for (the GUI then stalls too, since the raster engine needs the pool). While a
// ThreadPoolLoan lives, the waiting thread's slot is lent back to the pool. Harmless on a
// thread that is not in the pool (the pool may briefly run one more thread).
class ThreadPoolLoan
{
public:
    ThreadPoolLoan() { QThreadPool::globalInstance()->releaseThread(); }
    ~ThreadPoolLoan() { QThreadPool::globalInstance()->reserveThread(); }
    ThreadPoolLoan(const ThreadPoolLoan &) = delete;
    ThreadPoolLoan &operator=(const ThreadPoolLoan &) = delete;
};

} // namespace inquest
