// The main window with a generated multi-source case: checks what a person would see (no
// clipped headers or times, rows in order), saves a screenshot when INQUEST_LOOK_PNG is set,
// and prints timings for merging, filtering and jumping around. INQUEST_LOOK_EVENTS sets the
// size (default 60,000; run the release build with 5000000 for the big figures).

#include "mainwindow.h"

#include "models/timelinemodel.h"
#include "timeline/timelinefilterbar.h"
#include "timeline/timelineview.h"

#include "analysis/timelinecontroller.h"
#include "model/casedocument.h"

#include "scenario/volumetable.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <random>

using namespace inquest;

class TestTimelineLook : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("inquest-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_timelinelook"));
        m_events = qEnvironmentVariableIsSet("INQUEST_LOOK_EVENTS")
                       ? std::size_t(qEnvironmentVariable("INQUEST_LOOK_EVENTS").toLongLong())
                       : 60'000;
    }

    void looksRightAndStaysResponsive()
    {
        CaseData data = CaseData::create(QStringLiteral("Generated outage"));
        static const char *names[] = {"access.log", "access-eu.log.gz", "api_access.log",
                                      "elb.log",    "syslog",           "error.log"};
        for (int s = 0; s < 6; ++s) {
            scenario::VolumeSpec g;
            g.rows = m_events / 6;
            g.meanGapUs = int64_t(3'600'000'000 / int64_t(g.rows)); // an hour of traffic
            g.syslog = s >= 4;
            g.hosts = s == 3 ? 3 : 1;
            g.seed = uint32_t(s + 1);
            Source src;
            src.id = data.nextId++;
            src.path = QStringLiteral("/var/log/generated/") + QLatin1StringView(names[s]);
            src.site =
                s < 2 ? QStringLiteral("www.shop.example") : (s == 2 ? QStringLiteral("api.shop.example") : QString());
            src.table = scenario::volumeTable(g);
            src.events = src.lines = qint64(src.table->size());
            data.sources.append(src);
        }
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TimelineView *timeline = window.timeline();
        TimelineController *controller = timeline->controller();
        QSignalSpy updated(controller, &TimelineController::updated);

        QElapsedTimer clock;
        clock.start();
        window.document()->reset(std::move(data));
        QTRY_VERIFY_WITH_TIMEOUT(!controller->isBusy() && !updated.isEmpty(), 120'000);
        const qint64 buildMs = clock.elapsed();
        QTableView *view = timeline->view();
        TimelineModel *model = timeline->model();
        QCOMPARE(std::size_t(model->rowCount()), (m_events / 6) * 6);

        // Nothing clipped: every header and a full time stamp fit their columns.
        QHeaderView *header = view->horizontalHeader();
        const QFontMetrics fm = header->fontMetrics();
        for (int c = 0; c < TimelineModel::ColumnCount - 1; ++c) {
            const QString title = model->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(c) >= fm.horizontalAdvance(title) + 8, qPrintable(title));
        }
        QVERIFY(header->sectionSize(TimelineModel::Time) >=
                view->fontMetrics().horizontalAdvance(model->index(0, 0).data().toString()) + 8);
        QCOMPARE(header->sectionResizeMode(0), QHeaderView::Interactive);
        QCOMPARE(view->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);

        view->setCurrentIndex(model->index(model->rowCount() / 3, TimelineModel::Time));
        view->scrollTo(view->currentIndex(), QAbstractItemView::PositionAtCenter);
        QTest::qWait(200); // the raw-line panel settles
        if (qEnvironmentVariableIsSet("INQUEST_LOOK_PNG"))
            QVERIFY(window.grab().save(qEnvironmentVariable("INQUEST_LOOK_PNG")));

        // Jumping to random rows, with a full repaint each time, as a person dragging the bar.
        std::mt19937 rng(7);
        double worstMs = 0, totalMs = 0;
        const int jumps = 200;
        for (int i = 0; i < jumps; ++i) {
            const int row = int(rng() % uint32_t(model->rowCount()));
            QElapsedTimer t;
            t.start();
            view->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
            view->viewport()->repaint();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            worstMs = std::max(worstMs, ms);
            totalMs += ms;
        }

        // Typing a filter into the bar until its rows are shown.
        // A text filter, timed from handing it over until its rows are there.
        auto *text = timeline->findChild<QLineEdit *>(QStringLiteral("timelineFilterText"));
        text->setText(QStringLiteral("loic"));
        updated.clear();
        clock.restart();
        controller->setFilter(timeline->filterBar()->filter());
        if (updated.isEmpty())
            QVERIFY(updated.wait(60'000));
        const qint64 filterMs = clock.elapsed();
        QVERIFY(model->rowCount() > 0 && std::size_t(model->rowCount()) < m_events);
        for (int r = 0; r < std::min(model->rowCount(), 50); ++r)
            QCOMPARE(model->index(r, TimelineModel::Client).data(Qt::ToolTipRole).toString(),
                     QStringLiteral("LOIC/1.0 flood"));

        qInfo("events %zu: merge+show %lld ms; %d random jumps: mean %.2f ms, worst %.2f ms per jump with "
              "repaint; "
              "text filter shown after %lld ms (%d rows)",
              m_events, buildMs, jumps, totalMs / jumps, worstMs, filterMs, model->rowCount());
    }

private:
    std::size_t m_events = 0;
};

QTEST_MAIN(TestTimelineLook)
#include "tst_timelinelook.moc"
