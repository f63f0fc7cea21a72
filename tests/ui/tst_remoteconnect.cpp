// File ▸ Add ClickHouse Source… without a ClickHouse server: a server that is not there, one that
// refuses the password (HTTP 401 without a challenge), one that goes silent (the time limit), a
// mapping with an empty field and a URL that is no HTTP interface each give a clear message in
// the dialog, and the case is unchanged (no source, nothing on the undo stack, not modified).
// The password typed is never in the case's data.
#include "charts/chartcontroller.h"
#include "charts/chartdock.h"
#include "charts/chartplot.h"
#include "charts/charttracer.h"
#include "dialogs/clickhousedialog.h"
#include "docks/sourcesdock.h"
#include "models/remotesourcesmodel.h"

#include "ingest/importer.h"
#include "model/casedocument.h"
#include "model/remotesourceedits.h"
#include "model/sites.h"
#include "remote/remotechartquery.h"
#include "remote/remotecheckjob.h"
#include "remote/remotepasswords.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <qcustomplot.h>

using namespace inquest;

namespace {

// Answers every request with `response` (raw HTTP; empty: reads and stays silent), except the
// chart's response-time query (RemoteSql::chartResponse, with its groupArrayIf), which gets
// `responseTimes` (default: no rows, a table that logs none).
class FakeServer : public QTcpServer
{
public:
    QByteArray response;
    QByteArray responseTimes = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    int requests = 0;
    int kills = 0;
    FakeServer()
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray in = s->readAll();
                    if (!in.startsWith("POST"))
                        return;
                    ++requests;
                    if (in.contains("KILL QUERY") && ++kills)
                        s->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                    else if (!response.isEmpty())
                        s->write(in.contains("groupArrayIf") ? responseTimes : response);
                });
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/").arg(serverPort()); }
};

QString closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return QStringLiteral("http://127.0.0.1:%1/").arg(probe.serverPort());
}

void fill(ClickHouseDialog &d, const QString &url, const QString &table = QStringLiteral("logs.requests"))
{
    d.field(QStringLiteral("url"))->setText(url);
    d.field(QStringLiteral("table"))->setText(table);
    d.field(QStringLiteral("password"))->setText(QStringLiteral("pa55-not-kept"));
}

// Runs the check by the button, or OK, and waits for its verdict.
bool run(ClickHouseDialog &d, bool ok)
{
    QSignalSpy checked(&d, &ClickHouseDialog::checked);
    if (ok)
        d.accept();
    else
        QTest::mouseClick(d.testButton(), Qt::LeftButton);
    if (checked.isEmpty() && !checked.wait(30'000))
        return false;
    return checked.first().first().toBool();
}

// A chart query's reply (RemoteSql::chartBins: site, bin, requests, 4xx, 5xx, no response,
// distinct clients): `site` with 10 requests from 4 clients and 3 5xx in every bin a view can have.
QByteArray chartReply(const QByteArray &site)
{
    QByteArray body;
    for (int b = 0; b < 8000; ++b)
        body += site + '\t' + QByteArray::number(b) + "\t10\t0\t3\t0\t4\n";
    return "HTTP/1.1 200 OK\r\nContent-Type: text/tab-separated-values\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QStringList legendNames(const ChartPlot *plot)
{
    QStringList names;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(plot->legend->item(i)))
            names.append(item->plottable()->name());
    }
    return names;
}

// The remote source of the chart tests: 21:00–21:06 on 12 December 2010 (the hand-written log's
// time), password asked and given empty.
RemoteSource chartSource(const FakeServer &server)
{
    RemoteSource s;
    s.name = QStringLiteral("shop");
    s.url = server.url();
    s.table = QStringLiteral("logs.requests");
    s.mapping = remote::ColumnMapping().toJson();
    s.firstTime = 1292187600'000'000;
    s.lastTime = 1292187960'000'000;
    return s;
}

void verifyUnchanged(const CaseDocument &doc)
{
    QVERIFY(doc.remoteSources().isEmpty());
    QVERIFY(doc.data().remoteResults.isEmpty());
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(!doc.isModified());
}

} // namespace

