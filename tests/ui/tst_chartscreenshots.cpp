// Screenshots of the chart on a generated 6-hour incident across 6 sites, for a person to look
// at: full span and zoomed to one minute. Skipped unless INQUEST_SCREENSHOTS names a folder;
// run under `xvfb-run -a -s '-screen 0 1600x1000x24'`.
#include "testlib/importedoutage.h"
#include "testlib/syntheticincident.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "charts/chartsitefilter.h"
#include "charts/charttracer.h"
#include "charts/chartusercurves.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

class TestChartScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set INQUEST_SCREENSHOTS to a folder to write the chart screenshots");
        QDir().mkpath(dir);
        testing::IncidentSpec spec;
        spec.sites = 6;
        spec.events = 600'000;
        CaseDocument doc;
        doc.reset(testing::makeIncident(spec));
        ChartDock dock(&doc);
        dock.resize(1600, 950);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTRY_VERIFY_WITH_TIMEOUT(dock.binsReady(), 60000);
        auto settle = [&] {
            QTest::qWait(ChartController::CoalesceMs * 3);
            QTRY_VERIFY_WITH_TIMEOUT(!dock.controller()->isBusy(), 30000);
            QTest::qWait(50);
        };
        settle();
        QVERIFY(dock.grab().save(dir + u"/chart-full.png"_qs));

        const qint64 at = doc.markers().first().begin + 30'000'000;
        dock.plot()->setVisibleRange(at - 30'000'000, at + 30'000'000);
        settle();
        const QPoint p(qRound(dock.plot()->timeAxis()->coordToPixel(double(at) / 1e6)),
                       dock.plot()->pane(ChartPlot::Traffic)->rect().center().y());
        QTest::mouseMove(dock.plot(), p);
        QTRY_VERIFY(dock.plot()->tracer()->isShown());
        QVERIFY(dock.grab().save(dir + u"/chart-minute.png"_qs));

        dock.zoomToOutage();
        settle();
        QVERIFY(dock.grab().save(dir + u"/chart-outage.png"_qs));

        // A CSV metric export beside the logs: its columns get a pane of their own.
        auto table = std::make_shared<EventTable>();
        table->numeric = {{u"cpu %"_qs, {}}, {u"load"_qs, {}}};
        const qint64 from = doc.markers().first().begin - 3600 * UsPerSecond;
        for (int i = 0; i < 480; ++i) {
            const std::size_t r =
                table->appendRow(from + qint64(i) * 15 * UsPerSecond, quint64(i) * 20, uint32_t(i + 2));
            const bool busy = i >= 240 && i < 300;
            table->numeric[0].values[r] = (busy ? 92 : 35) + (i * 7919 % 13);
            table->numeric[1].values[r] = (busy ? 11 : 3) + (i % 5) * 0.4;
        }
        edit::addSource(&doc, testing::sourceOf(table, u"/logs/db1-metrics.csv"_qs, u"csv-metrics"_qs, u"db1"_qs));
        QTRY_VERIFY_WITH_TIMEOUT(dock.binsReady() && dock.plot()->isPaneShown(ChartPlot::Metrics), 60000);
        dock.zoomToOutage();
        settle();
        QVERIFY(dock.grab().save(dir + u"/chart-metrics.png"_qs));
    }

    // An imported outage case (three shops, a vhost log, a syslog) in the main window at the
    // three window sizes people use, a mouse over a bin of the outage; then an empty case.
    void importedCaseAtThreeSizes()
    {
        const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS");
        if (dir.isEmpty())
            QSKIP("set INQUEST_SCREENSHOTS to a folder to write the chart screenshots");
        QDir().mkpath(dir);
        QCoreApplication::setOrganizationName(u"InquestScreenshots"_qs);
        QSettings().clear(); // the default dock layout
        QTemporaryDir logs;
        for (const QSize size : {QSize(1280, 800), QSize(1600, 1000), QSize(2560, 1440)}) {
            MainWindow w;
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            testing::importOutage(w.document(), logs.path());
            auto *dock = w.findChild<ChartDock *>();
            QVERIFY(dock);
            QTRY_VERIFY_WITH_TIMEOUT(dock->binsReady(), 60000);
            QTest::qWait(300); // the sources arrive one by one: the last re-bin
            QTRY_VERIFY_WITH_TIMEOUT(dock->binsReady(), 60000);
            dock->showTimeRange(testing::OutageBegin * 1'000'000, testing::OutageEnd * 1'000'000, QString());
            QTest::qWait(ChartController::CoalesceMs * 3);
            QTRY_VERIFY_WITH_TIMEOUT(!dock->controller()->isBusy(), 30000);
            ChartPlot *plot = dock->plot();
            plot->replot(QCustomPlot::rpImmediateRefresh);
            const QPoint p(qRound(plot->timeAxis()->coordToPixel(double(testing::OutageBegin + 900))),
                           plot->pane(ChartPlot::Traffic)->rect().center().y());
            QTest::mouseMove(plot, p);
            QTRY_VERIFY(plot->tracer()->isShown());
            const QString name = u"/imported-%1x%2.png"_qs.arg(size.width()).arg(size.height());
            QVERIFY(w.grab().save(dir + name));
            w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
        }
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *dock = w.findChild<ChartDock *>();
        QTRY_VERIFY(dock->emptyState()->isVisible());
        QVERIFY(w.grab().save(dir + u"/empty-1280x800.png"_qs));
    }

    // A case file (INQUEST_SCREENSHOT_CASE, e.g. what `inquest demo` writes, or a folder imported
    // with `inquest import` plus `inquest curve add` and `inquest mark add`) in the main window at
    // the three window sizes with its default layout, zoomed to the outage; then the chart alone
    // with a site hidden and a zone set.
    void caseInMainWindow()
    {
        const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS");
        const QString file = qEnvironmentVariable("INQUEST_SCREENSHOT_CASE");
        if (dir.isEmpty() || file.isEmpty())
            QSKIP("set INQUEST_SCREENSHOTS and INQUEST_SCREENSHOT_CASE to write the case screenshots");
        QCoreApplication::setOrganizationName(u"InquestScreenshots"_qs);
        for (const QSize size : {QSize(1280, 800), QSize(2560, 1440)}) {
            QSettings().clear(); // the default dock layout for this size
            MainWindow w;
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(w.controller()->open(file));
            auto *dock = w.findChild<ChartDock *>();
            QTRY_VERIFY_WITH_TIMEOUT(dock->binsReady(), 60000);
            QTest::qWait(500); // the opened case's first view is laid out (it fits all)
            QTRY_VERIFY_WITH_TIMEOUT(!dock->controller()->isBusy(), 30000);
            dock->zoomToOutage();
            QTest::qWait(300);
            QTRY_VERIFY_WITH_TIMEOUT(!dock->controller()->isBusy() && !dock->userCurves()->isBusy(), 30000);
            QTest::qWait(100);
            QVERIFY(w.grab().save(dir + u"/case-window-%1x%2.png"_qs.arg(size.width()).arg(size.height())));
        }
        QSettings().clear();
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.controller()->open(file));
        auto *dock = w.findChild<ChartDock *>();
        QVERIFY(dock);
        QTRY_VERIFY_WITH_TIMEOUT(dock->binsReady(), 60000);
        QTest::qWait(500);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->controller()->isBusy(), 30000);
        dock->zoomToOutage();
        QTest::qWait(300);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->controller()->isBusy() && !dock->userCurves()->isBusy(), 30000);
        QTest::qWait(100);
        QVERIFY(w.grab().save(dir + u"/case-window-1600x1000.png"_qs));

        dock->setFloating(true);
        dock->resize(1600, 1000);
        dock->zoomToOutage();
        dock->setDisplayTimeZone("America/New_York");
        const QStringList sites = dock->siteFilter()->sites();
        if (sites.size() > 1)
            dock->siteFilter()->setSiteVisible(sites.first(), false);
        QTest::qWait(200);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->controller()->isBusy(), 30000);
        QTest::qWait(100);
        QVERIFY(dock->grab().save(dir + u"/case-chart.png"_qs));
        w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
    }
};

QTEST_MAIN(TestChartScreenshots)
#include "tst_chartscreenshots.moc"
