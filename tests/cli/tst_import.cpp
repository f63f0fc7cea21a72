#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(INQUEST_TEST_DATA "/ingest/") + QString::fromLatin1(name);
}

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run inquest(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(INQUEST_EXE), args);
    p.waitForFinished(60000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}
} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT
private slots:
    void importJsonAndPersist()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquest({QStringLiteral("new"), c}).code, 0);
        const Run r = inquest({QStringLiteral("import"), c, fixture("mixed_zones.log"), fixture("newyear.syslog"),
                               QStringLiteral("--year"), QStringLiteral("2023"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
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
        const Run v = inquest({QStringLiteral("verify"), c});
        QVERIFY2(v.code == 0, v.err.constData());
        QVERIFY(v.out.contains("2 source(s) re-hashed"));
    }

    // `inquest import CASE FOLDER` reads every file below the folder, in path order.
    void importAFolder()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        QCOMPARE(inquest({QStringLiteral("new"), c}).code, 0);
        const QString logs = dir.filePath(QStringLiteral("logs"));
        QDir().mkpath(logs + QStringLiteral("/web2"));
        QVERIFY(QFile::copy(fixture("mixed_zones.log"), logs + QStringLiteral("/web1.log")));
        QVERIFY(QFile::copy(fixture("mixed_zones.log"), logs + QStringLiteral("/web2/access.log")));
        const Run r = inquest({QStringLiteral("import"), c, logs, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        const QJsonArray files = doc.value(u"files").toArray();
        QCOMPARE(files.size(), 2);
        QVERIFY(files[0].toObject().value(u"file").toString().endsWith(u"logs/web1.log"));
        QVERIFY(files[1].toObject().value(u"file").toString().endsWith(u"logs/web2/access.log"));
        QVERIFY(doc.value(u"notes").toArray().first().toString().contains(u"2 file(s) in the folder"));
        QVERIFY(inquest({QStringLiteral("verify"), c}).out.contains("2 source(s) re-hashed"));

        const QString empty = dir.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        const Run e = inquest({QStringLiteral("import"), c, empty});
        QCOMPARE(e.code, 0); // nothing to do is not an error, but it is said
        QVERIFY2(e.out.contains("the folder holds no file to import"), e.out.constData());
    }

    void textOutputAndFailures()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        inquest({QStringLiteral("new"), c});
        const Run r = inquest({QStringLiteral("import"), c, fixture("binary_junk.log"), fixture("empty.log")});
        QCOMPARE(r.code, 1); // one file failed, the other was imported and saved
        QVERIFY(r.out.contains("combined, 4 lines, 3 events, 1 malformed"));
        QVERIFY(r.out.contains("MB/s"));
        QVERIFY(r.out.contains("binary_junk.log:3:"));
        QVERIFY(r.err.contains("empty.log: the file is empty"));
        QVERIFY(inquest({QStringLiteral("verify"), c}).out.contains("1 source(s)"));
    }

    void usageErrors()
    {
        QTemporaryDir dir;
        const QString c = dir.filePath(QStringLiteral("case.inquest"));
        inquest({QStringLiteral("new"), c});
        QCOMPARE(inquest({QStringLiteral("import"), c}).code, 2);
        QCOMPARE(inquest({QStringLiteral("import"), c, fixture("crlf.log"), QStringLiteral("--tz"), QStringLiteral("Nowhere/Land")}).code, 2);
        QCOMPARE(inquest({QStringLiteral("import"), c, fixture("crlf.log"), QStringLiteral("--year"), QStringLiteral("soon")}).code, 2);
        const Run missing = inquest({QStringLiteral("import"), dir.filePath(QStringLiteral("nope.inquest")), fixture("crlf.log")});
        QCOMPARE(missing.code, 1);
        const Run badFormat = inquest({QStringLiteral("import"), c, fixture("crlf.log"), QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(badFormat.code, 1);
        QVERIFY(badFormat.err.contains("unknown format"));
    }

    void formatsAndBench()
    {
        const Run f = inquest({QStringLiteral("formats")});
        QCOMPARE(f.code, 0);
        for (const char *name : {"combined", "common", "vhost-combined", "w3c", "aws-elb", "syslog-rfc3164",
                                 "syslog-rfc5424", "apache-error", "nginx-error", "json-lines", "csv-metrics"})
            QVERIFY2(f.out.contains(name), name);
        const Run b = inquest({QStringLiteral("bench"), QStringLiteral("ingest"), fixture("complete.log.gz")});
        QCOMPARE(b.code, 0);
        QVERIFY(b.out.contains("MB/s"));
        QVERIFY(b.out.contains("events/s"));
        QVERIFY(b.out.contains("peak RSS"));
        QVERIFY(b.out.contains("bare line scan"));
        QCOMPARE(inquest({QStringLiteral("bench")}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_import.moc"
