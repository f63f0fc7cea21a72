// "Show on chart" from the evidence board, through the main window's wiring: the chart zooms to
// the item's range with context and highlights it, the timeline filters to it; an item that
// rests on log lines only selects its first line in the timeline.
#include "testlib/syntheticincident.h"

#include "mainwindow.h"

#include "analysis/timelineindex.h"
#include "charts/chartdock.h"
#include "charts/chartmarks.h"
#include "charts/chartplot.h"
#include "docks/evidencedetail.h"
#include "docks/evidencedock.h"
#include "docks/evidencematrixview.h"
#include "model/casedocument.h"
#include "models/evidencemodel.h"
#include "models/timelinemodel.h"
#include "timeline/timelinefilterbar.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QTableView>
#include <QTest>

using namespace inquest;

namespace {
constexpr qint64 Minute = 60'000'000;
}

class TestShowOnChart : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    CaseData m_data;
    Id m_range = 0, m_short = 0, m_lines = 0, m_none = 0;
    qint64 m_start = 0;

    ChartDock *chart() const { return m_window->findChild<ChartDock *>(); }
    EvidenceDock *board() const { return m_window->findChild<EvidenceDock *>(); }
    TimelineView *timeline() const { return m_window->timeline(); }
    Id addEvidence(const QString &title, const Provenance &p)
    {
        Evidence e;
        e.id = m_data.nextId++;
        e.title = title;
        e.origin = QStringLiteral("manual");
        e.provenance = p;
        m_data.evidence.append(e);
        return e.id;
    }
    void select(Id id)
    {
        board()->showEvidence(id);
        QCOMPARE(board()->matrix()->currentId(), id);
    }
    void resetChart()
    {
        chart()->fitAll();
        chart()->plot()->marks()->setHighlight(0, 0);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("InquestTests"));
        QSettings().clear();
        testing::IncidentSpec spec;
        spec.sites = 2;
        spec.events = 20000;
        spec.spanUs = 2 * 60 * Minute;
        m_start = spec.startUs;
        m_data = testing::makeIncident(spec);
        Provenance range;
        range.timeBegin = m_start + 50 * Minute;
        range.timeEnd = m_start + 70 * Minute;
        range.metric = QStringLiteral("requests");
        range.site = testing::siteName(0);
        m_range = addEvidence(QStringLiteral("Twenty minutes at one site"), range);
        Provenance brief;
        brief.timeBegin = m_start + 30 * Minute;
        brief.timeEnd = m_start + 31 * Minute;
        brief.site = testing::siteName(0) + u',' + testing::siteName(1);
        m_short = addEvidence(QStringLiteral("One minute at two sites"), brief);
        Provenance lines;
        lines.sourceId = m_data.sources[1].id;
        lines.sourceSha256 = m_data.sources[1].sha256;
        lines.firstLine = 100;
        lines.lastLine = 120;
        m_lines = addEvidence(QStringLiteral("Some lines"), lines);
        m_none = addEvidence(QStringLiteral("A note"), {});

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1500, 950);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->document()->reset(m_data);
        QTRY_VERIFY_WITH_TIMEOUT(chart()->binsReady(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(timeline()->model()->rowCount() > 0, 60000);
    }

    void cleanupTestCase() { m_window.reset(); }

    void toolbarActionZoomsTheChartAndFiltersTheTimeline()
    {
        resetChart();
        select(m_range);
        QAction *action = board()->showOnChartAction();
        QVERIFY(action->isEnabled());
        action->trigger();
        // Twenty minutes: ten minutes of context either side.
        ChartPlot *plot = chart()->plot();
        QVERIFY(qAbs(plot->visibleFromUs() - (m_start + 40 * Minute)) < 1000);
        QVERIFY(qAbs(plot->visibleToUs() - (m_start + 80 * Minute)) < 1000);
        QCOMPARE(plot->marks()->highlight(), std::pair(m_start + 50 * Minute, m_start + 70 * Minute));

        const EventFilter f = timeline()->filterBar()->filter();
        QCOMPARE(f.from, m_start + 50 * Minute);
        QCOMPARE(f.to, m_start + 70 * Minute);
        QCOMPARE(f.site, testing::siteName(0));
        TimelineModel *model = timeline()->model();
        QTRY_VERIFY(model->rowCount() > 0);
        const TimelineIndex *index = model->timelineIndex();
        QVERIFY(index->timeOf(model->entryAt(0)) >= m_start + 50 * Minute);
        QVERIFY(index->timeOf(model->entryAt(model->rowCount() - 1)) < m_start + 70 * Minute);
        for (int r = 0; r < model->rowCount(); r += 97)
            QCOMPARE(index->siteOf(model->entryAt(r)), testing::siteName(0));
        QCOMPARE(timeline()->view()->currentIndex().row(), 0);
    }

    void shortRangesGetMinutesOfContext()
    {
        resetChart();
        select(m_short);
        QVERIFY(board()->showCurrentOnChart());
        ChartPlot *plot = chart()->plot();
        QVERIFY(qAbs(plot->visibleFromUs() - (m_start + 25 * Minute)) < 1000);
        QVERIFY(qAbs(plot->visibleToUs() - (m_start + 36 * Minute)) < 1000);
        QCOMPARE(timeline()->filterBar()->filter().from, m_start + 30 * Minute);
    }

    void contextMenuAndDoubleClickAndDetailLink()
    {
        QVERIFY(board()->matrix()->actions().contains(board()->showOnChartAction()));

        // A double-click on a cell that does not edit (the state) shows the item.
        resetChart();
        select(m_range);
        QTableView *matrix = board()->matrix();
        const QModelIndex state = matrix->model()->index(matrix->currentIndex().row(), EvidenceModel::State);
        const QRect cell = matrix->visualRect(state);
        QVERIFY(cell.isValid());
        // As the window system delivers it: press, release, double-click, release.
        QTest::mouseClick(matrix->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(matrix->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseRelease(matrix->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(chart()->plot()->marks()->highlight(), std::pair(m_start + 50 * Minute, m_start + 70 * Minute));

        // The link beside the provenance in the detail pane.
        resetChart();
        select(m_short);
        QLabel *link = board()->detail()->showOnChartLink();
        QVERIFY(link->isVisibleTo(board()->detail()));
        emit link->linkActivated(QStringLiteral("show"));
        QCOMPARE(chart()->plot()->marks()->highlight(), std::pair(m_start + 30 * Minute, m_start + 31 * Minute));
    }

    void linesOnlyGoToTheLinesInTheTimeline()
    {
        resetChart();
        const std::pair before{chart()->plot()->visibleFromUs(), chart()->plot()->visibleToUs()};
        select(m_lines);
        QVERIFY(board()->showOnChartAction()->isEnabled());
        board()->showOnChartAction()->trigger();
        QCOMPARE(std::pair(chart()->plot()->visibleFromUs(), chart()->plot()->visibleToUs()), before);

        const EventFilter f = timeline()->filterBar()->filter();
        QCOMPARE(f.sources, QList<Id>{m_data.sources[1].id});
        QVERIFY(f.site.isEmpty());
        const EventTable &t = *m_data.sources[1].table;
        QCOMPARE(f.from, *std::min_element(t.time.begin() + 99, t.time.begin() + 120));
        TimelineModel *model = timeline()->model();
        QTRY_VERIFY(model->rowCount() >= 21);
        const QModelIndex current = timeline()->view()->currentIndex();
        QVERIFY(current.isValid());
        const uint64_t entry = model->entryAt(current.row());
        QCOMPARE(model->timelineIndex()->sourceOf(entry).id, m_data.sources[1].id);
        QCOMPARE(t.line[timeline::rowOf(entry)], 100u);

        // Asked again after the person moved on, it goes back to the same line.
        timeline()->view()->setCurrentIndex(model->index(model->rowCount() - 1, 0));
        board()->showOnChartAction()->trigger();
        QCOMPARE(t.line[timeline::rowOf(model->entryAt(timeline()->view()->currentIndex().row()))], 100u);
    }

    void itemsWithoutRangeOrLinesCannotBeShown()
    {
        select(m_none);
        QVERIFY(!board()->showOnChartAction()->isEnabled());
        QVERIFY(!board()->detail()->showOnChartLink()->isVisibleTo(board()->detail()));
        QVERIFY(!board()->showCurrentOnChart());
    }
};

QTEST_MAIN(TestShowOnChart)
#include "tst_showonchart.moc"
