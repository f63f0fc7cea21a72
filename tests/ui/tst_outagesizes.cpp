// The workbench as an analyst leaves it after a first look at an imported outage (three shops, a
// vhost log, a syslog: testlib/importedoutage.h): failures per site, a curve of their own ("503 on
// www.shop.de") and a starred event, at the three window sizes people use — 1280×800, 1600×1000
// and 2560×1440, each a first start. At each: the legend names every site and the curve and is
// not cut, the curve reads on its own axis, the mark's label sits in the traffic pane at its
// time, every pane the case has is shown at its readable height and its caption fits. With
// INQUEST_SCREENSHOTS set, writes outage-WxH.png for a person to look at.
#include "testlib/importedoutage.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartpanelayout.h"
#include "charts/chartplot.h"
#include "charts/chartusercurves.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "model/curveedits.h"
#include "model/eventmarkedits.h"
#include "timeline/timelineview.h"

#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

namespace {

// A 503 of www.shop.de ten minutes into the outage: the event an analyst stars.
EventMark starredFailure(const CaseDocument &doc)
{
    for (const Source &s : doc.sources()) {
        if (!s.path.endsWith(QStringLiteral("www.shop.de-access.log")))
            continue;
        const EventTable &t = *s.table;
        for (std::size_t r = 0; r < t.size(); ++r) {
            if (t.status[r] == 503 && t.time[r] >= (testing::OutageBegin + 600) * 1'000'000) {
                EventMark m = eventMarkFor(s, r);
                m.starred = true;
                m.tags = QStringList{QStringLiteral("first-503")};
                m.comment = QStringLiteral("checkout fails");
                return m;
            }
        }
    }
    return {};
}

QStringList legendNames(const QCPLegend *legend)
{
    QStringList names;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)))
            names.append(item->plottable()->name());
    }
    return names;
}

} // namespace

class TestOutageSizes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_logs;

