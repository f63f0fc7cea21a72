// The logfmt reader: columns from the usual field names, quoting and escapes, Go durations,
// malformed lines with their reasons, and sniffing that neither steals other formats' files
// nor misses its own.
#include "ingest/formatregistry.h"
#include "ingest/importer.h"
#include "ingest/logfmtreader.h"

#include <QDir>
#include <QTest>

using namespace inquest;

namespace {

QString fixture(const char *name) { return QStringLiteral(INQUEST_TEST_DATA "/ingest/") + QString::fromUtf8(name); }

qint64 utcMicros(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch() * 1000;
}

} // namespace

class TestLogfmtReader : public QObject
{
    Q_OBJECT

private slots:
    void readsTheColumns()
    {
        const ImportResult r = importLogFile(fixture("app.logfmt"), {});
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Source &s = *r.source;
        QCOMPARE(s.format, QStringLiteral("logfmt"));
        QCOMPARE(s.lines, 8);
        QCOMPARE(s.events, 5);
        QCOMPARE(s.malformed, 2);
        const EventTable &t = *s.table;
        QCOMPARE(t.time[0], utcMicros("2010-12-12T21:10:19Z"));
        QCOMPARE(t.time[1], utcMicros("2010-12-12T21:10:20.250Z"));
        QCOMPARE(t.time[2], utcMicros("2010-12-12T21:10:21Z")); // +01:00 honoured
        QCOMPARE(t.time[3], utcMicros("2010-12-12T21:10:22Z")); // epoch seconds
        QCOMPARE(t.status[0], 200);
        QCOMPARE(t.status[1], 504);
        QCOMPARE(t.bytes[0], 5123u);
        QCOMPARE(t.method[1], HttpMethod::Post);
        QCOMPARE(t.strings.view(t.path[0]), std::string_view("/gp/cart"));
        QCOMPARE(t.strings.view(t.client[2]), std::string_view("2001:db8::7"));
        QCOMPARE(t.strings.view(t.host[2]), std::string_view("amazon.de"));
        QCOMPARE(t.strings.view(t.agent[0]), std::string_view("Mozilla/5.0 (Windows NT 6.1)"));
        // The message is kept on templates (no tag): the line shows it once.
        QCOMPARE(t.messageLine(1), QStringLiteral("upstream timed out (110: \"Connection timed out\")"));
        QCOMPARE(t.severity[1], uint8_t(3)); // error
        QCOMPARE(t.severity[2], uint8_t(4)); // warn
        QCOMPARE(t.responseUs[0], 84'000u);
        QCOMPARE(t.responseUs[1], 30'002'000u);
        QCOMPARE(t.responseUs[2], 62'500'000u);
        QCOMPARE(t.responseUs[3], 350u);
        QCOMPARE(t.responseUs[4], 250'000u); // a plain number is seconds
        // The bad lines, by number, with a reason a user can act on.
        QCOMPARE(s.issues.size(), 2);
        QCOMPARE(s.issues[0].line, 5);
        QVERIFY(s.issues[0].reason.contains(QStringLiteral("quote")));
        QCOMPARE(s.issues[1].line, 6);
        QVERIFY(s.issues[1].reason.contains(QStringLiteral("time")));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("micros"); // -1: unreadable
        QTest::newRow("seconds") << "1.5s" << 1.5e6;
        QTest::newRow("go compound") << "2m3.5s" << 123.5e6;
        QTest::newRow("hours") << "1h" << 3600e6;
        QTest::newRow("millis") << "350ms" << 350e3;
        QTest::newRow("micro sign") << QStringLiteral("80\u00b5s") << 80.0;
        QTest::newRow("greek mu") << QStringLiteral("80\u03bcs") << 80.0;
        QTest::newRow("us") << "80us" << 80.0;
        QTest::newRow("nanos") << "1500ns" << 1.5;
        QTest::newRow("plain") << "0.25" << 0.25e6;
        QTest::newRow("unit unknown") << "3 parsecs" << -1.0;
        QTest::newRow("negative") << "-1s" << -1.0;
        QTest::newRow("empty") << "" << -1.0;
        QTest::newRow("words") << "slow" << -1.0;
        QTest::newRow("plain after unit") << "1s5" << -1.0;
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(double, micros);
        const QByteArray utf8 = text.toUtf8();
        const auto us = parseDurationMicros(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        if (micros < 0)
            QVERIFY(!us);
        else
            QVERIFY2(us && std::abs(*us - micros) < 1e-6, qPrintable(text));
    }

    // Auto-detection picks logfmt for a logfmt file, and no other fixture is read as logfmt.
    void sniffing()
    {
        QCOMPARE(importLogFile(fixture("app.logfmt"), {}).source->format, QStringLiteral("logfmt"));
        const QDir dir(QStringLiteral(INQUEST_TEST_DATA "/ingest"));
        int others = 0;
        for (const QString &name : dir.entryList(QDir::Files)) {
            if (name == u"app.logfmt")
                continue;
            const ImportResult r = importLogFile(dir.filePath(name), {});
            if (r.ok()) {
                ++others;
                QVERIFY2(r.source->format != u"logfmt", qPrintable(name));
            }
        }
        QVERIFY(others >= 10);
    }

    void fieldMapOverrides()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("custom.log"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("when=2010-12-12T21:10:19Z code=502 who=10.0.0.9 what=/x\n");
        f.close();
        ImportOptions o;
        o.format = QStringLiteral("logfmt");
        QVERIFY(!importLogFile(path, o).ok()); // no usual time field: nothing parses
        o.fieldMap = QStringLiteral("time=when,status=code,client=who,path=what");
        const ImportResult r = importLogFile(path, o);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.source->table->status[0], 502);
        QCOMPARE(r.source->table->strings.view(r.source->table->client[0]), std::string_view("10.0.0.9"));
    }
};

QTEST_GUILESS_MAIN(TestLogfmtReader)
#include "tst_logfmtreader.moc"
