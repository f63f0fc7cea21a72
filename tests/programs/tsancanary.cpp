// Two data races on purpose, one in a fork-join and one between a background task and the thread
// that started it, both through support/parallel.h. Under ThreadSanitizer this program must be
// reported (ctest expects it to fail): the proof that the suppressions in tests/tsan.supp and the
// hand-over points in tsanhooks.h hide Qt's internals, not races in code like Inquest's.
#include "support/parallel.h"

#include <QCoreApplication>
#include <QThread>

#include <vector>

namespace {
long total = 0;
long later = 0;
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::vector<int> items(16);
    inquest::parallel::forEach(items, [](int &) {
        QThread::msleep(2); // let both pool threads take items
        for (int i = 0; i < 1000; ++i)
            ++total;
    });
    auto task = inquest::parallel::run([] { later = 1; });
    QThread::msleep(20);
    const long seen = later; // read without waiting for the task
    inquest::parallel::wait(task);
    return total + seen > 0 ? 0 : 2;
}