private slots:
    void initTestCase() { QCoreApplication::setOrganizationName(QStringLiteral("InquestOutageSizes")); }

    void readableAtEverySize_data()
    {
        QTest::addColumn<QSize>("size");
        for (const QSize s : {QSize(1280, 800), QSize(1600, 1000), QSize(2560, 1440)})
            QTest::newRow(qPrintable(QStringLiteral("%1x%2").arg(s.width()).arg(s.height()))) << s;
    }

    void readableAtEverySize()
    {
        QFETCH(QSize, size);
        QSettings().clear(); // a first start: the docks laid out for this size
        MainWindow w;
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        CaseDocument *doc = w.document();
        testing::importOutage(doc, m_logs.path());
        CurveSpec curve;
        curve.name = QStringLiteral("503 on www.shop.de");
        curve.filter = QStringLiteral("site:www.shop.de status:503");
        curve.colour = QStringLiteral("#7b3294");
        edit::addCurve(doc, curve);
        const EventMark mark = starredFailure(*doc);
        QVERIFY(mark.sourceId);
        edit::setEventMarks(doc, {mark}, QStringLiteral("Star"));

        auto *dock = w.findChild<ChartDock *>();
        ChartPlot *plot = dock->plot();
        auto settle = [&] {
            QTest::qWait(ChartController::CoalesceMs * 3);
            QTRY_VERIFY_WITH_TIMEOUT(
                dock->binsReady() && !dock->controller()->isBusy() && !dock->userCurves()->isBusy(), 60000);
            QTest::qWait(50);
            plot->replot(QCustomPlot::rpImmediateRefresh);
        };
        settle();
        dock->showTimeRange(testing::OutageBegin * 1'000'000, testing::OutageEnd * 1'000'000, QString());
        settle();
        QCOMPARE(w.size(), size);

        // The legend: every site of the case and the analyst's curve, none cut off.
        const QStringList names = legendNames(plot->legend);
        for (const char *site : {"www.shop.co.uk", "www.shop.de", "www.shop.com"})
            QVERIFY2(names.contains(QLatin1StringView(site)), qPrintable(names.join(u", ")));
        QCOMPARE(dock->userCurves()->plottables().size(), 1);
        QCPAbstractPlottable *drawn = dock->userCurves()->plottables().front();
        QVERIFY2(names.contains(drawn->name()), qPrintable(names.join(u", ")));
        QVERIFY(plot->legend->outerRect().height() >= plot->legend->minimumOuterSizeHint().height());
        QVERIFY(plot->viewport().contains(plot->legend->outerRect()));
        // The curve on its own axis, shown and titled, with the 503s of www.shop.de on it.
        QVERIFY(drawn->valueAxis()->visible());
        QVERIFY(drawn->valueAxis()->label().startsWith(QStringLiteral("events")));
        bool found = false;
        QVERIFY(drawn->getValueRange(found, QCP::sdBoth, plot->timeAxis()->range()).upper > 0 && found);

        // Failures per site: a curve for each affected shop with failures in the outage; none
        // for the control shop.
        QStringList failing;
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph *g = plot->QCustomPlot::graph(i);
            if (g->valueAxis() != plot->pane(ChartPlot::Errors)->axis(QCPAxis::atLeft) ||
                !g->name().startsWith(u"www."))
                continue;
            bool any = false;
            if (g->getValueRange(any, QCP::sdBoth, plot->timeAxis()->range()).upper > 0 && any)
                failing.append(g->name());
        }
        QVERIFY2(failing.contains(u"www.shop.co.uk"_qs) && failing.contains(u"www.shop.de"_qs),
                 qPrintable(failing.join(u", ")));
        QVERIFY2(!failing.contains(u"www.shop.com"_qs), qPrintable(failing.join(u", ")));

        // The mark: its label in the traffic pane at the event's time, with its tag.
        QCOMPARE(dock->userCurves()->markItems().size(), 1);
        QCPItemText *label = dock->userCurves()->markItems().front();
        QVERIFY(label->visible());
        QVERIFY2(label->text().startsWith(QStringLiteral("★ first-503")), qPrintable(label->text()));
        const QPointF at = label->position->pixelPosition();
        QVERIFY(plot->pane(ChartPlot::Traffic)->rect().contains(at.toPoint()));
        QCOMPARE(qRound(at.x()), qRound(plot->timeAxis()->coordToPixel(double(mark.time) / 1e6)));

        // Every pane the case has, at its readable height, its caption inside it.
        for (const ChartPlot::Pane p : {ChartPlot::Traffic, ChartPlot::Errors, ChartPlot::Clients, ChartPlot::Syslog}) {
            const QString name = ChartPaneLayout::name(p);
            QVERIFY2(plot->isPaneShown(p), qPrintable(name + QStringLiteral(" hidden")));
            QVERIFY2(plot->pane(p)->height() >= ChartPaneLayout::MinimumHeight[std::size_t(p)],
                     qPrintable(name + QStringLiteral(": %1 px").arg(plot->pane(p)->height())));
            const QRectF caption(plot->caption(p)->topLeft->pixelPosition(),
                                 plot->caption(p)->bottomRight->pixelPosition());
            QVERIFY2(plot->pane(p)->rect().contains(caption.toAlignedRect()), qPrintable(name));
        }
        QVERIFY(!plot->collapsedNote()->visible());

        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            const QString file = QStringLiteral("/outage-%1x%2.png").arg(size.width()).arg(size.height());
            QVERIFY(w.grab().save(dir + file));
        }
        // The timeline shows enough log lines to read around a bin clicked on the chart: ten
        // at 1600×1000 and above, six on a 1280×800 laptop.
        QTableView *lines = w.timeline()->view();
        const int rows = lines->viewport()->height() / lines->verticalHeader()->defaultSectionSize();
        QString layout;
        for (QDockWidget *d : w.findChildren<QDockWidget *>())
            layout += QStringLiteral("; %1 %2x%3").arg(d->objectName()).arg(d->width()).arg(d->height());
        QVERIFY2(rows >= (size.height() >= 1000 ? 10 : 6),
                 qPrintable(QStringLiteral("%1 rows in %2 px; timeline %3 px%4")
                                .arg(rows)
                                .arg(lines->viewport()->height())
                                .arg(w.timeline()->height())
                                .arg(layout)));

        w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
    }
};

QTEST_MAIN(TestOutageSizes)
#include "tst_outagesizes.moc"
