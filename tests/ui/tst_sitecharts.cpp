// Errors per site and a chart that stays readable, on a case imported from access logs and a
// syslog (testlib/importedoutage.h): failures drawn per site in the site's colour, the bin
// tooltip's per-site 4xx/5xx/no response (counted here from the files themselves), a legend
// click that solos a site and Ctrl+click that toggles it, a Sites menu that stays open while
// several are ticked, an empty case's empty state, panes that leave rather than shrink below a
// readable height, axis titles that fit their panes, mark labels clear of the pane caption and
// a value axis that does not blow one error up into a full-height spike.
#include "testlib/importedoutage.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartmarks.h"
#include "charts/chartpanelayout.h"
#include "charts/chartplot.h"
#include "charts/chartsitefilter.h"
#include "charts/charttracer.h"

#include "model/viewedits.h"

#include <QLabel>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace inquest;

namespace {

// Counts what a person would count with grep: the lines of `path` in [fromS, toS) by status.
struct Counted
{
    int requests = 0, c4xx = 0, c5xx = 0, none = 0;
};

Counted countLines(const QString &path, qint64 fromS, qint64 toS)
{
    Counted c;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return c;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine());
        const auto open = line.indexOf(u'['), close = line.indexOf(u']');
        QDateTime t = QLocale::c().toDateTime(line.mid(open + 1, 20), QStringLiteral("dd/MMM/yyyy:HH:mm:ss"));
        t.setTimeZone(QTimeZone::utc());
        const qint64 s = t.toSecsSinceEpoch();
        if (s < fromS || s >= toS)
            continue;
        const QString status = line.mid(line.indexOf(u'"', line.indexOf(u'"', close) + 1) + 2, 3);
        ++c.requests;
        c.c4xx += status.startsWith(u'4');
        c.c5xx += status.startsWith(u'5');
        c.none += status == u"000";
    }
    return c;
}

double sum(const BinnedSeries &s)
{
    double total = 0;
    for (double v : s.values)
        total += std::isnan(v) ? 0 : v;
    return total;
}

} // namespace

