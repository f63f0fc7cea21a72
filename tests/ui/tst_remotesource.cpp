// The workbench on a ClickHouse source, against a real server (INQUEST_CLICKHOUSE_URL; label
// clickhouse, skipped and said so without it). A real access log (realdata) is imported locally
// and loaded into a two-shard table; then, as a person would: the Connect dialog tests the
// connection (version, rows, time range, a preview of mapped rows), refuses a wrong password and
// an unknown column with the case unchanged, and OK adds the source as one undo step. The chart
// of a case holding only the remote source draws the same per-site requests and failures as
// the chart of the local import, and Analyze finds the same incidents.
#include "testlib/twoshardtable.h"

#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "dialogs/clickhousedialog.h"
#include "docks/analyzepanel.h"
#include "docks/sourcesdock.h"
#include "documentcontroller.h"
#include "mainwindow.h"
#include "models/remotesourcesmodel.h"

#include "analysis/analyzejob.h"
#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/remotesourceedits.h"
#include "remote/remotecheckjob.h"
#include "remote/remotepasswords.h"
#include "remote/tableloader.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace inquest;
using namespace inquest::testing;

namespace {

bool runCheck(ClickHouseDialog &d, bool ok)
{
    QSignalSpy checked(&d, &ClickHouseDialog::checked);
    if (ok)
        d.accept();
    else
        QTest::mouseClick(d.testButton(), Qt::LeftButton);
    if (checked.isEmpty() && !checked.wait(60'000))
        return false;
    return checked.first().first().toBool();
}

} // namespace

class TstRemoteSource : public QObject
{
    Q_OBJECT
    QString m_table;
    CaseData m_local; // the same log, imported
    remote::ServerAccess m_admin;
    std::vector<std::unique_ptr<TwoShardTable>> m_shards;
    QTemporaryDir m_dir;
    CaseData m_outageLocal;
    QString m_outageTable;

    remote::QueryRun ch(const QString &sql)
    {
        remote::ClickHouseClient client(m_admin);
        return client.run(sql);
    }
    void fill(ClickHouseDialog &d, const QString &table = {})
    {
        d.field(QStringLiteral("url"))->setText(clickHouseUrl());
        d.field(QStringLiteral("table"))->setText(table.isEmpty() ? m_table : table);
        d.field(QStringLiteral("name"))->setText(QStringLiteral("blog"));
    }
    // A case holding only the remote source, as the dialog adds it.
    Id addRemote(CaseDocument &doc, const QString &table = {})
    {
        ClickHouseDialog d(&doc);
        fill(d, table);
        if (!runCheck(d, true))
            qWarning("%s", qPrintable(d.message()->text()));
        return d.addedId();
    }

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, the GUI on a remote source was NOT tested "
                  "(tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        m_admin.url = QUrl(clickHouseUrl());
        m_table = QStringLiteral("default.gui_%1").arg(QCoreApplication::applicationPid());
        createTable(m_table);
        createTable(m_table + u"_empty"_qs);
        ImportOptions o;
        o.site = QStringLiteral("blog");
        m_local = imported(QStringLiteral(INQUEST_REALDATA "/logs/elastic-examples/apache_logs"), o);
        remote::ClickHouseClient client(m_admin);
        QString error;
        QCOMPARE(remote::loadAccessEvents(m_local, client, m_table, &error), qint64(9999));

        // A log with an outage (tests/remote/gen_access_log.py, not Inquest's code), 200 minutes.
        const QString log = m_dir.filePath(QStringLiteral("outage-access.log"));
        QCOMPARE(QProcess::execute(QStringLiteral("python3"),
                                   {QStringLiteral(INQUEST_TEST_DATA "/../remote/gen_access_log.py"),
                                    QStringLiteral("60000"), log, QStringLiteral("--rate"), QStringLiteral("5")}),
                 0);
        o.site = QStringLiteral("shop");
        m_outageLocal = imported(log, o);
        m_outageTable = m_table + u"_outage"_qs;
        createTable(m_outageTable);
        QCOMPARE(remote::loadAccessEvents(m_outageLocal, client, m_outageTable, &error), qint64(60000));
    }
    void createTable(const QString &table)
    {
        QString error;
        m_shards.push_back(std::make_unique<TwoShardTable>());
        QVERIFY2(m_shards.back()->create(table.section(u'.', 1), &error), qPrintable(error));
    }
    static CaseData imported(const QString &path, const ImportOptions &o)
    {
        ImportResult r = importLogFile(path, o);
        CaseData data = CaseData::create(QStringLiteral("local"));
        if (!r.ok()) {
            qWarning("%s", qPrintable(r.error));
            return data;
        }
        r.source->id = data.nextId++;
        data.sources.append(*r.source);
        return data;
    }
    void cleanupTestCase()
    {
        m_shards.clear(); // each drops its tables
    }

    void dialogChecksPreviewsAndAdds()
    {
        CaseDocument doc;
        SourcesDock dock(&doc);
        ClickHouseDialog d(&doc);
        fill(d);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(runCheck(d, false), qPrintable(d.message()->text()));
        qInfo("Test connection answered in %lld ms", clock.elapsed());
        const QString text = d.message()->text();
        QVERIFY2(text.startsWith(u"Connected: ClickHouse "_qs), qPrintable(text));
        QVERIFY2(text.contains(u"has 9,999 rows from 2015-05-17T10:05:00Z to 2015-05-20T21:05:59Z; sites: blog"_qs),
                 qPrintable(text));
        QCOMPARE(d.preview()->rowCount(), 10);
        QVERIFY(d.preview()->item(0, 0)->text().startsWith(u"2015-05-"_qs));
        QCOMPARE(d.preview()->item(0, 1)->text(), u"blog"_qs);
        QVERIFY(doc.remoteSources().isEmpty()); // a test adds nothing
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(d.grab().save(dir + u"/clickhouse-dialog.png"_qs));

        QVERIFY(runCheck(d, true));
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(doc.remoteSources().size(), 1);
        const RemoteSource &s = doc.remoteSources().first();
        QCOMPARE(s.id, d.addedId());
        QCOMPARE(s.rows, 9999);
        QCOMPARE(s.table, m_table);
        QVERIFY(doc.data().remoteResults.size() >= 3); // version, sites and spans, preview, failures
        QVERIFY(remote::RemotePasswords::of(&doc)->knows(s.id));
        QCOMPARE(dock.remoteModel()->rowCount(), 1);
        QCOMPARE(doc.custody().last().action, u"remote add"_qs);
        QVERIFY(doc.isModified());

        // The same table with the same mapping again: refused, named.
        ClickHouseDialog again(&doc);
        fill(again);
        QVERIFY(!runCheck(again, true));
        QVERIFY2(again.message()->text().contains(u"already reads"_qs), qPrintable(again.message()->text()));
        QCOMPARE(doc.remoteSources().size(), 1);

        doc.undoStack()->undo();
        QVERIFY(doc.remoteSources().isEmpty());
        QVERIFY(doc.data().remoteResults.isEmpty());
        QCOMPARE(dock.remoteModel()->rowCount(), 0);
    }

    void badInputLeavesTheCaseUnchanged_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong password") << u"password"_qs << u"not-the-password"_qs << u"refused user \"default\""_qs;
        QTest::newRow("unknown column") << u"status"_qs << u"http_status"_qs << u"unknown column"_qs;
        QTest::newRow("unknown table") << u"table"_qs << u"default.no_such_table"_qs << u"unknown table"_qs;
        QTest::newRow("no rows") << u"table"_qs << m_table + u"_empty"_qs << u"has no rows under this mapping"_qs;
    }
    void badInputLeavesTheCaseUnchanged()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        CaseDocument doc;
        ClickHouseDialog d(&doc);
        fill(d);
        d.field(field)->setText(value);
        QVERIFY(!runCheck(d, true));
        QVERIFY2(d.message()->text().contains(message), qPrintable(d.message()->text()));
        QVERIFY(doc.remoteSources().isEmpty());
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(!doc.isModified());
    }

    void chartDrawsTheRemoteSiteAsTheLocalImport()
    {
        CaseDocument doc;
        QVERIFY(addRemote(doc) != 0);
        ChartDock dock(&doc);
        dock.resize(1400, 800);
        dock.show();
        QSignalSpy answered(dock.controller(), &ChartController::remoteAnswered);
        QTRY_VERIFY_WITH_TIMEOUT(dock.binsReady() && !dock.controller()->isBusy() && !answered.isEmpty(), 60'000);
        QVERIFY(!dock.emptyState()->isVisible());
        QVERIFY2(answered.last().at(1).toStringList().isEmpty(),
                 qPrintable(answered.last().at(1).toStringList().join(u'\n')));

        // Zoom to an hour and compare with the local import's chart of the same view.
        const int64_t from = 1431900000'000'000, to = from + 3600'000'000LL;
        dock.plot()->setVisibleRange(from, to);
        QTRY_VERIFY_WITH_TIMEOUT(!dock.controller()->isBusy() && dock.plot()->chartData().fromUs <= from &&
                                     dock.plot()->chartData().toUs >= to,
                                 60'000);
        const ChartData &shown = dock.plot()->chartData();
        const auto local = CaseBins::build(m_local.sources);
        const ChartData expected =
            buildChartData(*local, shown.widthUs, shown.fromUs, shown.toUs, {}, ResponsePercentiles::Skip);
        QCOMPARE(shown.traffic.size(), std::size_t(1));
        QCOMPARE(shown.traffic.front().name, u"blog"_qs);
        auto perBin = [](const BinnedSeries &s, int64_t a, int64_t b) {
            std::map<int64_t, double> m;
            for (std::size_t i = 0; i < s.size(); ++i) {
                if (s.start(i) >= a && s.start(i) < b && s.values[i] != 0)
                    m[s.start(i)] = s.values[i];
            }
            return m;
        };
        const auto a = perBin(shown.traffic.front().series, from, to);
        QVERIFY(a.size() > 10);
        QCOMPARE(a, perBin(expected.traffic.front().series, from, to));
        QCOMPARE(perBin(shown.failed.front().series, shown.fromUs, shown.toUs),
                 perBin(expected.failed.front().series, shown.fromUs, shown.toUs));
        QCOMPARE(perBin(shown.status4xx.series, shown.fromUs, shown.toUs),
                 perBin(expected.status4xx.series, shown.fromUs, shown.toUs));
        // Distinct clients per bin (uniqExact on the server), the clients pane's curve.
        QCOMPARE(shown.clients.size(), std::size_t(1));
        QCOMPARE(perBin(shown.clients.front().series, shown.fromUs, shown.toUs),
                 perBin(expected.clients.front().series, shown.fromUs, shown.toUs));

        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + u"/chart-remote.png"_qs));
    }

    void mainWindowAddsAndAnalyzesARemoteSource()
    {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *add = w.findChild<QAction *>(QStringLiteral("actionAddClickHouseSource"));
        QVERIFY(add);
        QVERIFY(w.menuBar()->actions().first()->menu()->actions().contains(add)); // File ▸ Add ClickHouse Source…
        QTimer::singleShot(0, this, [this] {
            auto *d = qobject_cast<ClickHouseDialog *>(QApplication::activeModalWidget());
            QVERIFY(d);
            fill(*d, m_outageTable);
            d->field(QStringLiteral("name"))->setText(QStringLiteral("shop"));
            d->accept();
        });
        add->trigger();
        QCOMPARE(w.document()->remoteSources().size(), 1);
        auto *chart = w.findChild<ChartDock *>();
        QSignalSpy answered(chart->controller(), &ChartController::remoteAnswered);
        QTRY_VERIFY_WITH_TIMEOUT(chart->binsReady() && !answered.isEmpty() && !chart->controller()->isBusy(), 60'000);
        QCOMPARE(chart->plot()->chartData().traffic.front().name, u"shop"_qs);
        double total = 0;
        for (double v : chart->plot()->chartData().traffic.front().series.values)
            total += v;
        QCOMPARE(total, 60000.0); // the whole table is in view (fit all)

        auto *panel = w.findChild<AnalyzePanel *>();
        panel->analyzeAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(panel->analyzeAction()->isEnabled(), 60'000);
        QTRY_VERIFY_WITH_TIMEOUT(!chart->controller()->isBusy(), 30'000);
        QVERIFY(w.document()->data().remoteResults.size() > 4);
        QCOMPARE(w.document()->markers().size(), 1); // the outage window, on the chart
        QCOMPARE(w.document()->markers().first().begin, runDetectors(m_outageLocal).incidents.front().begin);
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOT_DIR"); !dir.isEmpty()) {
            chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
            QVERIFY(w.grab().save(dir + u"/mainwindow-remote.png"_qs));
        }
        w.controller()->askSave = [] { return DocumentController::SaveAnswer::Discard; };
    }

    void analyzeFindsTheSameIncidents()
    {
        CaseDocument doc;
        QVERIFY(addRemote(doc, m_outageTable) != 0);
        QStringList unreachable;
        auto remotes = remote::reachableSources(&doc, &unreachable);
        QVERIFY(unreachable.isEmpty());
        QCOMPARE(remotes.size(), std::size_t(1));
        AnalyzeJob job;
        job.start(doc.data(), remotes);
        job.waitForFinished();
        QCoreApplication::processEvents();
        const auto output = job.output();
        QVERIFY2(output, qPrintable(job.error()));
        const DetectorOutput expected = runDetectors(m_outageLocal);
        QCOMPARE(expected.incidents.size(), std::size_t(1));
        QCOMPARE(output->incidents.size(), expected.incidents.size());
        QCOMPARE(output->incidents[0].begin, expected.incidents[0].begin);
        QCOMPARE(output->incidents[0].end, expected.incidents[0].end);
        QCOMPARE(output->incidents[0].affected, expected.incidents[0].affected);
        const qsizetype before = doc.data().remoteResults.size();
        QVERIFY(job.applyTo(doc));
        QVERIFY(doc.data().remoteResults.size() > before); // each remote question kept as provenance
    }
};

QTEST_MAIN(TstRemoteSource)
#include "tst_remotesource.moc"
