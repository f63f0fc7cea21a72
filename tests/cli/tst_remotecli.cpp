// `inquest remote add|list|load` and `series`/`analyze` on a remote source, as a script uses
// them. Bad input (no server, wrong table, mapping, password variable) exits 1 with a clear
// message and leaves the case byte for byte as it was. With a server (INQUEST_CLICKHOUSE_URL)
// a real access log (realdata) imported locally and loaded into a two-shard table gives the
// same per-minute requests and 5xx, and the same incidents from analyze.
#include "testlib/clirunner.h"
#include "testlib/twoshardtable.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest::testing;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TstRemoteCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const QString closed = QStringLiteral("http://127.0.0.1:%1/").arg(port);
        QTest::newRow("unreachable") << QStringList{u"--clickhouse"_qs, closed, u"--table"_qs, u"logs.requests"_qs} << 1
                                     << u"cannot reach the ClickHouse server at "_qs + closed;
        QTest::newRow("bad table name") << QStringList{u"--clickhouse"_qs, closed, u"--table"_qs, u"x; DROP"_qs} << 2
                                        << u"--table wants DB.TABLE"_qs;
        QTest::newRow("bad map") << QStringList{u"--clickhouse"_qs, closed,      u"--table"_qs,
                                                u"a.b"_qs,          u"--map"_qs, u"stauts=code"_qs}
                                 << 2 << u"unknown field \"stauts\""_qs;
        QTest::newRow("password variable unset")
            << QStringList{u"--clickhouse"_qs,   closed,
                           u"--table"_qs,        u"a.b"_qs,
                           u"--password-env"_qs, u"INQUEST_TEST_NO_SUCH_VARIABLE"_qs}
            << 1 << u"$INQUEST_TEST_NO_SUCH_VARIABLE, which is not set"_qs;
        QTest::newRow("password in the URL")
            << QStringList{u"--clickhouse"_qs, u"http://u:p@127.0.0.1:1/"_qs, u"--table"_qs, u"a.b"_qs} << 2
            << u"no user or password in the URL"_qs;
    }
    void badInputChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, message);
        const QString c = path(QStringLiteral("bad.inquest"));
        if (!QFile::exists(c))
            QCOMPARE(runInquest({u"new"_qs, c}).status, 0);
        const QByteArray before = fileHash(c);
        const CliRun r = runInquest(QStringList{u"remote"_qs, u"add"_qs, c} + args);
        QCOMPARE(r.status, status);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(fileHash(c), before);
        QVERIFY(runInquest({u"remote"_qs, u"list"_qs, c}).out.contains(u"no remote sources"_qs));
    }
    void sameAnswersAsLocalImport()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, remote series/analyze were NOT tested "
                  "(tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        const QString table = QStringLiteral("cli_%1").arg(QCoreApplication::applicationPid());
        TwoShardTable shards;
        QString error;
        QVERIFY2(shards.create(table, &error), qPrintable(error));
        const QString local = path(QStringLiteral("local.inquest")), remote = path(QStringLiteral("remote.inquest"));
        QCOMPARE(runInquest({u"new"_qs, local}).status, 0);
        QCOMPARE(runInquest({u"import"_qs, local, QStringLiteral(INQUEST_REALDATA "/logs/elastic-examples/apache_logs"),
                             u"--site"_qs, u"blog"_qs})
                     .status,
                 0);
        CliRun r = runInquest({u"remote"_qs, u"load"_qs, local, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                               u"default."_qs + table});
        QVERIFY2(r.status == 0 && r.out.startsWith(u"9999 events loaded"_qs),
                 qPrintable(r.out + r.err)); // one line is malformed

        QCOMPARE(runInquest({u"new"_qs, remote}).status, 0);
        // A mapping that names a column the table lacks: refused, nothing added.
        QByteArray before = fileHash(remote);
        r = runInquest({u"remote"_qs, u"add"_qs, remote, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                        u"default."_qs + table, u"--map"_qs, u"status=http_status"_qs});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(u"unknown column"_qs) && r.err.contains(u"http_status"_qs), qPrintable(r.err));
        QCOMPARE(fileHash(remote), before);
        r = runInquest({u"remote"_qs, u"add"_qs, remote, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                        u"default."_qs + table, u"--name"_qs, u"blog"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"9999 rows from 2015-05-17T10:05:00Z to 2015-05-20T21:05:59Z"_qs), qPrintable(r.out));
        r = runInquest({u"remote"_qs, u"list"_qs, remote, u"--json"_qs});
        const QJsonObject listed = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(listed[u"remote_sources"_qs].toArray().size(), 1);
        QVERIFY(listed[u"remote_sources"_qs][0][u"results"_qs].toInt() >= 3);

        for (const QString &metric : {u"requests"_qs, u"5xx"_qs, u"errors"_qs, u"clients"_qs, u"bytes"_qs}) {
            const CliRun a =
                runInquest({u"series"_qs, local, u"--metric"_qs, metric, u"--bin"_qs, u"60"_qs, u"--csv"_qs});
            const CliRun b =
                runInquest({u"series"_qs, remote, u"--metric"_qs, metric, u"--bin"_qs, u"60"_qs, u"--csv"_qs});
            QCOMPARE(a.status, 0);
            QVERIFY2(b.status == 0, qPrintable(b.err));
            QVERIFY(a.out.count(u'\n') > 1000);
            QCOMPARE(b.out, a.out);
        }
        const CliRun la = runInquest({u"analyze"_qs, local, u"--json"_qs});
        const CliRun ra = runInquest({u"analyze"_qs, remote, u"--json"_qs});
        QCOMPARE(la.status, 0);
        QVERIFY2(ra.status == 0, qPrintable(ra.err));
        const auto incidents = [](const CliRun &run) {
            return QJsonDocument::fromJson(run.out.toUtf8()).object()[u"incidents"_qs].toArray();
        };
        QCOMPARE(incidents(ra), incidents(la));
        QVERIFY(runInquest({u"remote"_qs, u"list"_qs, remote}).out.contains(u"result(s) kept"_qs));

        // Both together: every count doubles.
        const auto dayTotal = [&] {
            const CliRun run =
                runInquest({u"series"_qs, local, u"--metric"_qs, u"requests"_qs, u"--bin"_qs, u"1d"_qs, u"--json"_qs});
            double total = 0;
            for (const auto &bin : QJsonDocument::fromJson(run.out.toUtf8()).object()[u"bins"_qs].toArray())
                total += bin[u"value"_qs].toDouble();
            return total;
        };
        QCOMPARE(dayTotal(), 9999.0);
        QCOMPARE(runInquest({u"remote"_qs, u"add"_qs, local, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + table, u"--name"_qs, u"blog"_qs})
                     .status,
                 0);
        QCOMPARE(dayTotal(), 2 * 9999.0);
    }
    void outageFindingsAsLocal()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, remote analyze was NOT tested");
        // Two shops' access logs, written here: ~40 requests a minute for five hours, both down
        // (a few requests a minute, most of them 503) for 40 minutes, and both tapering in the
        // last minutes as a collection cut at one moment does.
        const QString folder = path(QStringLiteral("shops"));
        QVERIFY(QDir().mkpath(folder));
        const QDateTime start(QDate(2010, 12, 12), QTime(17, 0), QTimeZone::utc());
        quint32 seed = 12345;
        const auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 16 & 0x7fff; };
        for (const char *site : {"www.shop.de", "www.shop.fr"}) {
            QFile f(QStringLiteral("%1/%2-access.log").arg(folder, QLatin1String(site)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int minute = 0; minute < 300; ++minute) {
                const bool down = minute >= 180 && minute < 220;
                const int perMinute = down ? 3 : minute >= 288 ? 4 : 36 + int(next() % 9);
                for (int i = 0; i < perMinute; ++i) {
                    const QDateTime t = start.addSecs(minute * 60 + int(next() % 60));
                    const int status = down && next() % 4 != 0 ? 503 : 200;
                    f.write(QStringLiteral("10.%1.%2.%3 - - [%4 +0000] \"GET /product/%5 HTTP/1.1\" %6 %7 \"-\" "
                                           "\"Mozilla/5.0\"\n")
                                .arg(next() % 4)
                                .arg(next() % 250)
                                .arg(next() % 250)
                                .arg(QLocale::c().toString(t, u"dd/MMM/yyyy:HH:mm:ss"_qs))
                                .arg(next() % 500)
                                .arg(status)
                                .arg(status == 200 ? 5000 + next() % 3000 : 320)
                                .toUtf8());
                }
            }
        }
        const QString table = QStringLiteral("cli_outage_%1").arg(QCoreApplication::applicationPid());
        TwoShardTable shards;
        QString error;
        QVERIFY2(shards.create(table, &error), qPrintable(error));
        const QString local = path(QStringLiteral("shops.inquest")),
                      remote = path(QStringLiteral("shops-remote.inquest"));
        QCOMPARE(runInquest({u"new"_qs, local}).status, 0);
        QCOMPARE(runInquest({u"import"_qs, local, folder}).status, 0);
        CliRun r = runInquest({u"remote"_qs, u"load"_qs, local, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                               u"default."_qs + table});
        QVERIFY2(r.status == 0, qPrintable(r.out + r.err));
        QCOMPARE(runInquest({u"new"_qs, remote}).status, 0);
        r = runInquest({u"remote"_qs, u"add"_qs, remote, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                        u"default."_qs + table, u"--name"_qs, u"shops"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.err));

        const CliRun la = runInquest({u"analyze"_qs, local, u"--json"_qs});
        const CliRun ra = runInquest({u"analyze"_qs, remote, u"--json"_qs});
        QCOMPARE(la.status, 0);
        QVERIFY2(ra.status == 0, qPrintable(ra.err));
        // The incident step's findings, not only its windows: the outage and the logs' ending are
        // said on a remote-only case as on a local one; so are the findings of the detectors that
        // ask the store (what the failures fall on, how the clients behaved).
        const auto findings = [](const CliRun &run, const QString &detector) {
            QStringList titles;
            for (const auto &s : QJsonDocument::fromJson(run.out.toUtf8()).object()[u"suggestions"_qs].toArray()) {
                if (s[u"origin"_qs].toString().startsWith(u"detector:"_qs + detector + u'@'))
                    titles.append(s[u"title"_qs].toString());
            }
            titles.sort();
            return titles;
        };
        const QStringList expected = findings(la, u"incident-window"_qs);
        QVERIFY2(expected.filter(u"Outage 2010-12-12 20:"_qs).size() == 1, qPrintable(expected.join(u'\n')));
        QVERIFY2(expected.filter(u"as the logs end"_qs).size() == 1, qPrintable(expected.join(u'\n')));
        QCOMPARE(findings(ra, u"incident-window"_qs), expected);
        const QStringList attribution = findings(la, u"attribution"_qs);
        QVERIFY2(attribution.filter(u"The change in failures is explained by"_qs).size() == 1,
                 qPrintable(attribution.join(u'\n')));
        QCOMPARE(findings(ra, u"attribution"_qs), attribution);
        QCOMPARE(findings(ra, u"client-behaviour"_qs), findings(la, u"client-behaviour"_qs));
    }
};

QTEST_GUILESS_MAIN(TstRemoteCli)
#include "tst_remotecli.moc"