class TestSiteCharts : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseDocument> m_doc;
    std::unique_ptr<ChartDock> m_dock;
    testing::ImportedOutage m_outage;

    ChartPlot *plot() const { return m_dock->plot(); }
    void settle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_dock->binsReady(), 30000);
        QTest::qWait(ChartController::CoalesceMs * 3);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dock->controller()->isBusy(), 30000);
        plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    QStringList drawnSites() const
    {
        QStringList names;
        for (const NamedSeries &s : plot()->chartData().traffic)
            names.append(s.name);
        return names;
    }
    QCPAbstractLegendItem *legendItem(const QString &site) const
    {
        for (int i = 0; i < plot()->legend->itemCount(); ++i) {
            auto *item = qobject_cast<QCPPlottableLegendItem *>(plot()->legend->item(i));
            if (item && item->plottable()->name() == site)
                return item;
        }
        return nullptr;
    }
    QAction *siteAction(const QString &site) const
    {
        for (QAction *a : m_dock->siteFilter()->menu()->actions()) {
            if (a->isCheckable() && a->data().toString() == site)
                return a;
        }
        return nullptr;
    }
    // Every pane shown is at least its readable height, and its rotated axis title fits it.
    void checkPaneGeometry(const QString &context)
    {
        int shown = 0;
        for (int p = 0; p < ChartPlot::PaneCount; ++p) {
            if (!plot()->isPaneShown(ChartPlot::Pane(p)))
                continue;
            ++shown;
            QCPAxisRect *rect = plot()->pane(ChartPlot::Pane(p));
            QVERIFY2(rect->height() >= ChartPaneLayout::MinimumHeight[std::size_t(p)],
                     qPrintable(u"%1: pane %2 is %3 px"_qs.arg(context).arg(p).arg(rect->height())));
            for (QCPAxis *axis : {rect->axis(QCPAxis::atLeft), rect->axis(QCPAxis::atRight)}) {
                if (!axis->visible())
                    continue;
                const QFontMetrics fm(axis->labelFont());
                for (const QString &line : axis->label().split(u'\n'))
                    QVERIFY2(fm.horizontalAdvance(line) <= rect->outerRect().height(),
                             qPrintable(u"%1: title '%2' overprints pane %3"_qs.arg(context, line).arg(p)));
            }
        }
        QVERIFY(shown >= 1);
        // The legend is never cut: it gets the height it asks for, inside the plot.
        QVERIFY2(plot()->legend->outerRect().height() >= plot()->legend->minimumOuterSizeHint().height(),
                 qPrintable(u"%1: legend %2 of %3 px, plot %4"_qs.arg(context)
                                .arg(plot()->legend->outerRect().height())
                                .arg(plot()->legend->minimumOuterSizeHint().height())
                                .arg(plot()->height())));
        QVERIFY(plot()->rect().contains(plot()->legend->outerRect()));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_doc = std::make_unique<CaseDocument>();
        m_outage = testing::importOutage(m_doc.get(), m_dir->path());
        m_dock = std::make_unique<ChartDock>(m_doc.get());
        m_dock->resize(1400, 900);
        m_dock->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
        settle();
        m_dock->fitAll();
        settle();
    }
    void cleanup()
    {
        m_dock.reset();
        m_doc.reset();
        m_dir.reset();
    }

    void failuresAreDrawnPerSite()
    {
        const ChartData &data = plot()->chartData();
        QStringList sites = drawnSites();
        sites.sort();
        QCOMPARE(sites, (QStringList{u"www.shop.co.uk"_qs, u"www.shop.com"_qs, u"www.shop.de"_qs, u"www.shop.es"_qs,
                                     u"www.shop.it"_qs}));
        QCOMPARE(data.failed.size(), data.traffic.size());
        for (const NamedSeries &f : data.failed) {
            if (!m_outage.written.contains(f.name))
                continue;
            const testing::Written w = m_outage.written[f.name];
            QCOMPARE(sum(f.series), double(w.failed503 + w.noResponse));
        }
        // The control site has no failures; the affected ones do; each curve in its site's colour.
        for (std::size_t i = 0; i < data.failed.size(); ++i) {
            if (data.failed[i].name == u"www.shop.com")
                QCOMPARE(sum(data.failed[i].series), 0.0);
        }
        QCPAxis *errorsAxis = plot()->pane(ChartPlot::Errors)->axis(QCPAxis::atLeft);
        int perSite = 0;
        for (int i = 0; i < plot()->graphCount(); ++i) {
            QCPGraph *g = plot()->QCustomPlot::graph(i);
            if (g->valueAxis() != errorsAxis || !sites.contains(g->name()))
                continue;
            ++perSite;
            QCOMPARE(g->pen().color(),
                     qobject_cast<QCPPlottableLegendItem *>(legendItem(g->name()))->plottable()->pen().color());
        }
        QCOMPARE(perSite, 5);
    }

    void theTooltipGivesEachSitesErrors()
    {
        // Ten minutes inside the outage, at one-minute bins.
        const qint64 from = testing::OutageBegin + 600, to = from + 600;
        plot()->setVisibleRange(from * 1'000'000, to * 1'000'000);
        settle();
        const ChartData &data = plot()->chartData();
        QVERIFY(data.widthUs >= 1'000'000 && data.widthUs <= 60'000'000);
        const double key = double(from + 245);
        const QPoint at(qRound(plot()->timeAxis()->coordToPixel(key)),
                        plot()->pane(ChartPlot::Traffic)->rect().center().y());
        QTest::mouseMove(plot(), at);
        QTRY_VERIFY(plot()->tracer()->isShown());
        const QString text = plot()->tracer()->text();
        const qint64 keyUs = qint64(plot()->timeAxis()->pixelToCoord(at.x()) * 1e6);
        const qint64 binS = keyUs / data.widthUs * data.widthUs / 1'000'000;
        for (const QString &site : m_outage.files.keys()) {
            const Counted c = countLines(m_outage.files[site], binS, binS + data.widthUs / 1'000'000);
            const QString line = u"%1: %2 req"_qs.arg(site).arg(c.requests);
            const auto lineAt = text.indexOf(line);
            QVERIFY2(lineAt >= 0, qPrintable(text));
            const QString rest = text.mid(lineAt, text.indexOf(u'\n', lineAt) - lineAt);
            QVERIFY2(rest.contains(u"4xx %1 · 5xx %2 · no response %3"_qs.arg(c.c4xx).arg(c.c5xx).arg(c.none)),
                     qPrintable(rest));
        }
    }

    void aLegendClickSolosASiteAndCtrlClickTogglesIt()
    {
        const QStringList all = m_dock->siteFilter()->sites();
        QCOMPARE(all.size(), 5);
        const QString uk = u"www.shop.co.uk"_qs, de = u"www.shop.de"_qs;
        QTest::mouseClick(plot(), Qt::LeftButton, Qt::NoModifier, legendItem(uk)->outerRect().center());
        settle();
        QCOMPARE(drawnSites(), QStringList{uk});
        // Every site keeps its legend entry, so a hidden one can be brought back from there.
        QCOMPARE(plot()->legend->itemCount(), 5);
        QVERIFY(legendItem(de));
        QTest::mouseClick(plot(), Qt::LeftButton, Qt::ControlModifier, legendItem(de)->outerRect().center());
        settle();
        const QStringList two = drawnSites();
        QCOMPARE(QSet<QString>(two.begin(), two.end()), (QSet<QString>{uk, de}));
        QTest::mouseClick(plot(), Qt::LeftButton, Qt::ControlModifier, legendItem(uk)->outerRect().center());
        settle();
        QCOMPARE(drawnSites(), QStringList{de});
        // Ctrl+click on the last site drawn changes nothing: an empty chart explains nothing.
        QTest::mouseClick(plot(), Qt::LeftButton, Qt::ControlModifier, legendItem(de)->outerRect().center());
        settle();
        QCOMPARE(drawnSites(), QStringList{de});
        // A click on the one site drawn brings them all back.
        QTest::mouseClick(plot(), Qt::LeftButton, Qt::NoModifier, legendItem(de)->outerRect().center());
        settle();
        QCOMPARE(drawnSites().size(), 5);
        QVERIFY(chartHiddenSites(m_doc->meta()).isEmpty());
    }

    void theSitesMenuStaysOpenWhileSitesAreTicked()
    {
        QMenu *menu = m_dock->siteFilter()->menu();
        const QString uk = u"www.shop.co.uk"_qs, com = u"www.shop.com"_qs;
        bool stayedOpen = false;
        QTimer::singleShot(100, this, [&] {
            for (const QString &site : {uk, com}) {
                QAction *a = siteAction(site);
                QTest::mouseClick(menu, Qt::LeftButton, Qt::NoModifier, menu->actionGeometry(a).center());
                QTest::qWait(20);
            }
            stayedOpen = menu->isVisible();
            // The keyboard ticks too: Space on the active entry.
            menu->setActiveAction(siteAction(com));
            QTest::keyClick(menu, Qt::Key_Space);
            QTest::qWait(20);
            stayedOpen = stayedOpen && menu->isVisible();
            menu->close();
        });
        m_dock->siteFilter()->showMenu();
        QVERIFY(stayedOpen);
        QCOMPARE(chartHiddenSites(m_doc->meta()), QStringList{uk});
        settle();
        QVERIFY(!drawnSites().contains(uk));
        QVERIFY(drawnSites().contains(com));
    }

    void anEmptyCaseSaysWhatToDo()
    {
        CaseDocument empty;
        ChartDock dock(&empty);
        dock.resize(1000, 600);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTRY_VERIFY(dock.binsReady());
        QTRY_VERIFY(dock.emptyState()->isVisible());
        QVERIFY(!dock.plot()->isVisible());
        QVERIFY(dock.emptyState()->text().contains(u"No events yet"_qs));
        QVERIFY(dock.emptyState()->text().contains(u"Import"_qs));
        // Importing a log brings the chart.
        QVERIFY(testing::importInto(&empty, m_outage.files.first()));
        QTRY_VERIFY_WITH_TIMEOUT(dock.plot()->isVisible(), 30000);
        QVERIFY(!dock.emptyState()->isVisible());
    }

    void panesLeaveRatherThanShrink()
    {
        for (int height : {1000, 900, 600, 420, 300}) {
            m_dock->resize(1400, height);
            // The window system answers a resize when it will (under load, later): wait for it.
            QTRY_COMPARE(m_dock->size(), QSize(1400, height));
            settle();
            if (height <= 300) // the clients pane leaves first
                QTRY_VERIFY(!plot()->isPaneShown(ChartPlot::Clients));
            checkPaneGeometry(u"height %1"_qs.arg(height));
            const QString note = plot()->collapsedNote()->text();
            if (height >= 900) {
                for (auto p : {ChartPlot::Traffic, ChartPlot::Errors, ChartPlot::Clients, ChartPlot::Syslog})
                    QVERIFY2(plot()->isPaneShown(p), qPrintable(u"pane %1 at %2"_qs.arg(p).arg(height)));
                QVERIFY(note.isEmpty());
            } else if (height <= 300) {
                // The chart says which panes left.
                QVERIFY2(note.contains(u"Clients"_qs), qPrintable(note));
            }
            QVERIFY(plot()->isPaneShown(ChartPlot::Traffic));
        }
        // Taller again: every pane comes back.
        m_dock->resize(1400, 1000);
        QTRY_COMPARE(m_dock->size(), QSize(1400, 1000));
        settle();
        QVERIFY(plot()->isPaneShown(ChartPlot::Clients) && plot()->isPaneShown(ChartPlot::Syslog));
        QVERIFY(plot()->timeAxis(ChartPlot::Syslog)->tickLabels());
    }

    void markLabelsKeepClearOfThePaneCaption()
    {
        // Statements across the view, the last ones right under the caption at the top right.
        QList<ChartMarks::Mark> marks;
        const qint64 from = plot()->visibleFromUs(), span = plot()->visibleToUs() - from;
        for (int i = 0; i < 12; ++i)
            marks.append({ChartMarks::Mark::Statement,
                          Id(i + 1),
                          from + span * (40 + i * 5) / 100,
                          from + span * (40 + i * 5) / 100,
                          u"Spokesperson %1"_qs.arg(i),
                          {}});
        plot()->marks()->setMarks(marks);
        plot()->replot(QCustomPlot::rpImmediateRefresh);
        const QCPItemText *caption = plot()->caption(ChartPlot::Traffic);
        const QRectF captionRect(caption->topLeft->pixelPosition(), caption->bottomRight->pixelPosition());
        int shown = 0;
        for (QCPItemText *label : plot()->marks()->labels()) {
            if (!label || !label->visible())
                continue;
            ++shown;
            const QRectF r(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition());
            QVERIFY2(!r.intersects(captionRect), qPrintable(label->text()));
        }
        QVERIFY(shown >= 4);
    }

    void oneRangeIsShadedOnce()
    {
        // The outage and the evidence resting on the same minutes: one fill over the range (the
        // outage's), so the failures drawn in it stay readable however many items cite it.
        const qint64 from = testing::OutageBegin * 1'000'000, to = testing::OutageEnd * 1'000'000;
        QList<ChartMarks::Mark> marks;
        marks.append({ChartMarks::Mark::Evidence, 1, from, to, u"Errors at normal traffic"_qs, {}});
        marks.append({ChartMarks::Mark::Outage, 2, from, to, u"Outage"_qs, {}});
        for (int i = 3; i < 8; ++i)
            marks.append({ChartMarks::Mark::Evidence, Id(i), from, to, u"Evidence %1"_qs.arg(i), {}});
        marks.append({ChartMarks::Mark::Finding, 9, from - 600'000'000, to, u"Hardware faults"_qs, {}});
        plot()->marks()->setMarks(marks);
        int filled = 0, outlines = 0;
        QCPAxisRect *errors = plot()->pane(ChartPlot::Errors);
        for (int i = 0; i < plot()->itemCount(); ++i) {
            auto *r = qobject_cast<QCPItemRect *>(plot()->item(i));
            if (!r || r->clipAxisRect() != errors)
                continue;
            ++outlines;
            if (r->brush().style() != Qt::NoBrush) {
                ++filled;
                // The outage's red, or the finding over its own, longer range.
                QVERIFY(r->brush().color().red() > r->brush().color().green());
            }
        }
        QCOMPARE(outlines, 8);
        QCOMPARE(filled, 2);
    }

    void oneErrorIsNoFullHeightSpike()
    {
        // Failures are scaled against the traffic: at least a tenth of its axis.
        QCPAxis *traffic = plot()->pane(ChartPlot::Traffic)->axis(QCPAxis::atLeft);
        QCPAxis *errors = plot()->pane(ChartPlot::Errors)->axis(QCPAxis::atLeft);
        QVERIFY(errors->range().upper >= traffic->range().upper / 10);

        // The hand-written vhost log alone: www.shop.it has one 503 in a bin.
        CaseDocument small;
        QVERIFY(testing::importInto(&small, QStringLiteral(INQUEST_TEST_DATA "/sites/shops/other_vhosts_access.log")));
        ChartDock dock(&small);
        dock.resize(1000, 700);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTRY_VERIFY(dock.binsReady());
        QTRY_VERIFY(!dock.controller()->isBusy());
        dock.fitAll();
        QTest::qWait(ChartController::CoalesceMs * 3);
        QTRY_VERIFY(!dock.controller()->isBusy());
        double most = 0;
        for (const NamedSeries &f : dock.plot()->chartData().failed)
            for (double v : f.series.values)
                most = qMax(most, v);
        QCOMPARE(most, 1.0);
        // One failure reaches a fifth of the pane at most, not its top.
        QVERIFY(dock.plot()->pane(ChartPlot::Errors)->axis(QCPAxis::atLeft)->range().upper >= 5);
    }
};

QTEST_MAIN(TestSiteCharts)
#include "tst_sitecharts.moc"
