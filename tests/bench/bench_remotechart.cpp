// Chart views of a remote source (issue 19 target: each view answered in < 300 ms on loopback).
// A case holding only the remote source (BENCH_TABLE, default default.requests, at
// INQUEST_CLICKHOUSE_URL) is shown in the Charts dock; 20 views of different widths and places
// are asked for, each timed from the new visible range to the remote answer drawn (the
// controller's 15 ms coalescing included). Reference, in the same process: one
// `SELECT count()` over the whole table, the server's cheapest full pass.
//   INQUEST_CLICKHOUSE_URL=http://127.0.0.1:18123/ QT_QPA_PLATFORM=offscreen bench_remotechart
#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"

#include "model/casedocument.h"
#include "remote/remotecheck.h"
#include "remote/remotepasswords.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace inquest;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString url = qEnvironmentVariable("INQUEST_CLICKHOUSE_URL");
    const QString table = qEnvironmentVariableIsSet("BENCH_TABLE") ? qEnvironmentVariable("BENCH_TABLE")
                                                                   : QStringLiteral("default.requests");
    if (url.isEmpty()) {
        qWarning("INQUEST_CLICKHOUSE_URL is not set");
        return 2;
    }
    remote::RemoteSourceRequest request;
    request.url = QUrl(url);
    request.table = table;
    QElapsedTimer checkClock;
    checkClock.start();
    const remote::RemoteCheck check = remote::checkRemoteSource(request, 10);
    const double checkMs = double(checkClock.nsecsElapsed()) / 1e6;
    if (!check.ok()) {
        qWarning("%s", qPrintable(check.error));
        return 1;
    }
    CaseDocument doc;
    const Id id = remote::addCheckedSource(doc, check);
    remote::RemotePasswords::of(&doc)->set(id, QString());

    remote::ServerAccess access{QUrl(url), QStringLiteral("default"), QString(), 60};
    std::vector<double> reference;
    for (int i = 0; i < 5; ++i) {
        remote::ClickHouseClient client(access);
        QElapsedTimer t;
        t.start();
        client.run(QStringLiteral("SELECT count() FROM %1 FORMAT TabSeparated").arg(table), 1);
        reference.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(reference.begin(), reference.end());
    const double ref = reference[reference.size() / 2];

    ChartDock dock(&doc);
    dock.resize(1500, 900);
    dock.show();
    QSignalSpy answered(dock.controller(), &ChartController::remoteAnswered);
    while (!(dock.binsReady() && !dock.controller()->isBusy() && !answered.isEmpty()))
        QTest::qWait(5);

    const int64_t first = check.source.firstTime, last = check.source.lastTime;
    const int64_t spans[] = {300'000'000, 1'200'000'000, 3'600'000'000, 10'800'000'000};
    std::vector<double> views;
    for (int i = 0; i < 20; ++i) {
        const int64_t span = std::min<int64_t>(spans[i % 4], last - first);
        const int64_t from = first + (last - first - span) * ((i * 7) % 20) / 19;
        const qsizetype before = answered.size();
        QElapsedTimer t;
        t.start();
        dock.plot()->setVisibleRange(from, from + span);
        while (answered.size() == before || dock.controller()->isBusy()) {
            QTest::qWait(1);
            if (t.elapsed() > 30'000 ||
                (answered.size() == before && !dock.controller()->isBusy() && t.elapsed() > 200))
                break; // the view needed no new bins (inside the margin already asked)
        }
        if (answered.size() > before)
            views.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(views.begin(), views.end());
    const double median = views.empty() ? 0 : views[views.size() / 2];
    qInfo("%s: %lld rows; reference SELECT count() median %.1f ms", qPrintable(table), qlonglong(check.source.rows),
          ref);
    qInfo("the Connect dialog's check (version, sites and spans, 10 mapped rows, failures over the table): %.1f ms "
          "(%.2fx the reference)",
          checkMs, checkMs / ref);
    qInfo("chart views answered: %zu of 20; median %.1f ms (%.2fx the reference), max %.1f ms; target < 300 ms: %s",
          views.size(), median, median / ref, views.empty() ? 0 : views.back(), median < 300 ? "met" : "MISSED");
    return 0;
}
