#include "testlib/clirunner.h"
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString fixture(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/ingest/") + QString::fromLatin1(name); }

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 60000}); }
} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT
private slots:
    void importJsonAndPersist()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), c}).status, 0);
        const Run r = inquestRun({QStringLiteral("import"), c, fixture("mixed_zones.log"), fixture("newyear.syslog"),
                                  QStringLiteral("--year"), QStringLiteral("2023"), QStringLiteral("--json")});
        QCOMPARE(r.status, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray files = doc.value(u"files").toArray();
        QCOMPARE(files.size(), 2);
        const QJsonObject first = files[0].toObject();
        QCOMPARE(first.value(u"format").toString(), QStringLiteral("combined"));
        QCOMPARE(first.value(u"events").toInt(), 3);
        QCOMPARE(first.value(u"malformed").toInt(), 0);
        QCOMPARE(first.value(u"first").toString(), QStringLiteral("2023-10-10T11:55:36Z"));
        QCOMPARE(first.value(u"sha256").toString().size(), 64);
        QCOMPARE(files[1].toObject().value(u"last").toString(), QStringLiteral("2024-01-01T00:00:02Z"));
        // Saved: verify re-hashes both sources and checks the custody chain.
        const Run v = inquestRun({QStringLiteral("verify"), c});
        QVERIFY2(v.status == 0, qPrintable(v.err));
        QVERIFY(v.out.contains(QStringLiteral("2 source(s) re-hashed")));
    }

    // `inquest import CASE FOLDER` reads every file below the folder, in path order.
    void importAFolder()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), c}).status, 0);
        const QString logs = dir.filePath(QStringLiteral("logs"));
        QDir().mkpath(logs + QStringLiteral("/web2"));
        QVERIFY(QFile::copy(fixture("mixed_zones.log"), logs + QStringLiteral("/web1.log")));
        QVERIFY(QFile::copy(fixture("no_final_newline.log"), logs + QStringLiteral("/web2/access.log")));
        const Run r = inquestRun({QStringLiteral("import"), c, logs, QStringLiteral("--json")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray files = doc.value(u"files").toArray();
        QCOMPARE(files.size(), 2);
        QVERIFY(files[0].toObject().value(u"file").toString().endsWith(u"logs/web1.log"));
        QVERIFY(files[1].toObject().value(u"file").toString().endsWith(u"logs/web2/access.log"));
        QVERIFY(doc.value(u"notes").toArray().first().toString().contains(u"2 file(s) in the folder"));
        QVERIFY(inquestRun({QStringLiteral("verify"), c}).out.contains(QStringLiteral("2 source(s) re-hashed")));

        const QString empty = dir.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        const Run e = inquestRun({QStringLiteral("import"), c, empty});
        QCOMPARE(e.status, 0); // nothing to do is not an error, but it is said
        QVERIFY2(e.out.contains(QStringLiteral("the folder holds no file to import")), qPrintable(e.out));
    }

    void textOutputAndFailures()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        inquestRun({QStringLiteral("new"), c});
        const Run r = inquestRun({QStringLiteral("import"), c, fixture("binary_junk.log"), fixture("empty.log")});
        QCOMPARE(r.status, 1); // one file failed, the other was imported and saved
        QVERIFY(r.out.contains(QStringLiteral("combined, 4 lines, 3 events, 1 malformed")));
        QVERIFY(r.out.contains(QStringLiteral("MB/s")));
        QVERIFY(r.out.contains(QStringLiteral("binary_junk.log:3:")));
        QVERIFY(r.err.contains(QStringLiteral("empty.log: the file is empty")));
        QVERIFY(inquestRun({QStringLiteral("verify"), c}).out.contains(QStringLiteral("1 source(s)")));
    }

    void usageErrors()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        inquestRun({QStringLiteral("new"), c});
        QCOMPARE(inquestRun({QStringLiteral("import"), c}).status, 2);
        QCOMPARE(inquestRun({QStringLiteral("import"), c, fixture("crlf.log"), QStringLiteral("--tz"),
                             QStringLiteral("Nowhere/Land")})
                     .status,
                 2);
        QCOMPARE(inquestRun({QStringLiteral("import"), c, fixture("crlf.log"), QStringLiteral("--year"),
                             QStringLiteral("soon")})
                     .status,
                 2);
        const Run missing =
            inquestRun({QStringLiteral("import"), dir.filePath(QStringLiteral("nope.inquest")), fixture("crlf.log")});
        QCOMPARE(missing.status, 1);
        const Run badFormat = inquestRun(
            {QStringLiteral("import"), c, fixture("crlf.log"), QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(badFormat.status, 1);
        QVERIFY(badFormat.err.contains(QStringLiteral("unknown format")));
    }

    void formatsAndBench()
    {
        const Run f = inquestRun({QStringLiteral("formats")});
        QCOMPARE(f.status, 0);
        for (const char *name : {"combined", "common", "vhost-combined", "w3c", "aws-elb", "syslog-rfc3164",
                                 "syslog-rfc5424", "apache-error", "nginx-error", "json-lines", "csv-metrics"})
            QVERIFY2(f.out.contains(QLatin1StringView(name)), name);
        const Run b = inquestRun({QStringLiteral("bench"), QStringLiteral("ingest"), fixture("complete.log.gz")});
        QCOMPARE(b.status, 0);
        QVERIFY(b.out.contains(QStringLiteral("MB/s")));
        QVERIFY(b.out.contains(QStringLiteral("events/s")));
        QVERIFY(b.out.contains(QStringLiteral("peak RSS")));
        QVERIFY(b.out.contains(QStringLiteral("bare line scan")));
        QCOMPARE(inquestRun({QStringLiteral("bench")}).status, 2);
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_import.moc"
