// Screenshots of the chart on a generated 6-hour incident across 6 sites, for a person to look
// at: full span and zoomed to one minute. Skipped unless INQUEST_SCREENSHOTS names a folder;
// run under `xvfb-run -a -s '-screen 0 1600x1000x24'`.
#include "common/syntheticincident.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "charts/charttracer.h"
#include "model/casedocument.h"

#include <QDir>
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
    }
};

QTEST_MAIN(TestChartScreenshots)
#include "tst_chartscreenshots.moc"