class TstRemoteConnect : public QObject
{
    Q_OBJECT

private slots:
    void unreachableServer()
    {
        CaseDocument doc;
        ClickHouseDialog d(&doc);
        const QString url = closedPort();
        fill(d, url);
        QVERIFY(!run(d, false));
        QVERIFY2(d.message()->text().contains(u"Check failed: cannot reach the ClickHouse server at "_qs + url),
                 qPrintable(d.message()->text()));
        QCOMPARE(d.preview()->rowCount(), 0);
        QVERIFY(d.testButton()->isEnabled());
        // OK runs the same check: refused, the dialog stays open, nothing added.
        QVERIFY(!run(d, true));
        QVERIFY2(d.message()->text().startsWith(u"Not added: cannot reach"_qs), qPrintable(d.message()->text()));
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QCOMPARE(d.addedId(), Id(0));
        verifyUnchanged(doc);
    }

    void wrongPassword()
    {
        FakeServer server;
        const QByteArray body = "Code: 193, e.displayText() = DB::Exception: Wrong password for user default";
        server.response = "HTTP/1.1 401 Unauthorized\r\nContent-Length: " + QByteArray::number(body.size()) +
                          "\r\nX-ClickHouse-Server-Display-Name: fake\r\n\r\n" + body;
        CaseDocument doc;
        ClickHouseDialog d(&doc);
        fill(d, server.url());
        QVERIFY(!run(d, true));
        QVERIFY2(d.message()->text().contains(u"refused user \"default\": wrong user or password"_qs),
                 qPrintable(d.message()->text()));
        QVERIFY(server.requests >= 1);
        verifyUnchanged(doc);
    }

    void silentServerHitsTheTimeLimit()
    {
        FakeServer server; // never answers
        CaseDocument doc;
        ClickHouseDialog d(&doc);
        fill(d, server.url());
        d.findChild<QSpinBox *>(QStringLiteral("timeout"))->setValue(1);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!run(d, false));
        QVERIFY2(d.message()->text().contains(u"gave no complete answer within 1 s; the query was stopped"_qs),
                 qPrintable(d.message()->text()));
        QVERIFY(clock.elapsed() < 15'000);
        verifyUnchanged(doc);
    }

