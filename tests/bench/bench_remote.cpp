// What a chart view of a remote source asks, timed against the same questions of the same
// table with 1/10 of the rows (the ratio shows whether a view's cost grows with the table):
// the bins of a visible hour (1-minute bins), top 10 client networks and distinct clients of
// that hour, and the per-minute curve of the whole table. Median of 9 runs each.
//   bench_remote URL BIG_TABLE SMALL_TABLE
#include "remote/remoteeventstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace inquest;
using namespace inquest::remote;

namespace {

template <typename F> double medianMs(F f)
{
    std::vector<double> ms;
    for (int i = 0; i < 9; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

struct Figures
{
    double view = 0, curve = 0;
    uint64_t rows = 0;
};

Figures measure(const ServerAccess &access, const QString &table)
{
    RemoteEventStore store(access, table, ColumnMapping(), QStringLiteral("x"));
    if (!store.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
        std::exit(1);
    }
    const auto [first, last] = store.span();
    const int64_t from = (first + (last - first) / 2) / 60'000'000 * 60'000'000, to = from + 3600'000'000LL;
    Figures f;
    f.rows = store.rows();
    f.view = medianMs([&] {
        store.counts({}, EventStore::Filter::All, from, to, 60'000'000);
        store.counts({}, EventStore::Filter::Failures, from, to, 60'000'000);
        store.topValues({}, EventStore::Dimension::ClientNet, EventStore::Filter::All, from, to, 10);
        store.distinct({}, EventStore::Dimension::ClientNet, from, to);
    });
    const int64_t start = first / 60'000'000 * 60'000'000;
    f.curve = medianMs([&] { store.counts({}, EventStore::Filter::All, start, last, 60'000'000); });
    if (store.failed()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
        std::exit(1);
    }
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_remote URL BIG_TABLE SMALL_TABLE\n");
        return 2;
    }
    const ServerAccess access{QUrl(QString::fromLocal8Bit(argv[1])), QStringLiteral("default"), {}, 120};
    const Figures big = measure(access, QString::fromLocal8Bit(argv[2]));
    const Figures small = measure(access, QString::fromLocal8Bit(argv[3]));
    std::printf("rows                       %12llu %12llu\n", (unsigned long long)big.rows,
                (unsigned long long)small.rows);
    std::printf("chart view (1 h) ms        %12.1f %12.1f   ratio %.2f\n", big.view, small.view, big.view / small.view);
    std::printf("per-minute curve, all ms   %12.1f %12.1f   ratio %.2f\n", big.curve, small.curve,
                big.curve / small.curve);
    return 0;
}
