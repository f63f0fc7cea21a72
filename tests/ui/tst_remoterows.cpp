// A click on a bin of a remote curve shows that bin's rows under the timeline, a page at a time,
// against a real server (INQUEST_CLICKHOUSE_URL; label clickhouse, skipped and said so without
// it). A real access log (realdata) is imported locally and loaded into a two-shard table; the
// rows the workbench shows for a bin are the local import's rows of the same bin, the next page
// follows on without a gap, and "Keep queries" keeps their provenance as one undo step. Sources ▸
// Re-run remote queries asks the kept queries again and lists each answer as unchanged.
#include "testlib/twoshardtable.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "dialogs/clickhousedialog.h"
#include "dialogs/rerundialog.h"
#include "docks/sourcesdock.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "models/remoterowsmodel.h"
#include "timeline/remoterowspanel.h"
#include "timeline/timelineview.h"

#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/eventtable.h"
#include "model/httpstatus.h"
#include "model/isotime.h"
#include "remote/remotecheck.h"
#include "remote/remotepasswords.h"
#include "remote/remoterowsquery.h"
#include "remote/tableloader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace inquest;
using namespace inquest::testing;

namespace {

} // namespace

class TstRemoteRows : public QObject
{
    Q_OBJECT
    QString m_table;
    CaseData m_local;
    remote::ServerAccess m_admin;
    TwoShardTable m_shards;

