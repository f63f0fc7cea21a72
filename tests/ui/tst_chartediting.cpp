// Editing the case from the chart: dragging outage windows, choosing the sites drawn and the
// display zone, each kept in the case (undoable, saved, shown again on reopen).
#include "testlib/syntheticincident.h"

#include "casefile/casefile.h"
#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartmarks.h"
#include "charts/chartmeasurepanes.h"
#include "charts/chartplot.h"
#include "charts/chartsitefilter.h"
#include "model/casedocument.h"
#include "model/markeredits.h"
#include "model/viewedits.h"

#include <QComboBox>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace inquest;

class TestChartEditing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CaseDocument> m_doc;
    std::unique_ptr<ChartDock> m_dock;

    static testing::IncidentSpec spec()
    {
        testing::IncidentSpec spec;
        spec.sites = 3;
        spec.events = 30000;
        spec.spanUs = qint64(2) * 3600 * 1'000'000;
        return spec;
    }
    ChartPlot *plot() const { return m_dock->plot(); }
    int xOf(qint64 us) const { return qRound(plot()->timeAxis()->coordToPixel(double(us) / 1e6)); }
    qint64 usAt(int x) const { return std::llround(plot()->timeAxis()->pixelToCoord(x) * 1e6); }
    qint64 usPerPixel() const
    {
        return (plot()->visibleToUs() - plot()->visibleFromUs()) / plot()->pane(ChartPlot::Traffic)->width() + 1;
    }
    int paneY(ChartPlot::Pane pane) const { return plot()->pane(pane)->rect().center().y(); }
    const Marker &outage() const { return m_doc->markers().first(); }

    void openDock()
    {
        m_dock = std::make_unique<ChartDock>(m_doc.get());
        m_dock->resize(1400, 900);
        m_dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_dock->binsReady(), 60000);
        settle();
    }
    void settle()
    {
        QTest::qWait(ChartController::CoalesceMs * 3);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dock->controller()->isBusy(), 30000);
        plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    void drag(QPoint from, QPoint to)
    {
        QTest::mousePress(plot(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(plot(), (from + to) / 2);
        QTest::mouseMove(plot(), to);
        QTest::mouseRelease(plot(), Qt::LeftButton, Qt::NoModifier, to);
    }
    // Saves the case, opens it again into a new document and dock.
    void reopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"case.inquest"_qs);
        QString error;
        QVERIFY2(casefile::save(*m_doc, path, &error), qPrintable(error));
        m_dock.reset();
        m_doc = std::make_unique<CaseDocument>();
        QVERIFY2(casefile::open(*m_doc, path, &error), qPrintable(error));
        openDock();
    }
    QStringList drawnSites() const
    {
        QStringList names;
        for (const NamedSeries &s : plot()->chartData().traffic)
            names.append(s.name);
        return names;
    }
    QAction *siteAction(const QString &site) const
    {
        for (QAction *a : m_dock->siteFilter()->menu()->actions()) {
            if (a->isCheckable() && a->data().toString() == site)
                return a;
        }
        return nullptr;
    }

