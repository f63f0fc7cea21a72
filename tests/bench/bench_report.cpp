// Findings report speed: a demo-sized case (target <= 3 s) and a case with 500 evidence items
// (target <= 10 s), each compared with writing the same case file in the same process.
// Run: build/dev/tests/bench/bench_report   (QT_QPA_PLATFORM=offscreen is set if unset)
#include "testlib/reportfixture.h"

#include "casefile/casefile.h"
#include "report/findingsreport.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <cstdio>

using namespace inquest;

namespace {

double seconds(const std::function<void()> &work, int repeats = 3)
{
    double best = 1e9;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        best = std::min(best, t.nsecsElapsed() / 1e9);
    }
    return best;
}

void measure(const char *name, const CaseData &data, const QString &dir)
{
    testing::FakeFigureRenderer figures;
    const ReportScores scores = testing::reportScores(data);
    ReportOptions options;
    options.timeZone = QStringLiteral("Europe/Berlin");
    int pages = 0;
    qsizetype bytes = 0;
    const double report = seconds([&] {
        const FindingsReport r(data, scores, &figures, options);
        const QByteArray pdf = r.pdf();
        pages = r.pageCount();
        bytes = pdf.size();
    });
    const double html = seconds([&] { (void)FindingsReport(data, scores, &figures, options).html(); });
    QString error;
    const QString file = dir + QStringLiteral("/bench.inquest");
    const double save = seconds([&] {
        if (!casefile::write(data, file, &error))
            qFatal("%s", qPrintable(error));
    });
    qsizetype events = 0;
    for (const Source &s : data.sources)
        events += s.table ? qsizetype(s.table->size()) : 0;
    std::printf("%-16s %5lld evidence %8lld events: PDF %.3f s (%d pages, %lld KiB), HTML %.3f s, "
                "case-file write %.3f s, PDF/write ratio %.2f\n",
                name, qlonglong(data.evidence.size()), qlonglong(events), report, pages, qlonglong(bytes / 1024), html,
                save, report / save);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    // Demo-sized: two sites, eight hours of traffic at one request every 2 s (~22k events), 30 items.
    measure("demo-sized", testing::reportCase(30, 2), dir.path());
    measure("500 evidence", testing::reportCase(500, 2), dir.path());
    return 0;
}
