// Per-minute request and 5xx counts from `inquest series` equal an independent count made by
// awk over the raw log lines (issue 3): import, bin and export agree with the file.
#include "testlib/clirunner.h"
#include <QDateTime>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {

QString run(const QString &program, const QStringList &args, int *status)
{
    const inquest::testing::CliRun r = inquest::testing::runProgram(program, args);
    *status = r.status;
    if (r.status != 0)
        qWarning("%s", qPrintable(r.err));
    return r.out;
}

// "time,requests" CSV → minute (ISO UTC) → count; empty bins are absent or 0.
QMap<QString, qint64> parseCsv(const QString &csv)
{
    QMap<QString, qint64> counts;
    const QStringList lines = csv.split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(u',');
        if (cells.size() == 2 && cells[1].toLongLong() > 0)
            counts.insert(cells[0], cells[1].toLongLong());
    }
    return counts;
}

} // namespace

class TestSeriesCounts : public QObject
{
    Q_OBJECT

private slots:
    void perMinuteCountsMatchAwk()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("awk")).isEmpty())
            QSKIP("awk is not installed");
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("access.log"));
        {
            // A generated combined log in a +01:00 zone, with a burst of 503s in the middle.
            QFile f(log);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QRandomGenerator gen(1212);
            const QTimeZone zone(3600);
            QDateTime t(QDate(2010, 12, 12), QTime(21, 30), zone);
            for (int i = 0; i < 40000; ++i) {
                t = t.addMSecs(gen.bounded(500));
                const bool incident = t.time() >= QTime(22, 10) && t.time() < QTime(22, 45);
                const int status =
                    incident && gen.bounded(3) ? 503 : (gen.bounded(50) ? 200 : 404 + gen.bounded(2) * 100);
                const QByteArray line =
                    QStringLiteral("192.0.2.%1 - - [%2 +0100] \"GET /p/%3 HTTP/1.1\" %4 %5 \"-\" \"Mozilla/5.0\"\n")
                        .arg(gen.bounded(250))
                        .arg(QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")))
                        .arg(gen.bounded(100))
                        .arg(status)
                        .arg(gen.bounded(20000))
                        .toUtf8();
                f.write(line);
            }
        }
        const QString exe = QStringLiteral(INQUEST_EXE);
        const QString caseFile = dir.filePath(QStringLiteral("c.inquest"));
        int status = 0;
        run(exe, {QStringLiteral("new"), caseFile}, &status);
        QCOMPARE(status, 0);
        run(exe, {QStringLiteral("import"), caseFile, log}, &status);
        QCOMPARE(status, 0);
        const auto requests =
            parseCsv(run(exe,
                         {QStringLiteral("series"), caseFile, QStringLiteral("--metric"), QStringLiteral("requests"),
                          QStringLiteral("--bin"), QStringLiteral("60"), QStringLiteral("--csv")},
                         &status));
        QCOMPARE(status, 0);
        const auto errors =
            parseCsv(run(exe,
                         {QStringLiteral("series"), caseFile, QStringLiteral("--metric"), QStringLiteral("errors"),
                          QStringLiteral("--bin"), QStringLiteral("60"), QStringLiteral("--csv")},
                         &status));
        QCOMPARE(status, 0);

        // The independent count: awk groups the raw lines by their local minute and status class.
        const QString counted = run(QStringLiteral("awk"),
                                    {QStringLiteral("{ m = substr($4, 2, 17); all[m]++; if ($9 ~ /^5/) err[m]++ } "
                                                    "END { for (m in all) print m, all[m], err[m] + 0 }"),
                                     log},
                                    &status);
        QCOMPARE(status, 0);
        QMap<QString, qint64> awkRequests, awkErrors;
        for (const QString &line : counted.split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList f = line.split(u' ');
            QDateTime local = QLocale::c().toDateTime(f[0], QStringLiteral("dd/MMM/yyyy:HH:mm"));
            local.setTimeZone(QTimeZone(3600));
            const QString minute = local.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:00Z"));
            awkRequests.insert(minute, f[1].toLongLong());
            if (f[2].toLongLong() > 0)
                awkErrors.insert(minute, f[2].toLongLong());
        }
        QVERIFY(awkRequests.size() > 150); // ~40,000 lines 0.25 s apart: ~165 minutes
        QVERIFY(awkErrors.size() > 30);
        QCOMPARE(requests, awkRequests);
        QCOMPARE(errors, awkErrors);
    }
};

QTEST_GUILESS_MAIN(TestSeriesCounts)
#include "tst_seriescounts.moc"
