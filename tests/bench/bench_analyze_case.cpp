// `inquest analyze CASE` split into its steps, on a case file: open (SQLite + decoding the event
// columns), detectors, applying the findings, save; against reading the case file's bytes in the
// same process. analyze-case.sh times the real command beside it.
// Usage: bench_analyze_case make CASE [events, default 5000000]   write the benchmark case
//        bench_analyze_case time CASE [runs, default 3]            time the steps on a copy of CASE
#include "analysis/detectors/detector.h"
#include "analysis/detectors/detectorrun.h"
#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "testlib/benchcase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace inquest;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double msSince(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e6; }

int make(const QString &path, double events)
{
    QElapsedTimer timer;
    timer.start();
    auto data = testing::analyzeBenchCase(events);
    if (!data) {
        std::fprintf(stderr, "cannot generate the case\n");
        return 1;
    }
    qint64 n = 0;
    for (const Source &s : data->sources)
        n += s.events;
    QString error;
    if (!casefile::write(*data, path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("wrote %s: %lld events over %d sources, %.1f MB, in %.0f ms\n", qPrintable(path),
                static_cast<long long>(n), int(data->sources.size()), double(QFileInfo(path).size()) / 1e6,
                msSince(timer));
    return 0;
}

int time(const QString &original, int runs)
{
    // A copy, so that repeated runs start from the same file (analyze replaces its suggestions).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.inquest"));
    std::vector<double> ref, open, detect, apply, save, total;
    qint64 events = 0;
    for (int run = 0; run < runs; ++run) {
        QFile::remove(path);
        if (!QFile::copy(original, path)) {
            std::fprintf(stderr, "cannot copy %s\n", qPrintable(original));
            return 1;
        }
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QElapsedTimer timer;
        timer.start();
        {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return 1;
            volatile qsizetype sink = f.readAll().size();
            (void)sink;
        }
        ref.push_back(msSince(timer));

        QString error;
        CaseDocument doc;
        timer.restart();
        if (!casefile::open(doc, path, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        open.push_back(msSince(timer));
        timer.restart();
        const DetectorOutput out = runDetectors(doc.data());
        detect.push_back(msSince(timer));
        timer.restart();
        const DetectorRunSummary summary = applyDetectorOutput(doc, out, false);
        doc.recordCustody(QStringLiteral("analyze"), QStringLiteral("bench: %1 added").arg(summary.added));
        apply.push_back(msSince(timer));
        timer.restart();
        if (!casefile::save(doc, path, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        save.push_back(msSince(timer));
        total.push_back(open.back() + detect.back() + apply.back() + save.back());
        events = 0;
        for (const Source &s : doc.sources())
            events += s.events;
    }
    const double r = median(ref);
    std::printf("case %s: %lld events, %.1f MB\n", qPrintable(original), static_cast<long long>(events),
                double(QFileInfo(original).size()) / 1e6);
    std::printf("reference, reading the file's bytes: %7.1f ms (median of %d)\n", r, runs);
    const auto row = [r, runs](const char *what, const std::vector<double> &v) {
        std::printf("%-36s %7.1f ms (median of %d), %5.1fx the reference\n", what, median(v), runs, median(v) / r);
    };
    row("open (SQLite + event columns)", open);
    row("detectors", detect);
    row("apply findings", apply);
    row("save", save);
    row("total", total);
    const double t = median(total);
    std::printf("target: <= 2000 ms for 5M events: %s\n", t <= 2000 ? "met" : "NOT met");
    return t <= 2000 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() >= 2 && args[0] == u"make")
        return make(args[1], args.size() > 2 ? args[2].toDouble() : 5e6);
    if (args.size() >= 2 && args[0] == u"time")
        return time(args[1], args.size() > 2 ? std::max(1, args[2].toInt()) : 3);
    std::fprintf(stderr, "usage: bench_analyze_case make CASE [events] | time CASE [runs]\n");
    return 2;
}