    remote::QueryRun ch(const QString &sql)
    {
        remote::ClickHouseClient client(m_admin);
        return client.run(sql);
    }
    // The local import's rows in [from, to): "time client path status", sorted.
    QStringList localRows(int64_t from, int64_t to) const
    {
        QStringList rows;
        const EventTable &t = *m_local.sources.first().table;
        for (std::size_t r = 0; r < t.size(); ++r) {
            if (t.time[r] < from || t.time[r] >= to || t.status[r] == StatusNone)
                continue;
            const auto text = [&](uint32_t id) {
                const std::string_view v = t.strings.view(id);
                return QString::fromUtf8(v.data(), qsizetype(v.size()));
            };
            rows << QStringList{isoUtc(t.time[r]), text(t.client[r]), text(t.path[r]), statusText(t.status[r])}.join(
                u' ');
        }
        rows.sort();
        return rows;
    }
    static QStringList shownRows(const RemoteRowsModel &m)
    {
        QStringList rows;
        for (int r = 0; r < m.rowCount(); ++r) {
            const remote::RemoteEvent &e = m.page()->event(std::size_t(r));
            rows << QStringList{isoUtc(e.timeUs), e.client, e.path, statusText(e.status)}.join(u' ');
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, the remote rows of a bin were NOT tested "
                  "(tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        m_admin.url = QUrl(clickHouseUrl());
        m_table = QStringLiteral("default.rows_%1").arg(QCoreApplication::applicationPid());
        QString error;
        QVERIFY2(m_shards.create(m_table.section(u'.', 1), &error), qPrintable(error));
        ImportOptions o;
        o.site = QStringLiteral("blog");
        ImportResult r = importLogFile(QStringLiteral(INQUEST_REALDATA "/logs/elastic-examples/apache_logs"), o);
        QVERIFY(r.ok());
        m_local = CaseData::create(QStringLiteral("local"));
        r.source->id = m_local.nextId++;
        m_local.sources.append(*r.source);
        remote::ClickHouseClient client(m_admin);
        QCOMPARE(remote::loadAccessEvents(m_local, client, m_table, &error), qint64(9999));
    }
    void cleanupTestCase()
    {
        if (m_table.isEmpty())
            return;
        m_shards.drop();
    }

    void binClickShowsTheBinsRemoteRows()
    {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *timeline = w.findChild<TimelineView *>();
        RemoteRowsPanel *panel = timeline->remoteRows();
        QVERIFY(!panel->isVisible()); // no remote source yet
        QTimer::singleShot(0, this, [this] {
            auto *d = qobject_cast<ClickHouseDialog *>(QApplication::activeModalWidget());
            QVERIFY(d);
            d->field(QStringLiteral("url"))->setText(clickHouseUrl());
            d->field(QStringLiteral("table"))->setText(m_table);
            d->field(QStringLiteral("name"))->setText(QStringLiteral("blog"));
            d->accept();
        });
        w.findChild<QAction *>(QStringLiteral("actionAddClickHouseSource"))->trigger();
        QCOMPARE(w.document()->remoteSources().size(), 1);
        QVERIFY(panel->isVisible());
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        auto *chart = w.findChild<ChartDock *>();
        QSignalSpy drawn(chart->controller(), &ChartController::remoteAnswered);
        QTRY_VERIFY_WITH_TIMEOUT(chart->binsReady() && !drawn.isEmpty() && !chart->controller()->isBusy(), 60'000);
        const int64_t width = chart->plot()->chartData().widthUs;
        QVERIFY(width > 0);

        // A click on the remote curve's bin at 2015-05-18 15:05 UTC (the log comes in bursts at 5
        // past each hour).
        const int64_t at = 1431961500'000'000;
        const int64_t begin = at / width * width;
        // The rows of the whole case, asked when the source was added, come first: a click made
        // while they are on their way must not count their answer as the bin's.
        QTRY_VERIFY_WITH_TIMEOUT(!panel->askPending() && !panel->query()->isBusy(), 60'000);
        QSignalSpy answered(panel->query(), &remote::RemoteRowsQuery::answered);
        panel->setPageSize(20); // a bin here holds ~130 rows: pages of 20 to turn a few
        emit chart->plot()->binClicked(at + 1, 0, QStringLiteral("blog"));
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty() && !panel->askPending() && !panel->query()->isBusy(), 60'000);
        const QStringList expected = localRows(begin, begin + width);
        QVERIFY2(expected.size() > 100, qPrintable(QStringLiteral("%1 rows in a bin of %2 s from %3; %4 local rows")
                                                       .arg(expected.size())
                                                       .arg(width / 1000000)
                                                       .arg(isoUtc(begin))
                                                       .arg(m_local.sources.first().table->size())));
        const auto &page = panel->model()->page();
        QCOMPARE(page->total, qint64(expected.size()));
        QCOMPARE(panel->model()->rowCount(), 20);
        QVERIFY2(panel->statusText().startsWith(QStringLiteral("Remote rows 1\u201320 of %1").arg(expected.size())),
                 qPrintable(panel->statusText()));
        QStringList shown = shownRows(*panel->model());

        // The next page follows on; together every row of the bin, the local import's rows.
        auto *next = panel->findChild<QPushButton *>(QStringLiteral("remoteRowsNext"));
        QVERIFY(next->isEnabled());
        answered.clear();
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty() && !panel->query()->isBusy(), 60'000);
        while (panel->model()->page()->offset + panel->model()->rowCount() < page->total) {
            shown += shownRows(*panel->model());
            answered.clear();
            QTest::mouseClick(next, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty() && !panel->query()->isBusy(), 60'000);
        }
        shown += shownRows(*panel->model());
        QVERIFY(!next->isEnabled());
        shown.sort();
        QCOMPARE(shown, expected);

        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(w.grab().save(dir + u"/timeline-remote-rows.png"_qs));

        // Keep the page's queries (count and rows) as provenance: one undo step.
        const qsizetype before = w.document()->data().remoteResults.size();
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("remoteRowsKeep")), Qt::LeftButton);
        QCOMPARE(w.document()->data().remoteResults.size(), before + 2);
        QVERIFY(w.document()->data().remoteResults.last().sql.contains(u"ORDER BY t_"_qs));
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->data().remoteResults.size(), before);
        w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
    }

    void rerunFromTheSourcesDock()
    {
        CaseDocument doc;
        remote::RemoteSourceRequest request;
        request.url = QUrl(clickHouseUrl());
        request.table = m_table;
        request.name = QStringLiteral("blog");
        const remote::RemoteCheck check = remote::checkRemoteSource(request);
        QVERIFY2(check.ok(), qPrintable(check.error));
        // The user "default" has no password (as the Connect dialog would have noted it).
        remote::RemotePasswords::of(&doc)->set(remote::addCheckedSource(doc, check), QString());
        const qsizetype kept = doc.data().remoteResults.size();
        QVERIFY(kept >= 3);
        SourcesDock dock(&doc);
        dock.resize(900, 500);
        QAction *rerun = dock.rerunRemoteAction();
        QVERIFY(dock.remoteView()->actions().contains(rerun)); // the remote list's context menu
        QStringList shown;
        QTimer::singleShot(0, this, [&] {
            auto *d = qobject_cast<RerunDialog *>(QApplication::activeModalWidget());
            QVERIFY(d);
            QTRY_VERIFY_WITH_TIMEOUT(!d->isRunning(), 60'000);
            QCoreApplication::processEvents();
            for (int r = 0; r < d->results()->rowCount(); ++r)
                shown << d->results()->item(r, 3)->text();
            shown << d->statusText();
            if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty())
                d->grab().save(dir + u"/rerun-dialog.png"_qs);
            d->reject();
        });
        rerun->trigger();
        QVERIFY2(shown.size() >= 3, qPrintable(shown.join(u'\n')));
        const QString status = shown.takeLast();
        for (const QString &answer : std::as_const(shown))
            QCOMPARE(answer, u"unchanged"_qs);
        QVERIFY2(status.contains(
                     QStringLiteral("%1 queries asked again: %1 unchanged, 0 changed, 0 failed").arg(shown.size())),
                 qPrintable(status));
        // The new records beside the old ones, one undo step; custody says what was asked.
        QCOMPARE(doc.data().remoteResults.size(), kept + shown.size());
        QCOMPARE(doc.custody().last().action, u"remote rerun"_qs);
        doc.undoStack()->undo();
        QCOMPARE(doc.data().remoteResults.size(), kept);
    }

    void aFailingSourceIsNamed()
    {
        // A source whose table is gone: the panel names it, nothing is kept.
        RemoteSource gone;
        gone.id = 9;
        gone.name = QStringLiteral("gone");
        gone.url = clickHouseUrl();
        gone.table = QStringLiteral("default.no_such_table_here");
        gone.mapping = remote::ColumnMapping().toJson();
        const remote::RemoteRowsPage page =
            remote::fetchRemoteRows({{gone, m_admin}}, EventFilter(), 0, RemoteRowsPanel::DefaultPageSize);
        QCOMPARE(page.errors.size(), 1);
        QVERIFY2(page.errors.first().contains(u"remote source #9 \"gone\""_qs) &&
                     page.errors.first().contains(u"unknown table"_qs),
                 qPrintable(page.errors.first()));
        QVERIFY(page.rows.empty());
        QVERIFY(page.results().isEmpty());
    }
};

QTEST_MAIN(TstRemoteRows)
#include "tst_remoterows.moc"