private slots:
    void init()
    {
        m_doc = std::make_unique<CaseDocument>();
        m_doc->reset(testing::makeIncident(spec()));
        QVERIFY(outage().kind == MarkerKind::Outage);
        openDock();
        m_dock->zoomToOutage();
        settle();
    }

    void cleanup()
    {
        m_dock.reset();
        m_doc.reset();
    }

    void dragAnEdgeIsOneUndoStep()
    {
        const Marker before = outage();
        const int steps = m_doc->undoStack()->count();
        const QPoint edge(xOf(before.end), paneY(ChartPlot::Clients));
        QTest::mouseMove(plot(), edge);
        // The move reaches the plot through the window system (QCursor::setPos): wait for it.
        QTRY_COMPARE(plot()->cursor().shape(), Qt::SizeHorCursor);
        QTest::mouseMove(plot(), edge - QPoint(60, 0));
        QTRY_VERIFY(plot()->cursor().shape() != Qt::SizeHorCursor);

        const QPoint to = edge + QPoint(80, 0);
        drag(edge, to);
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        QVERIFY(m_doc->isModified());
        QCOMPARE(outage().begin, before.begin);
        QVERIFY2(std::abs(outage().end - usAt(to.x())) <= usPerPixel(),
                 qPrintable(u"%1 vs %2"_qs.arg(outage().end).arg(usAt(to.x()))));
        // The chart draws the new span.
        QCOMPARE(plot()->marks()->markerAt(QPoint(to.x() - 2, paneY(ChartPlot::Errors))), before.id);

        // A second drag of the same edge is a step of its own.
        const qint64 afterFirst = outage().end;
        drag(QPoint(xOf(afterFirst), paneY(ChartPlot::Errors)), QPoint(xOf(afterFirst) + 30, paneY(ChartPlot::Errors)));
        QCOMPARE(m_doc->undoStack()->count(), steps + 2);
        m_doc->undoStack()->undo();
        QCOMPARE(outage().end, afterFirst);
        m_doc->undoStack()->undo();
        QCOMPARE(outage().end, before.end);
        QCOMPARE(outage().begin, before.begin);
        QVERIFY(!m_doc->isModified());
        m_doc->undoStack()->redo();
        QCOMPARE(outage().end, afterFirst);
    }

    void theBeginEdgeNeverPassesTheEnd()
    {
        const Marker before = outage();
        const QPoint edge(xOf(before.begin), paneY(ChartPlot::Errors));
        drag(edge, QPoint(xOf(before.end) + 150, edge.y()));
        QVERIFY(outage().begin < outage().end);
        QCOMPARE(outage().end, before.end);
        QVERIFY(outage().end - outage().begin >= UsPerSecond);
        m_doc->undoStack()->undo();
        QCOMPARE(outage().begin, before.begin);
    }

    void dragTheLabelMovesTheWindow()
    {
        const Marker before = outage();
        QCPItemText *label = nullptr;
        const auto &marks = plot()->marks()->marks();
        for (int i = 0; i < marks.size(); ++i) {
            if (marks[i].kind == ChartMarks::Mark::Outage)
                label = plot()->marks()->labels().value(i);
        }
        QVERIFY(label && label->visible());
        const QPoint grip =
            QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition()).center().toPoint();
        QTest::mouseMove(plot(), grip);
        QTRY_COMPARE(plot()->cursor().shape(), Qt::OpenHandCursor);
        const qint64 from = plot()->visibleFromUs();
        drag(grip, grip + QPoint(-70, 0));
        QCOMPARE(plot()->visibleFromUs(), from); // not a pan
        QCOMPARE(outage().end - outage().begin, before.end - before.begin);
        QVERIFY(std::abs((before.begin - outage().begin) - (usAt(grip.x()) - usAt(grip.x() - 70))) <= 1);
        m_doc->undoStack()->undo();
        QVERIFY(outage() == before);
    }

    void aDraggedWindowIsSaved()
    {
        const QPoint edge(xOf(outage().end), paneY(ChartPlot::Clients));
        drag(edge, edge + QPoint(50, 0));
        const Marker moved = outage();
        reopen();
        QVERIFY(outage() == moved);
    }

    void sitesCanBeHiddenAndTheChoiceIsSaved()
    {
        // The web sites are offered; the hosts of the syslog source are no sites to pick, and
        // their severity lane stays whatever sites are hidden.
        const QStringList all = m_dock->siteFilter()->sites();
        const QStringList web = drawnSites();
        QCOMPARE(web.size(), 3);
        QCOMPARE(all, web);
        QCOMPARE(m_dock->siteFilter()->text(), u"Sites: all"_qs);
        auto syslogEvents = [this] {
            double sum = 0;
            for (const NamedSeries &s : plot()->chartData().severity)
                for (double v : s.series.values)
                    sum += v;
            return sum;
        };
        const double syslogShown = syslogEvents();
        QVERIFY(syslogShown > 0);
        QAction *second = siteAction(web[1]);
        QVERIFY(second && second->isChecked());
        second->trigger();
        settle();
        QCOMPARE(drawnSites(), (QStringList{web[0], web[2]}));
        QCOMPARE(syslogEvents(), syslogShown);
        QCOMPARE(int(plot()->chartData().clients.size()), 2);
        QCOMPARE(plot()->legend->itemCount(), 3); // the hidden site's entry stays, greyed, to bring it back
        QCOMPARE(chartHiddenSites(m_doc->meta()), QStringList{web[1]});
        QCOMPARE(m_dock->siteFilter()->text(), u"Sites: %1 of %2"_qs.arg(all.size() - 1).arg(all.size()));
        QVERIFY(m_doc->isModified());
        // The errors pane sums the sites drawn only.
        auto errors = [this] {
            double sum = 0;
            for (double v : plot()->chartData().status4xx.series.values)
                sum += v;
            return sum;
        };
        const double without = errors();
        m_doc->undoStack()->undo();
        settle();
        QCOMPARE(drawnSites(), web);
        QVERIFY(errors() > without);
        m_doc->undoStack()->redo();
        settle();
        QCOMPARE(drawnSites().size(), 2);

        // The last site drawn cannot be hidden.
        for (const QString &site : all)
            m_dock->siteFilter()->setSiteVisible(site, false);
        settle();
        const QStringList left = m_dock->siteFilter()->visibleSites();
        QCOMPARE(left.size(), 1);
        QVERIFY(!siteAction(left[0])->isEnabled());
        QVERIFY(siteAction(web[0])->isEnabled() && !siteAction(web[0])->isChecked());

        reopen();
        QCOMPARE(m_dock->siteFilter()->visibleSites(), left);
        QCOMPARE(m_dock->siteFilter()->text(), u"Sites: 1 of %1"_qs.arg(all.size()));
        QVERIFY(!siteAction(web[0])->isChecked());
        QCOMPARE(drawnSites(), web.contains(left[0]) ? left : QStringList());
        m_dock->siteFilter()->menu()->findChild<QAction *>(u"showAllSites"_qs)->trigger();
        settle();
        QCOMPARE(drawnSites(), web);
        QVERIFY(m_doc->meta().viewSettings.isEmpty());
    }

    void aClickOnTheLegendSolosItsSite()
    {
        QCOMPARE(plot()->legend->itemCount(), 3);
        QCPAbstractLegendItem *item = plot()->legend->item(1);
        const QString site = qobject_cast<QCPPlottableLegendItem *>(item)->plottable()->name();
        QTest::mouseClick(plot(), Qt::LeftButton, Qt::NoModifier, item->outerRect().center());
        settle();
        QCOMPARE(drawnSites(), QStringList{site});
    }

    void siteColoursStayWhenOthersAreHidden()
    {
        const QStringList web = drawnSites();
        auto trafficPen = [this](const QString &site) {
            QCPAxis *traffic = plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft);
            for (int i = 0; i < plot()->graphCount(); ++i) {
                QCPGraph *g = plot()->QCustomPlot::graph(i);
                if (g->valueAxis() == traffic && g->name() == site && !g->data()->isEmpty())
                    return g->pen().color();
            }
            return QColor();
        };
        const QColor third = trafficPen(web[2]);
        QVERIFY(third.isValid());
        siteAction(web[0])->trigger();
        settle();
        QCOMPARE(drawnSites(), (QStringList{web[1], web[2]}));
        QCOMPARE(trafficPen(web[2]), third);
    }

    void theDisplayZoneIsTheCases()
    {
        QCOMPARE(plot()->timeZone(), QTimeZone::utc());
        auto *combo = m_dock->findChild<QComboBox *>(u"zoneCombo"_qs);
        QVERIFY(combo);
        const int berlin = combo->findData(QByteArray("Europe/Berlin"));
        QVERIFY(berlin > 0);
        combo->setCurrentIndex(berlin);
        emit combo->activated(berlin); // what a person's choice emits
        QCOMPARE(m_doc->meta().displayTimeZone, u"Europe/Berlin"_qs);
        QCOMPARE(plot()->timeZone(), QTimeZone("Europe/Berlin"));
        QVERIFY(m_doc->isModified());
        QVERIFY(plot()->timeAxisLabel().contains(u"Europe/Berlin"_qs));

        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->meta().displayTimeZone, u"UTC"_qs);
        QCOMPARE(plot()->timeZone(), QTimeZone::utc());
        QCOMPARE(combo->currentData().toByteArray(), QByteArray("UTC"));
        m_doc->undoStack()->redo();
        QCOMPARE(combo->currentData().toByteArray(), QByteArray("Europe/Berlin"));

        reopen();
        QCOMPARE(m_doc->meta().displayTimeZone, u"Europe/Berlin"_qs);
        QCOMPARE(plot()->timeZone(), QTimeZone("Europe/Berlin"));
        combo = m_dock->findChild<QComboBox *>(u"zoneCombo"_qs);
        QCOMPARE(combo->currentData().toByteArray(), QByteArray("Europe/Berlin"));
        QVERIFY(!m_doc->isModified()); // showing the case's zone is no edit

        // "Local" is kept as the system's zone id, which a report or another machine understands.
        m_dock->setDisplayTimeZone("local");
        QCOMPARE(m_doc->meta().displayTimeZone, QString::fromUtf8(QTimeZone::systemTimeZoneId()));
        // A zone the case names but this machine does not know is shown as UTC and left alone.
        m_doc->reset([&] {
            CaseData d = m_doc->data();
            d.meta.displayTimeZone = u"Nowhere/Atlantis"_qs;
            return d;
        }());
        QCOMPARE(plot()->timeZone(), QTimeZone::utc());
        QCOMPARE(m_doc->meta().displayTimeZone, u"Nowhere/Atlantis"_qs);
    }

    void responseTimesHaveAPane()
    {
        // Every site of the generated incident records response times.
        QVERIFY(plot()->isPaneShown(ChartPlot::Response));
        QVERIFY(!plot()->isPaneShown(ChartPlot::Metrics));
        const ChartData &d = plot()->chartData();
        QCOMPARE(int(d.response.size()), 9); // p50, p95, p99 of three sites
        QVERIFY(d.response[1].series.metric == MetricKey(Metric::ResponseP95));
        const BinnedSeries &p50 = d.response[0].series, &p99 = d.response[2].series;
        int compared = 0;
        for (std::size_t i = 0; i < p50.size(); ++i) {
            if (!std::isnan(p50.values[i])) {
                QVERIFY(p99.values[i] >= p50.values[i]);
                ++compared;
            }
        }
        QVERIFY(compared > 10);
        // Hidden sites leave this pane too.
        siteAction(drawnSites()[0])->trigger();
        settle();
        QCOMPARE(int(plot()->chartData().response.size()), 6);

        // A case without response times has no such pane.
        CaseData data = testing::makeIncident(spec());
        for (Source &s : data.sources) {
            // A fresh table nobody else holds yet: made const only by the Source's pointer type.
            auto &table = const_cast<EventTable &>(*s.table);
            std::fill(table.responseUs.begin(), table.responseUs.end(), NoResponseTime);
        }
        m_doc->reset(data);
        QTRY_VERIFY_WITH_TIMEOUT(m_dock->binsReady(), 60000);
        settle();
        QVERIFY(plot()->chartData().response.empty());
        QVERIFY(!plot()->isPaneShown(ChartPlot::Response));
        QVERIFY(plot()->isPaneShown(ChartPlot::Traffic) && plot()->isPaneShown(ChartPlot::Syslog));
    }

    void csvMetricColumnsHaveAPane()
    {
        auto table = std::make_shared<EventTable>();
        const qint64 begin = outage().begin - 1800 * UsPerSecond;
        table->numeric = {{u"cpu"_qs, {}}, {u"load"_qs, {}}};
        for (int i = 0; i < 120; ++i) {
            const std::size_t r =
                table->appendRow(begin + qint64(i) * 30 * UsPerSecond, quint64(i) * 20, uint32_t(i + 2));
            table->numeric[0].values[r] = i < 60 ? 20 : 95;
            table->numeric[1].values[r] = i % 7;
        }
        edit::addSource(m_doc.get(), testing::sourceOf(table, u"/logs/metrics.csv"_qs, u"csv-metrics"_qs, u"db1"_qs));
        QTRY_VERIFY_WITH_TIMEOUT(m_dock->binsReady() && plot()->isPaneShown(ChartPlot::Metrics), 60000);
        settle();
        const ChartData &d = plot()->chartData();
        QCOMPARE(int(d.metrics.size()), 2);
        QCOMPARE(d.metrics[0].name, u"cpu"_qs);
        QCOMPARE(plot()->measurePanes()->metricsLegend()->itemCount(), 2);
        QVERIFY(plot()->measurePanes()->metricsLegend()->visible());
        // Mean per bin: the cpu column steps from 20 to 95 at the half-way row.
        double lo = 1e9, hi = -1e9;
        for (double v : d.metrics[0].series.values) {
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        QCOMPARE(lo, 20.0);
        QCOMPARE(hi, 95.0);
        QVERIFY(m_dock->visibleCsv().section(u'\n', 0, 0).contains(u"cpu"_qs));

        m_doc->undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(m_dock->binsReady() && !plot()->isPaneShown(ChartPlot::Metrics), 60000);
        QVERIFY(!plot()->measurePanes()->metricsLegend()->visible());
    }
};

QTEST_MAIN(TestChartEditing)
#include "tst_chartediting.moc"
