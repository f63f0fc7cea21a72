// `inquest events` on a remote source: the raw rows of a window, paged. With a server
// (INQUEST_CLICKHOUSE_URL) a real access log (realdata) imported locally and loaded into a
// two-shard table gives the same rows for the same window and filters; pages fit together
// without a gap or an overlap; --keep keeps the queries in the case; a source that fails is
// named, the local rows are still listed, and the case is left as it was. `remote rerun` asks the
// kept queries again and says which answers changed.
#include "testlib/clirunner.h"
#include "testlib/twoshardtable.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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

QJsonObject json(const CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

// A row as the test reads it: from a local row's raw line (combined log format, read here with
// a pattern of the test's own) or from a remote row's columns.
QStringList localRows(const CliRun &r)
{
    static const QRegularExpression combined(
        QStringLiteral("^(\\S+) \\S+ \\S+ \\[[^\\]]+\\] \"(\\S+) (\\S+)[^\"]*\" (\\d{3}) (\\S+)"));
    QStringList rows;
    for (const QJsonValue &e : json(r)[u"events"_qs].toArray()) {
        const QRegularExpressionMatch m = combined.match(e[u"raw"_qs].toString());
        if (!m.hasMatch())
            return {u"unreadable raw line: "_qs + e[u"raw"_qs].toString()};
        const QString bytes = m.captured(5) == u"-" ? u"0"_qs : m.captured(5);
        rows << QStringList{e[u"time"_qs].toString(), m.captured(1), m.captured(2), m.captured(3), m.captured(4), bytes}
                    .join(u' ');
    }
    return rows;
}

QStringList remoteRows(const CliRun &r)
{
    QStringList rows;
    for (const QJsonValue &e : json(r)[u"events"_qs].toArray()) {
        if (!e[u"remote"_qs].toBool())
            return {u"a row not labelled remote"_qs};
        rows << QStringList{e[u"time"_qs].toString(),   e[u"client"_qs].toString(),
                            e[u"method"_qs].toString(), e[u"path"_qs].toString(),
                            e[u"status"_qs].toString(), QString::number(e[u"bytes"_qs].toInteger())}
                    .join(u' ');
    }
    return rows;
}

} // namespace

class TstRemoteEvents : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_table;
    TwoShardTable m_shards;
    QString m_local, m_remote;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    CliRun ch(const QString &sql) const
    {
        return runProgram(QStringLiteral("curl"), {QStringLiteral("-sS"), QStringLiteral("--fail-with-body"),
                                                   clickHouseUrl(), QStringLiteral("--data-binary"), sql});
    }

