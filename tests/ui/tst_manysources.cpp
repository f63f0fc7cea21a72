// Thousands of sources at once (a folder of rotated logs, one file per host and hour): the main
// window takes them as one undoable import and rebuilds its views once, not once per source.
#include "mainwindow.h"

#include "charts/chartdock.h"
#include "timeline/timelineview.h"

#include "analysis/timelinecontroller.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "models/timelinemodel.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace inquest;

namespace {

Source smallSource(int n, int rows)
{
    auto table = std::make_shared<EventTable>();
    const int64_t start = 1292187600000000LL; // 2010-12-12 21:00 UTC
    for (int r = 0; r < rows; ++r) {
        const auto row =
            table->appendRow(start + int64_t(n) * 7'000'000 + r * 60'000'000LL, uint64_t(r) * 90, uint32_t(r + 1));
        table->status[row] = r % 10 ? 200 : 503;
        table->client[row] = table->strings.intern(std::to_string(n % 200) + ".0.0." + std::to_string(r));
        table->host[row] = table->strings.intern(n % 2 ? "shop.example" : "news.example");
    }
    Source s;
    s.path = QStringLiteral("/logs/host%1/access-%2.log").arg(n % 50).arg(n, 5, 10, QLatin1Char('0'));
    s.format = QStringLiteral("combined");
    s.lines = s.events = rows;
    s.size = rows * 90;
    s.firstTime = table->minTime();
    s.lastTime = table->maxTime();
    s.table = table;
    return s;
}

} // namespace

class TestManySources : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
    }

    void aFolderOfSmallLogsIsOneImport()
    {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *timeline = w.findChild<TimelineView *>();
        auto *chart = w.findChild<ChartDock *>();
        QVERIFY(timeline && chart);
        QSignalSpy rebuilt(timeline->controller(), &TimelineController::updated);

        const int sources = 5000, rows = 20;
        std::vector<Source> prepared;
        for (int i = 0; i < sources; ++i)
            prepared.push_back(smallSource(i, rows));
        CaseDocument *doc = w.document();
        QElapsedTimer timer;
        timer.start();
        doc->undoStack()->beginMacro(QStringLiteral("Import 5000 files"));
        for (Source &s : prepared)
            edit::addSource(doc, std::move(s));
        doc->undoStack()->endMacro();
        const qint64 addMs = timer.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(timeline->model()->rowCount(), sources * rows, 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(chart->binsReady(), 60'000);
        qInfo("%d sources added in %lld ms; timeline and chart ready after %lld ms", sources, addMs, timer.elapsed());
        // One rebuild for the whole import (a filter pass may follow it), not one per source.
        QVERIFY2(rebuilt.size() <= 2, qPrintable(QString::number(rebuilt.size())));

        rebuilt.clear();
        doc->undoStack()->undo();
        QCOMPARE(doc->sources().size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(timeline->model()->rowCount(), 0, 60'000);
        QVERIFY2(rebuilt.size() <= 2, qPrintable(QString::number(rebuilt.size())));
    }
};

QTEST_MAIN(TestManySources)
#include "tst_manysources.moc"