    void badFormNeedsNoServer_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty status") << u"http://127.0.0.1:1/"_qs << u"a.b"_qs << u"status"_qs << QString()
                                      << u"Column mapping: field \"status\" needs an expression"_qs;
        QTest::newRow("not http") << u"ftp://127.0.0.1/"_qs << u"a.b"_qs << u"time"_qs << u"time"_qs
                                  << u"the server's HTTP interface is wanted"_qs;
        QTest::newRow("password in the URL") << u"http://u:p@127.0.0.1:1/"_qs << u"a.b"_qs << u"time"_qs << u"time"_qs
                                             << u"put no user or password in the URL"_qs;
        QTest::newRow("bad table") << u"http://127.0.0.1:1/"_qs << u"x; DROP"_qs << u"time"_qs << u"time"_qs
                                   << u"the table wants DB.TABLE"_qs;
    }
    void badFormNeedsNoServer()
    {
        QFETCH(QString, url);
        QFETCH(QString, table);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        CaseDocument doc;
        ClickHouseDialog d(&doc);
        fill(d, url, table);
        d.field(field)->setText(value);
        QVERIFY(!run(d, true));
        QVERIFY2(d.message()->text().contains(message), qPrintable(d.message()->text()));
        verifyUnchanged(doc);
    }

    void mappingFieldsStartAtTheCliDefaults()
    {
        CaseDocument doc;
        ClickHouseDialog d(&doc);
        QString error;
        const auto r = d.request(&error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->mapping, remote::ColumnMapping());
        d.field(QStringLiteral("status"))->setText(QStringLiteral("toUInt16(attrs['code'])"));
        QCOMPARE(d.request(&error)->mapping.status, u"toUInt16(attrs['code'])"_qs);
    }

    void sourcesDockListsRemoteSourcesAndUndoes()
    {
        CaseDocument doc;
        SourcesDock dock(&doc);
        QAbstractItemModelTester tester(dock.remoteModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        RemoteSource s;
        s.name = QStringLiteral("shop");
        s.url = QStringLiteral("http://127.0.0.1:18123/");
        s.table = QStringLiteral("default.requests");
        s.user = QStringLiteral("analyst");
        s.rows = 1'000'000;
        s.firstTime = 1292140800'000'000;
        s.lastTime = 1292160800'000'000;
        RemoteResult r;
        r.sql = QStringLiteral("SELECT 1");
        const Id id = edit::addRemoteSource(&doc, s, {r});
        QCOMPARE(dock.remoteModel()->rowCount(), 1);
        QCOMPARE(doc.data().remoteResults.size(), 1);
        QCOMPARE(doc.data().remoteResults.first().sourceId, id);
        QCOMPARE(dock.remoteModel()->data(dock.remoteModel()->index(0, RemoteSourcesModel::Name)).toString(),
                 u"shop"_qs);
        QCOMPARE(dock.remoteModel()->data(dock.remoteModel()->index(0, RemoteSourcesModel::Rows)).toLongLong(),
                 1'000'000);
        QVERIFY(dock.remoteModel()
                    ->data(dock.remoteModel()->index(0, RemoteSourcesModel::Span))
                    .toString()
                    .startsWith(u"2010-12-12"_qs));
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(dock.remoteModel()->rowCount(), 0);
        QVERIFY(doc.data().remoteResults.isEmpty());
        doc.undoStack()->redo();
        QCOMPARE(dock.remoteModel()->rowCount(), 1);
        QCOMPARE(doc.remoteSources().first().id, id);
        dock.remoteView()->selectRow(0);
        QVERIFY(dock.removeRemoteAction()->isEnabled());
        dock.removeRemoteAction()->trigger();
        QVERIFY(doc.remoteSources().isEmpty());
        doc.undoStack()->undo();
        QCOMPARE(doc.remoteSources().size(), 1);
    }

    void newerViewCancelsTheOlderQuery()
    {
        FakeServer server; // never answers a query: each one runs until it is cancelled
        RemoteSource s;
        s.id = 3;
        s.name = QStringLiteral("shop");
        s.url = server.url();
        s.table = QStringLiteral("logs.requests");
        s.mapping = remote::ColumnMapping().toJson();
        remote::RemoteChartQuery query;
        query.setSources({{s, remote::ServerAccess{QUrl(server.url()), QStringLiteral("default"), {}, 30}}});
        QSignalSpy answered(&query, &remote::RemoteChartQuery::answered);
        const remote::ChartViewKey older{60'000'000, 0, 3600'000'000, {}};
        const remote::ChartViewKey newer{300'000'000, 0, 7200'000'000, {}};
        query.ask(older);
        QTRY_COMPARE(server.requests, 1);
        query.ask(newer);
        QVERIFY(query.isBusy());
        // The older query is killed on the server, then the newer one is asked.
        QTRY_COMPARE_WITH_TIMEOUT(server.kills, 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 3, 10'000); // query, KILL, the newer query
        QVERIFY(answered.isEmpty());
        QVERIFY(!query.latest());
        query.cancel(); // the newer one too (its KILL is answered by this thread's fake server)
        QTRY_VERIFY_WITH_TIMEOUT(!query.isBusy(), 10'000);
        QCOMPARE(server.kills, 2);
        QVERIFY(answered.isEmpty());
    }

    void openedCaseWithAnUnreachableSourceStillCharts()
    {
        // A case whose remote source's server is gone: the password is asked once, the chart
        // says which source it lacks, and the case is not changed by it.
        CaseDocument doc;
        RemoteSource s;
        s.name = QStringLiteral("shop");
        s.url = closedPort();
        s.table = QStringLiteral("logs.requests");
        s.mapping = remote::ColumnMapping().toJson();
        s.firstTime = 1292140800'000'000;
        s.lastTime = 1292144400'000'000;
        CaseData data = CaseData::create(QStringLiteral("remote"));
        s.id = data.nextId++;
        data.remoteSources.append(s);
        int asked = 0;
        remote::RemotePasswords::setAsker([&asked](const RemoteSource &, const QString &) {
            ++asked;
            return std::optional<QString>(QString());
        });
        doc.reset(data, QString());
        ChartDock dock(&doc);
        QSignalSpy status(&dock, &ChartDock::statusMessage);
        dock.show();
        QSignalSpy answered(dock.controller(), &ChartController::remoteAnswered);
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 30'000);
        QCOMPARE(asked, 1);
        const QStringList errors = answered.last().at(1).toStringList();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(
            errors.first().contains(u"remote source #%1 \"shop\": cannot reach the ClickHouse server"_qs.arg(s.id)),
            qPrintable(errors.first()));
        QVERIFY(!status.isEmpty());
        QVERIFY(status.last().first().toString().startsWith(u"Chart without remote source"_qs));
        QVERIFY(!dock.emptyState()->isVisible()); // the chart is there, for the time the source covers
        QVERIFY(!doc.isModified());
        remote::RemotePasswords::setAsker({});
    }

    // A case of one remote source: its traffic, failures and clients, and no Syslog lane standing
    // empty (a remote table has no system log); the chart does not call it hidden for lack of
    // height either.
    void remoteOnlyChartShowsThePanesItHasDataFor()
    {
        FakeServer server;
        server.response = chartReply("www.shop.de");
        CaseData data = CaseData::create(QStringLiteral("remote"));
        RemoteSource s = chartSource(server);
        s.id = data.nextId++;
        data.remoteSources.append(s);
        remote::RemotePasswords::setAsker(
            [](const RemoteSource &, const QString &) { return std::optional(QString()); });
        CaseDocument doc;
        doc.reset(data, QString());
        ChartDock dock(&doc);
        dock.resize(1400, 800);
        QSignalSpy answered(dock.controller(), &ChartController::remoteAnswered);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!dock.controller()->isBusy(), 30'000);
        QVERIFY2(answered.last().at(1).toStringList().isEmpty(),
                 qPrintable(answered.last().at(1).toStringList().join(u"; ")));
        ChartPlot *plot = dock.plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY2(legendNames(plot).contains(u"www.shop.de"_qs), qPrintable(legendNames(plot).join(u", ")));
        QVERIFY(plot->isPaneShown(ChartPlot::Traffic));
        QVERIFY(plot->isPaneShown(ChartPlot::Errors));
        QVERIFY(plot->isPaneShown(ChartPlot::Clients)); // distinct clients per bin, asked of the server
        QVERIFY(!plot->isPaneShown(ChartPlot::Syslog));
        QVERIFY(!plot->collapsedNote()->visible());
        // The time axis's labels are on the lowest pane left.
        QVERIFY(plot->timeAxis(ChartPlot::Clients)->tickLabels());
        QVERIFY(!plot->timeAxis(ChartPlot::Errors)->tickLabels());
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + QStringLiteral("/remote-only-chart.png")));
        remote::RemotePasswords::setAsker({});
    }

    // A site renamed in the case (Sources ▸ Rename site, `inquest sites --rename`) is renamed in
    // the remote source's curves too: a local log and a remote table of www.shop.de draw one
    // curve before the rename and one, "Shop DE", after it — legend and bin tooltip alike.
    void siteRenamesApplyToRemoteSites()
    {
        FakeServer server;
        server.response = chartReply("www.shop.de");
        const ImportResult local =
            importLogFile(QStringLiteral(INQUEST_TEST_DATA "/curves/www.shop.de-access.log"), {});
        QVERIFY2(local.ok(), qPrintable(local.error));
        CaseData data = CaseData::create(QStringLiteral("local and remote"));
        Source log = *local.source;
        log.id = data.nextId++;
        data.sources.append(log);
        RemoteSource s = chartSource(server);
        s.id = data.nextId++;
        data.remoteSources.append(s);
        remote::RemotePasswords::setAsker(
            [](const RemoteSource &, const QString &) { return std::optional(QString()); });
        CaseDocument doc;
        doc.reset(data, QString());
        ChartDock dock(&doc);
        dock.resize(1400, 800);
        QSignalSpy answered(dock.controller(), &ChartController::remoteAnswered);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        ChartPlot *plot = dock.plot();
        auto settle = [&] {
            QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 30'000);
            QTRY_VERIFY_WITH_TIMEOUT(dock.binsReady() && !dock.controller()->isBusy(), 30'000);
            plot->replot(QCustomPlot::rpImmediateRefresh);
        };
        settle();
        QCOMPARE(legendNames(plot).filter(u"shop"_qs), QStringList{u"www.shop.de"_qs});

        answered.clear();
        edit::renameSite(&doc, QStringLiteral("www.shop.de"), QStringLiteral("Shop DE"));
        settle();
        QCOMPARE(legendNames(plot).filter(u"shop"_qs, Qt::CaseInsensitive), QStringList{u"Shop DE"_qs});
        QVERIFY(plot->isPaneShown(ChartPlot::Clients)); // the local log's clients
        QVERIFY(!plot->isPaneShown(ChartPlot::Syslog)); // no system log in the case
        // The bin under the mouse names the site by its new name only.
        const QRect pane = plot->pane(ChartPlot::Traffic)->rect();
        QTest::mouseMove(plot, pane.center());
        QTRY_VERIFY(plot->tracer()->isShown());
        const QString tip = plot->tracer()->text();
        QVERIFY2(tip.contains(u"Shop DE"_qs) && !tip.contains(u"www.shop.de"_qs), qPrintable(tip));
        if (const QString dir = qEnvironmentVariable("INQUEST_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(dock.grab().save(dir + QStringLiteral("/remote-renamed-site.png")));
        remote::RemotePasswords::setAsker({});
    }

    void passwordsStayInMemoryAndAreForgottenOnOpen()
    {
        CaseDocument doc;
        RemoteSource s;
        s.id = 5;
        s.name = QStringLiteral("shop");
        s.url = QStringLiteral("http://127.0.0.1:1/");
        int asked = 0;
        remote::RemotePasswords::setAsker([&asked](const RemoteSource &, const QString &) {
            ++asked;
            return std::optional<QString>(QStringLiteral("typed"));
        });
        auto *passwords = remote::RemotePasswords::of(&doc);
        QCOMPARE(remote::RemotePasswords::of(&doc), passwords);
        QString error;
        QCOMPARE(passwords->access(s, &error)->password, u"typed"_qs);
        QCOMPARE(passwords->access(s, &error)->password, u"typed"_qs);
        QCOMPARE(asked, 1); // asked when first needed, then kept
        doc.reset(CaseData::create(QStringLiteral("other")));
        QVERIFY(!passwords->knows(5));
        remote::RemotePasswords::setAsker([](const RemoteSource &, const QString &) { return std::nullopt; });
        QVERIFY(!passwords->access(s, &error));
        QVERIFY2(error.contains(u"no password given for user \"default\""_qs), qPrintable(error));
        remote::RemotePasswords::setAsker({});
    }
};

QTEST_MAIN(TstRemoteConnect)
#include "tst_remoteconnect.moc"
