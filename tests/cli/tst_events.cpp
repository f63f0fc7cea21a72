// `inquest events`: the real executable over cases imported from hand-written logs (an access
// log with a 503 burst and "000" lines, a syslog) and from third-party samples.
#include "testlib/clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 120000}); }

QString fixture(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/events/") + QLatin1StringView(name); }

QStringList lines(const QString &text) { return text.split(u'\n', Qt::SkipEmptyParts); }

} // namespace

class TestEventsCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_case;
    QString m_access; // the access log's path as imported

    Run events(QStringList args)
    {
        args.prepend(m_case);
        args.prepend(QStringLiteral("events"));
        return inquestRun(args);
    }

    // Events of a --json run, checking the document's shape on the way.
    QJsonArray jsonEvents(const QStringList &args, qint64 *total = nullptr)
    {
        const Run r = events(args + QStringList{QStringLiteral("--json")});
        [&] { QCOMPARE(r.status, 0); }();
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        if (total)
            *total = doc.value(u"total").toInteger(-1);
        return doc.value(u"events").toArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_case = m_dir.filePath(QStringLiteral("case.inquest"));
        m_access = m_dir.filePath(QStringLiteral("www-access.log"));
        QVERIFY(QFile::copy(fixture("www-access.log"), m_access));
        QCOMPARE(inquestRun({QStringLiteral("new"), m_case}).status, 0);
        QCOMPARE(inquestRun({QStringLiteral("import"), m_case, m_access}).status, 0);
        const Run syslog = inquestRun({QStringLiteral("import"), m_case, fixture("lb01.syslog"),
                                       QStringLiteral("--year"), QStringLiteral("2010")});
        QVERIFY2(syslog.status == 0, qPrintable(syslog.err));
    }

    void listsAllInTimeOrderWithRawLines()
    {
        const Run r = events({});
        QCOMPARE(r.status, 0);
        const QStringList out = lines(r.out);
        QCOMPARE(out.size(), 19);
        // Sources merged by time: the syslog's 21:04:58 comes between the access log's 21:04:59 and
        // its predecessor, and the first 503 follows the first haproxy DOWN line.
        QVERIFY(out[3].startsWith(u"2010-12-12T21:04:58Z  "));
        QVERIFY(
            out[3].contains(u"lb01.syslog:1  lb01  -  Dec 12 21:04:58 lb01 haproxy[2211]: Server www/web03 is DOWN"));
        QVERIFY(out[4].startsWith(u"2010-12-12T21:04:59Z  "));
        QVERIFY2(out[6].contains(u":www-access.log:5  www.shop.example  503  www.shop.example 198.51.100.7 - - "
                                 u"[12/Dec/2010:21:05:03 +0000] \"GET /dp/B0099999 HTTP/1.1\" 503 0"),
                 qPrintable(out[6]));
        QVERIFY(r.err.isEmpty());
    }

    void grepIsARegexOverTheRawLine()
    {
        QCOMPARE(lines(events({QStringLiteral("--grep"), QStringLiteral("GET /checkout")}).out).size(), 1);
        const QStringList insensitive =
            lines(events({QStringLiteral("--grep"), QStringLiteral("(?i)get /checkout")}).out);
        QCOMPARE(insensitive.size(), 2);
        QVERIFY(insensitive[0].contains(u"/Checkout"));
        // Over the whole line, not the parsed fields: the user agent, the syslog text.
        QCOMPARE(lines(events({QStringLiteral("--grep"), QStringLiteral("iPhone|Googlebot")}).out).size(), 2);
        const QStringList down = lines(events({QStringLiteral("--grep"), QStringLiteral("is (DOWN|UP), reason")}).out);
        QCOMPARE(down.size(), 3);
        QVERIFY(down[2].contains(u"is UP"));
        QCOMPARE(lines(events({QStringLiteral("--grep"), QStringLiteral("^Dec 12 21:05:0[57] ")}).out).size(), 2);
        QCOMPARE(lines(events({QStringLiteral("--grep"), QStringLiteral("no such text")}).out).size(), 0);
    }

    void status()
    {
        QCOMPARE(jsonEvents({QStringLiteral("--status"), QStringLiteral("5xx")}).size(), 6);
        const QJsonArray codes = jsonEvents({QStringLiteral("--status"), QStringLiteral("503")});
        QCOMPARE(codes.size(), 5);
        for (const QJsonValue &e : codes)
            QCOMPARE(e[u"status"].toString(), QStringLiteral("503"));
        const QJsonArray none = jsonEvents({QStringLiteral("--status"), QStringLiteral("000")});
        QCOMPARE(none.size(), 2);
        QCOMPARE(none[0][u"status"].toString(), QStringLiteral("000"));
        QCOMPARE(jsonEvents({QStringLiteral("--status"), QStringLiteral("no-response")}).size(), 2);
        QCOMPARE(jsonEvents({QStringLiteral("--status"), QStringLiteral("4xx,000")}).size(), 3);
        const Run bad = events({QStringLiteral("--status"), QStringLiteral("5x")});
        QCOMPARE(bad.status, 2);
        QVERIFY(bad.err.contains(u"--status"));
    }

    void timeRange()
    {
        const QJsonArray utc = jsonEvents({QStringLiteral("--from"), QStringLiteral("2010-12-12T21:05:00Z"),
                                           QStringLiteral("--to"), QStringLiteral("2010-12-12 21:06")});
        QCOMPARE(utc.size(), 10);
        QCOMPARE(utc.first()[u"time"].toString(), QStringLiteral("2010-12-12T21:05:02Z"));
        QCOMPARE(utc.last()[u"time"].toString(), QStringLiteral("2010-12-12T21:05:30Z"));
        // The same instants written in another zone.
        QCOMPARE(jsonEvents({QStringLiteral("--from"), QStringLiteral("2010-12-12T22:05:00+01:00"),
                             QStringLiteral("--to"), QStringLiteral("2010-12-12T22:06:00+01:00")}),
                 utc);
        const Run bad = events({QStringLiteral("--from"), QStringLiteral("yesterday")});
        QCOMPARE(bad.status, 2);
        QVERIFY(bad.err.contains(u"--from"));
    }

    void siteAndHost()
    {
        // The site rule (model/sites): an access-log line's site is its virtual host; a system-log
        // line keeps its own host, which is what the site column shows for it. --host is the line's own.
        QCOMPARE(jsonEvents({QStringLiteral("--site"), QStringLiteral("www.shop.example")}).size(), 11);
        QCOMPARE(jsonEvents({QStringLiteral("--site"), QStringLiteral("api.shop.example")}).size(), 3);
        QCOMPARE(jsonEvents({QStringLiteral("--site"), QStringLiteral("lb01")}).size(), 4);
        const QJsonArray api = jsonEvents({QStringLiteral("--host"), QStringLiteral("api.shop.example")});
        QCOMPARE(api.size(), 3);
        for (const QJsonValue &e : api)
            QVERIFY(e[u"raw"].toString().startsWith(u"api.shop.example "));
        const QJsonArray lb = jsonEvents({QStringLiteral("--host"), QStringLiteral("lb01")});
        QCOMPARE(lb.size(), 4);
        QCOMPARE(jsonEvents({QStringLiteral("--host"), QStringLiteral("db02")}).size(), 1);
        QCOMPARE(jsonEvents({QStringLiteral("--host"), QStringLiteral("lb01"), QStringLiteral("--grep"),
                             QStringLiteral("kernel")})
                     .size(),
                 1);
        QCOMPARE(jsonEvents({QStringLiteral("--host"), QStringLiteral("nowhere")}).size(), 0);
        const Run unknown = events({QStringLiteral("--site"), QStringLiteral("www.other.example")});
        QCOMPARE(unknown.status, 1);
        QVERIFY(unknown.err.contains(u"no site \"www.other.example\""));
    }

    void jsonAndCsvShape()
    {
        qint64 total = 0;
        const QJsonArray all = jsonEvents({QStringLiteral("--status"), QStringLiteral("000")}, &total);
        QCOMPARE(total, 2);
        const QJsonObject e = all[0].toObject();
        for (const char *key : {"time", "source_id", "source", "line", "offset", "site", "host", "status", "raw"})
            QVERIFY2(e.contains(QLatin1StringView(key)), key);
        QCOMPARE(e[u"time"].toString(), QStringLiteral("2010-12-12T21:05:09Z"));
        QCOMPARE(e[u"source"].toString(), m_access);
        QCOMPARE(e[u"line"].toInteger(), 9);
        QCOMPARE(e[u"site"].toString(), QStringLiteral("www.shop.example"));
        QVERIFY(e[u"raw"].toString().endsWith(
            u"\"GET /Checkout HTTP/1.1\" 000 0 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\""));

        const Run csv = events({QStringLiteral("--csv"), QStringLiteral("--host"), QStringLiteral("db02")});
        QCOMPARE(csv.status, 0);
        const QStringList rows = lines(csv.out);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0], QStringLiteral("time,source_id,source,line,site,host,status,raw"));
        QVERIFY(rows[1].startsWith(u"2010-12-12T21:05:07Z,"));
        QVERIFY2(rows[1].endsWith(u",4,db02,db02,,Dec 12 21:05:07 db02 mysqld[907]: InnoDB: Error: unable to create "
                                  u"temporary file; errno: 28"),
                 qPrintable(rows[1]));
        QCOMPARE(events({QStringLiteral("--csv"), QStringLiteral("--json")}).status, 2);
    }

    void limit()
    {
        const Run r = events({QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(r.status, 0);
        QCOMPARE(lines(r.out).size(), 3);
        QVERIFY(r.err.contains(u"16 more, use --limit"));
        QCOMPARE(events({QStringLiteral("--limit"), QStringLiteral("many")}).status, 2);
    }

    void badInput()
    {
        const Run regex = events({QStringLiteral("--grep"), QStringLiteral("GET (/cart")});
        QCOMPARE(regex.status, 2);
        QVERIFY2(regex.err.contains(u"invalid regular expression") && regex.err.contains(u"GET (/cart"),
                 qPrintable(regex.err));
        const Run source = events({QStringLiteral("--source"), QStringLiteral("9999")});
        QCOMPARE(source.status, 1);
        QVERIFY2(source.err.contains(u"no log source with id \"9999\"") && source.err.contains(u"www-access.log"),
                 qPrintable(source.err));
        QCOMPARE(inquestRun({QStringLiteral("events"), m_dir.filePath(QStringLiteral("none.inquest"))}).status, 1);
        QCOMPARE(inquestRun({QStringLiteral("events")}).status, 2);
    }

    void sourceById()
    {
        const QJsonArray first = jsonEvents({QStringLiteral("--status"), QStringLiteral("404")});
        QCOMPARE(first.size(), 1);
        const QString id = QString::number(first[0][u"source_id"].toInteger());
        QCOMPARE(jsonEvents({QStringLiteral("--source"), id}).size(), 14);
    }

    // Last: removes the access log.
    void missingSourceFile()
    {
        QVERIFY(QFile::remove(m_access));
        const Run r = events({});
        QCOMPARE(r.status, 0);
        QCOMPARE(lines(r.out).size(), 19);
        QCOMPARE(r.err.count(m_access), 1); // said once, naming the file
        QVERIFY(r.err.contains(u"missing"));
        QVERIFY(r.out.contains(u"503  [no raw line] 198.51.100.7 GET /dp/B0099999"));
        QVERIFY(r.out.contains(u"Dec 12 21:05:05 lb01 kernel:")); // the other source still reads
        const Run grep = events({QStringLiteral("--grep"), QStringLiteral("DOWN|GET")});
        QCOMPARE(grep.status, 0);
        QCOMPARE(lines(grep.out).size(), 2);
        QCOMPARE(grep.err.count(m_access), 1);
        QVERIFY(grep.err.contains(u"cannot be searched"));
        const QJsonDocument doc = QJsonDocument::fromJson(events({QStringLiteral("--json")}).out.toUtf8());
        QCOMPARE(doc[u"unreadable_sources"].toArray().size(), 1);
        QVERIFY(doc[u"events"][0][u"raw"].isNull());
    }

    // A third-party Apache log, plain and gzip: --grep agrees with a line-by-line count by
    // QRegularExpression.
    void realDataAgreesWithLineByLineMatch_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("literal") << QStringLiteral("Googlebot");
        QTest::newRow("anchored") << QStringLiteral("^66\\.249\\.");
        QTest::newRow("insensitive") << QStringLiteral("(?i)firefox/[0-9.]+\"$");
        QTest::newRow("status") << QStringLiteral("\" 404 [0-9-]+ ");
        QTest::newRow("end") << QStringLiteral("\\.php\\?.*\"$");
    }
    void realDataAgreesWithLineByLineMatch()
    {
        QFETCH(QString, pattern);
        const QString log = QStringLiteral(INQUEST_REALDATA "/logs/elastic-examples/apache_logs");
        if (!QFile::exists(log))
            QSKIP("realdata not present");
        static QTemporaryDir dir;
        static QString plainCase, gzCase;
        static QList<int> malformed; // line numbers the import reported: no events, so no hits
        if (plainCase.isEmpty()) {
            plainCase = dir.filePath(QStringLiteral("plain.inquest"));
            gzCase = dir.filePath(QStringLiteral("gz.inquest"));
            const QString gz = dir.filePath(QStringLiteral("apache_logs.gz"));
            const Run zip = inquest::testing::runProgram(
                QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("gzip -c '%1' > '%2'").arg(log, gz)});
            QCOMPARE(zip.status, 0);
            for (const auto &[c, file] : {std::pair(plainCase, log), std::pair(gzCase, gz)}) {
                QCOMPARE(inquestRun({QStringLiteral("new"), c}).status, 0);
                const Run imported = inquestRun({QStringLiteral("import"), c, file});
                QCOMPARE(imported.status, 0);
                if (file == log) {
                    const QRegularExpression at(QStringLiteral("apache_logs:([0-9]+): "));
                    for (auto it = at.globalMatch(imported.out + imported.err); it.hasNext();)
                        malformed.append(it.next().captured(1).toInt());
                }
            }
            QCOMPARE(malformed.size(), 1); // "combined, 10000 lines, 9999 events, 1 malformed"
        }
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QRegularExpression re(pattern);
        qint64 expected = 0;
        int lineNo = 0;
        for (const QByteArray &line : f.readAll().split('\n')) {
            ++lineNo;
            expected += !line.isEmpty() && !malformed.contains(lineNo) && re.match(QString::fromUtf8(line)).hasMatch();
        }
        QVERIFY(expected > 0);
        for (const QString &c : {plainCase, gzCase}) {
            const Run r =
                inquestRun({QStringLiteral("events"), c, QStringLiteral("--grep"), pattern, QStringLiteral("--json")});
            QCOMPARE(r.status, 0);
            const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
            QCOMPARE(doc[u"total"].toInteger(), expected);
            for (const QJsonValue &e : doc[u"events"].toArray())
                QVERIFY(re.match(e[u"raw"].toString()).hasMatch());
        }
    }
};

QTEST_GUILESS_MAIN(TestEventsCli)
#include "tst_events.moc"
