// A year-less, zone-less system log imported with access logs that state their UTC offset is
// read on that clock (with a note); disagreeing offsets, or a declared zone, leave it alone.
#include "ingest/importbatch.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace inquest;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(name));
    return f.fileName();
}

QByteArray access(const char *offset)
{
    QByteArray out;
    for (int m = 0; m < 5; ++m)
        out += QByteArrayLiteral("203.0.113.9 - - [07/Jan/2015:19:0") + QByteArray::number(m) + ":00 " + offset +
               "] \"GET / HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0\"\n";
    return out;
}

const QByteArray Syslog = "Jan  7 19:02:10 core-sw1 %LINK-3-UPDOWN: Interface Te1/1, changed state to down\n"
                          "Jan  7 19:03:00 web01 CRON[77]: (root) CMD (/usr/local/sbin/rotate-sessions)\n";

// Imports the files as `inquest import` does; returns the syslog source and its notes.
Source importBatch(const QStringList &files, const QString &tz = {}, QStringList *notes = nullptr)
{
    QList<ImportRequest> requests;
    for (const QString &f : files) {
        ImportOptions o;
        o.timeZone = f.endsWith(QStringLiteral(".syslog")) ? tz : QString();
        requests.append({f, o});
    }
    QList<Source> read;
    for (int i : batchOrder(requests)) {
        ImportResult r = importLogFile(requests[i].path, batchOptions(requests[i], read));
        if (!r.ok())
            qFatal("%s", qPrintable(r.error));
        read.append(*r.source);
        if (notes && r.source->path.endsWith(QStringLiteral(".syslog")))
            *notes = r.notes;
    }
    for (const Source &s : read) {
        if (s.path.endsWith(QStringLiteral(".syslog")))
            return s;
    }
    qFatal("no syslog");
}

const qint64 LinkDownUtc = QDateTime(QDate(2015, 1, 7), QTime(18, 2, 10), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;

} // namespace

class TestBatchZone : public QObject
{
    Q_OBJECT

private slots:
    void syslogTakesTheOffsetOfTheAccessLogs()
    {
        QTemporaryDir dir;
        QStringList notes;
        const Source s = importBatch({write(dir, QStringLiteral("a.syslog"), Syslog),
                                      write(dir, QStringLiteral("shop.example.de-access.log"), access("+0100")),
                                      write(dir, QStringLiteral("shop.example.fr-access.log"), access("+0100"))},
                                     {}, &notes);
        QCOMPARE(s.table->time.front(), LinkDownUtc);
        QCOMPARE(s.timeZone, QStringLiteral("+01:00"));
        QVERIFY2(notes.join(u'\n').contains(QStringLiteral("read at +01:00, the offset the other files")),
                 qPrintable(notes.join(u'\n')));
    }

    void disagreeingOffsetsOrADeclaredZoneLeaveItAlone()
    {
        QTemporaryDir dir;
        const QString sys = write(dir, QStringLiteral("a.syslog"), Syslog);
        const QString de = write(dir, QStringLiteral("shop.example.de-access.log"), access("+0100"));
        const QString us = write(dir, QStringLiteral("shop.example.com-access.log"), access("-0500"));
        QCOMPARE(importBatch({sys, de, us}).table->time.front(), LinkDownUtc + 3600'000'000LL); // read as UTC
        QCOMPARE(importBatch({sys, de}, QStringLiteral("UTC")).table->time.front(), LinkDownUtc + 3600'000'000LL);
    }
};

QTEST_GUILESS_MAIN(TestBatchZone)
#include "tst_batchzone.moc"