private slots:
    void initTestCase()
    {
        if (clickHouseUrl().isEmpty())
            return;
        m_table = QStringLiteral("events_%1").arg(QCoreApplication::applicationPid());
        QString error;
        QVERIFY2(m_shards.create(m_table, &error), qPrintable(error));
        m_local = path(u"local.inquest"_qs);
        m_remote = path(u"remote.inquest"_qs);
        QCOMPARE(runInquest({u"new"_qs, m_local}).status, 0);
        QCOMPARE(
            runInquest({u"import"_qs, m_local, QStringLiteral(INQUEST_REALDATA "/logs/elastic-examples/apache_logs"),
                        u"--site"_qs, u"blog"_qs})
                .status,
            0);
        QCOMPARE(runInquest({u"remote"_qs, u"load"_qs, m_local, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + m_table})
                     .status,
                 0);
        QCOMPARE(runInquest({u"new"_qs, m_remote}).status, 0);
        const CliRun r = runInquest({u"remote"_qs, u"add"_qs, m_remote, u"--clickhouse"_qs, clickHouseUrl(),
                                     u"--table"_qs, u"default."_qs + m_table, u"--name"_qs, u"blog"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.err));
    }
    void cleanupTestCase() { m_shards.drop(); }

    void sameRowsAsLocalImport_data()
    {
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<int>("atLeast");
        const QStringList window{u"--from"_qs, u"2015-05-18T10:00:00Z"_qs, u"--to"_qs, u"2015-05-18T11:00:00Z"_qs};
        QTest::newRow("an hour") << window << 100;
        QTest::newRow("404 in a day") << QStringList{u"--from"_qs,     u"2015-05-18"_qs, u"--to"_qs,
                                                     u"2015-05-19"_qs, u"--status"_qs,   u"404"_qs}
                                      << 20;
        QTest::newRow("4xx,5xx") << QStringList{u"--status"_qs, u"4xx,5xx"_qs} << 200;
        QTest::newRow("one client") << QStringList{u"--client"_qs, u"66.249.73.135"_qs} << 100;
        QTest::newRow("a /16 block") << QStringList{u"--client"_qs, u"83.149.0.0/16"_qs} << 20;
        QTest::newRow("one path") << QStringList{u"--path"_qs, u"/style2.css"_qs, u"--site"_qs, u"blog"_qs} << 50;
        // Remote --grep is matched on the path column (RE2); local on the raw line (PCRE): the
        // same pattern over the path part selects the same rows.
        QTest::newRow("grep, case-insensitive")
            << QStringList{u"--grep"_qs, u"(?i)GET /PRESENTATIONS/\\S*KIBANA"_qs} << 100;
    }
    void sameRowsAsLocalImport()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: no ClickHouse server, remote events were NOT tested "
                  "(tests/remote/clickhouse-server.sh start DIR prints a URL; .ci/run sets it)");
        QFETCH(QStringList, filter);
        QFETCH(int, atLeast);
        QStringList remoteFilter = filter;
        const qsizetype g = remoteFilter.indexOf(u"--grep"_qs);
        if (g >= 0) // the path column holds no method: the same rows by their path
            remoteFilter[g + 1] = u"(?i)^/PRESENTATIONS/\\S*KIBANA"_qs;
        const CliRun l = runInquest(QStringList{u"events"_qs, m_local, u"--json"_qs} + filter);
        const CliRun r =
            runInquest(QStringList{u"events"_qs, m_remote, u"--json"_qs, u"--limit"_qs, u"0"_qs} + remoteFilter);
        QCOMPARE(l.status, 0);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QStringList a = localRows(l), b = remoteRows(r);
        QVERIFY2(a.size() >= atLeast, qPrintable(QString::number(a.size())));
        QCOMPARE(json(r)[u"total"_qs].toInt(), a.size());
        // Equal times: the local rows are in file order, the remote ones by their columns.
        a.sort();
        b.sort();
        QCOMPARE(b, a);
        QCOMPARE(json(r)[u"remote_queries"_qs].toArray().size(), 2); // the count and the page
        if (g >= 0)
            QVERIFY2(r.err.contains(u"match() (RE2 syntax) on its path column"_qs), qPrintable(r.err));
    }

    void pagesFitTogether()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set");
        const QStringList window{u"events"_qs,
                                 m_remote,
                                 u"--json"_qs,
                                 u"--from"_qs,
                                 u"2015-05-18T10:00:00Z"_qs,
                                 u"--to"_qs,
                                 u"2015-05-18T10:20:00Z"_qs};
        const CliRun all = runInquest(window + QStringList{u"--limit"_qs, u"0"_qs});
        QCOMPARE(all.status, 0);
        const QStringList whole = remoteRows(all);
        QVERIFY(whole.size() > 40);
        QStringList paged;
        for (int offset = 0; offset < whole.size(); offset += 17) {
            const CliRun page =
                runInquest(window + QStringList{u"--limit"_qs, u"17"_qs, u"--offset"_qs, QString::number(offset)});
            QCOMPARE(page.status, 0);
            QCOMPARE(json(page)[u"offset"_qs].toInt(), offset);
            if (offset + 17 < whole.size())
                QVERIFY2(page.err.contains(QStringLiteral("--offset %1 for the next page").arg(offset + 17)),
                         qPrintable(page.err));
            paged += remoteRows(page);
        }
        QCOMPARE(paged, whole); // the same order, no gap, no overlap
        // Text output: labelled remote where a local row names its file and line.
        const CliRun text = runInquest({u"events"_qs, m_remote, u"--limit"_qs, u"2"_qs});
        QVERIFY2(text.out.contains(u":blog:remote  blog  "_qs), qPrintable(text.out));
        QVERIFY2(text.err.contains(u"not kept (--keep keeps it in the case)"_qs), qPrintable(text.err));
    }

    void localAndRemoteMerged()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set");
        const QString both = path(u"both.inquest"_qs);
        QVERIFY(QFile::copy(m_local, both));
        QCOMPARE(runInquest({u"remote"_qs, u"add"_qs, both, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + m_table, u"--name"_qs, u"blog"_qs})
                     .status,
                 0);
        const QStringList window{u"events"_qs,
                                 both,
                                 u"--json"_qs,
                                 u"--from"_qs,
                                 u"2015-05-18T10:00:00Z"_qs,
                                 u"--to"_qs,
                                 u"2015-05-18T10:05:00Z"_qs,
                                 u"--limit"_qs,
                                 u"0"_qs};
        const CliRun r = runInquest(window);
        QCOMPARE(r.status, 0);
        const QJsonArray events = json(r)[u"events"_qs].toArray();
        int remote = 0;
        QString last;
        for (const QJsonValue &e : events) {
            remote += e[u"remote"_qs].toBool();
            QVERIFY(e[u"time"_qs].toString() >= last); // one time order across both
            last = e[u"time"_qs].toString();
        }
        QCOMPARE(remote * 2, events.size());
        // The page from 10 on of the merged list is the merged list from 10 on.
        const CliRun page =
            runInquest(window.mid(0, window.size() - 1) + QStringList{u"5"_qs, u"--offset"_qs, u"10"_qs});
        QCOMPARE(json(page)[u"events"_qs].toArray(), QJsonArray::fromVariantList(events.toVariantList().mid(10, 5)));
        // The remote source alone, by its id.
        const qint64 id =
            json(runInquest({u"remote"_qs, u"list"_qs, both, u"--json"_qs}))[u"remote_sources"_qs][0][u"id"_qs]
                .toInteger();
        const CliRun alone = runInquest(window + QStringList{u"--source"_qs, QString::number(id)});
        QCOMPARE(json(alone)[u"events"_qs].toArray().size(), remote);
    }

    void keepKeepsTheQueries()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set");
        const auto kept = [&] {
            return json(runInquest(
                {u"remote"_qs, u"list"_qs, m_remote, u"--json"_qs}))[u"remote_sources"_qs][0][u"results"_qs]
                .toInt();
        };
        const int before = kept();
        const QByteArray hash = fileHash(m_remote);
        QCOMPARE(runInquest({u"events"_qs, m_remote, u"--limit"_qs, u"3"_qs}).status, 0);
        QCOMPARE(fileHash(m_remote), hash); // without --keep the case is only read
        const CliRun r = runInquest(
            {u"events"_qs, m_remote, u"--limit"_qs, u"3"_qs, u"--status"_qs, u"5xx"_qs, u"--keep"_qs, u"--json"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(json(r)[u"remote_queries_kept"_qs].toBool());
        QCOMPARE(kept(), before + 2);
        QVERIFY(runInquest({u"verify"_qs, m_remote}).status == 0);
    }

    void failuresAreNamedAndChangeNothing()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set");
        // A pattern PCRE takes and RE2 does not (a lookahead): the server's message, exit 1, nothing kept.
        QByteArray hash = fileHash(m_remote);
        CliRun r = runInquest({u"events"_qs, m_remote, u"--grep"_qs, u"(?=x)y"_qs, u"--keep"_qs});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(u"remote source #"_qs) && r.err.contains(u"\"blog\""_qs), qPrintable(r.err));
        QCOMPARE(fileHash(m_remote), hash);
        // The table gone: the local rows are still listed, the remote source is named.
        const QString both = path(u"gone.inquest"_qs);
        QVERIFY(QFile::copy(m_local, both));
        const QString gone = m_table + u"_gone"_qs;
        QCOMPARE(ch(QStringLiteral("CREATE TABLE default.%1 AS default.%2").arg(gone, m_table)).status, 0);
        QCOMPARE(
            ch(QStringLiteral("INSERT INTO default.%1 SELECT * FROM default.%2 LIMIT 10").arg(gone, m_table)).status,
            0);
        QCOMPARE(runInquest({u"remote"_qs, u"add"_qs, both, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + gone})
                     .status,
                 0);
        QCOMPARE(ch(QStringLiteral("DROP TABLE default.%1").arg(gone)).status, 0);
        hash = fileHash(both);
        r = runInquest({u"events"_qs, both, u"--limit"_qs, u"5"_qs, u"--json"_qs, u"--keep"_qs});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(u"unknown table"_qs), qPrintable(r.err));
        QCOMPARE(json(r)[u"events"_qs].toArray().size(), 5);
        QVERIFY(json(r)[u"unreadable_sources"_qs][0][u"remote"_qs].toBool());
        QCOMPARE(fileHash(both), hash);
        // A host filter cannot be asked of a remote table: left out, said so.
        r = runInquest({u"events"_qs, m_remote, u"--host"_qs, u"x"_qs});
        QCOMPARE(r.status, 0);
        QVERIFY2(r.err.contains(u"left out: it cannot be asked a host filter"_qs), qPrintable(r.err));
    }

    void unreachableServer()
    {
        // No server needed: a remote source whose server is gone.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set (a source must be added before its server goes)");
        const QString c = path(u"down.inquest"_qs);
        QVERIFY(QFile::copy(m_remote, c));
        // Point the kept source at a closed port, as if the server had gone.
        {
            const CliRun r =
                runProgram(QStringLiteral("sqlite3"),
                           {c, QStringLiteral("UPDATE remote_sources SET url = 'http://127.0.0.1:%1/'").arg(port)});
            if (r.status != 0)
                QSKIP("sqlite3 is not installed");
        }
        const CliRun r = runInquest({u"events"_qs, c, u"--limit"_qs, u"5"_qs});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(u"cannot reach the ClickHouse server"_qs), qPrintable(r.err));
    }

    void rerunSaysWhatChanged()
    {
        if (clickHouseUrl().isEmpty())
            QSKIP("INQUEST_CLICKHOUSE_URL is not set: remote rerun was NOT tested");
        const QString copy = m_table + u"_rerun"_qs;
        QCOMPARE(ch(QStringLiteral("CREATE TABLE default.%1 AS default.%2 ENGINE = MergeTree() ORDER BY (site, time)")
                        .arg(copy, m_table))
                     .status,
                 0);
        QCOMPARE(
            ch(QStringLiteral("INSERT INTO default.%1 SELECT * FROM default.%2 WHERE time < toDateTime(1431900000)")
                   .arg(copy, m_table))
                .status,
            0);
        const QString c = path(u"rerun.inquest"_qs);
        QCOMPARE(runInquest({u"new"_qs, c}).status, 0);
        QCOMPARE(runInquest({u"remote"_qs, u"add"_qs, c, u"--clickhouse"_qs, clickHouseUrl(), u"--table"_qs,
                             u"default."_qs + copy, u"--name"_qs, u"copy"_qs})
                     .status,
                 0);
        QCOMPARE(runInquest({u"events"_qs, c, u"--status"_qs, u"404"_qs, u"--limit"_qs, u"5"_qs, u"--keep"_qs}).status,
                 0);
        const auto kept = [&] {
            return json(runInquest({u"remote"_qs, u"list"_qs, c, u"--json"_qs}))[u"remote_sources"_qs][0][u"results"_qs]
                .toInt();
        };
        const int before = kept();

        // Nothing changed on the server: every answer the same, each kept again beside the old.
        CliRun r = runInquest({u"remote"_qs, u"rerun"_qs, c, u"--json"_qs});
        QVERIFY2(r.status == 0, qPrintable(r.out + r.err));
        const int asked = json(r)[u"results"_qs].toArray().size();
        QVERIFY(asked >= 4);
        QCOMPARE(json(r)[u"unchanged"_qs].toInt(), asked);
        QCOMPARE(kept(), before + asked);

        // A 404 more on the server: the count of 404s and the page of rows changed; exit 1.
        QCOMPARE(ch(QStringLiteral("INSERT INTO default.%1 (time, site, client, method, path, status) VALUES "
                                   "(toDateTime(1431850000), 'blog', '192.0.2.1', 'GET', '/new', 404)")
                        .arg(copy))
                     .status,
                 0);
        r = runInquest({u"remote"_qs, u"rerun"_qs, c});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.out.contains(u": changed (rows read "_qs) && r.out.contains(u": unchanged"_qs), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"changed, 0 failed; the new answers are kept beside the old ones"_qs),
                 qPrintable(r.out));
        QCOMPARE(kept(), before + 2 * asked); // nothing overwritten
        QVERIFY(runInquest({u"verify"_qs, c}).status == 0);

        // A kept query that would write (a case file edited by hand): not run, said so; the table stays.
        const CliRun edit =
            runProgram(QStringLiteral("sqlite3"), {c, QStringLiteral("UPDATE remote_results SET sql = 'DROP TABLE "
                                                                     "default.%1' WHERE seq = 1")
                                                          .arg(copy)});
        if (edit.status == 0) {
            r = runInquest({u"remote"_qs, u"rerun"_qs, c});
            QCOMPARE(r.status, 1);
            QVERIFY2(r.out.contains(u"failed: not a single SELECT"_qs), qPrintable(r.out));
            QCOMPARE(ch(QStringLiteral("SELECT count() FROM default.%1").arg(copy)).status, 0);
        }
        // An unknown name: refused, nothing asked.
        r = runInquest({u"remote"_qs, u"rerun"_qs, c, u"--name"_qs, u"nope"_qs});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(u"no remote source named \"nope\" (remote sources: copy)"_qs), qPrintable(r.err));
        ch(QStringLiteral("DROP TABLE IF EXISTS default.%1").arg(copy));
    }
};

QTEST_GUILESS_MAIN(TstRemoteEvents)
#include "tst_remoteevents.moc"
