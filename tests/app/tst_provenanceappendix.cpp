// The report's appendix on remote sources: every kept answer of a remote server with the server,
// its version, the table, the exact SQL, the query id, start and end, rows read, the SHA-256 of
// the response and whether it was approximate, in the PDF (pdftotext) and the HTML (escaped).
// The records are written here by hand, as a case file would hold them.
#include "testlib/reportfixture.h"

#include "report/findingsreport.h"
#include "report/reportscoring.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;
using namespace inquest::testing;

namespace {

// pdftotext's words with every space and line break taken out: SQL and hashes in the mono
// columns break anywhere.
QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")), {pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput()).remove(QRegularExpression(QStringLiteral("\\s")));
}

QString squeezed(QString s) { return s.remove(QRegularExpression(QStringLiteral("\\s"))); }

RemoteResult result(Id source, const QString &sql, const QString &id, qint64 rows, const QString &sha, bool approx)
{
    RemoteResult r;
    r.sourceId = source;
    r.server = QStringLiteral("http://ch.example:8123/");
    r.serverVersion = QStringLiteral("18.16.1");
    r.table = QStringLiteral("logs.requests");
    r.sql = sql;
    r.queryId = id;
    r.started = QDateTime(QDate(2010, 12, 9), QTime(11, 0, 0, 250), QTimeZone::utc());
    r.finished = r.started.addMSecs(31);
    r.rowsRead = rows;
    r.sha256 = sha;
    r.approximate = approx;
    return r;
}

} // namespace

class TstProvenanceAppendix : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void listsEveryKeptAnswer()
    {
        CaseData c = reportCase();
        RemoteSource s;
        s.id = 900;
        s.name = QStringLiteral("edge-logs");
        s.url = QStringLiteral("http://ch.example:8123/");
        s.table = QStringLiteral("logs.requests");
        s.user = QStringLiteral("analyst");
        s.passwordEnv = QStringLiteral("CH_PASSWORD");
        s.serverVersion = QStringLiteral("18.16.1");
        s.mapping = QJsonObject{{QStringLiteral("time"), QStringLiteral("ts")}};
        s.added = QDateTime(QDate(2010, 12, 9), QTime(10, 0), QTimeZone::utc());
        s.rows = 1234567;
        s.firstTime = 1291930000'000'000;
        s.lastTime = 1291990000'000'000;
        c.remoteSources.append(s);
        const QString sql1 = QStringLiteral("SELECT intDiv(toUInt32(ts) - 1291930000, 60) AS b, count() FROM "
                                            "logs.requests WHERE site = 'shop<&>' GROUP BY b ORDER BY b FORMAT "
                                            "TabSeparated");
        const QString sha1 = QStringLiteral("3f1c6f0e0c8a4ad1b7a4f1f58e0f0d1c2b3a4958677e8f9a0b1c2d3e4f5a6b7c");
        c.remoteResults.append(
            result(900, sql1, QStringLiteral("5b0e8a52-1c63-4c8e-9d55-0f4b2d3e6a11"), 88231, sha1, false));
        c.remoteResults.append(result(900, QStringLiteral("SELECT uniq(client) FROM logs.requests FORMAT TabSeparated"),
                                      QStringLiteral("77aa0000-1111-2222-3333-444455556666"), -1,
                                      QStringLiteral("aa").repeated(32), true));
        c.remoteResults.append(result(901, QStringLiteral("SELECT 1"), QStringLiteral("gone-source-query"), 1,
                                      QStringLiteral("bb").repeated(32), false));

        const FindingsReport report(c, scoreCaseForReport(c), nullptr, ReportOptions{});
        const QString pdf = m_dir.filePath(QStringLiteral("r.pdf"));
        const QString html = m_dir.filePath(QStringLiteral("r.html"));
        QString error;
        QVERIFY2(report.writePdf(pdf, &error), qPrintable(error));
        QVERIFY2(report.writeHtml(html, &error), qPrintable(error));

        const QString text = pdfText(pdf);
        if (qEnvironmentVariableIsSet("INQUEST_KEEP_REPORT"))
            QFile::copy(pdf, qEnvironmentVariable("INQUEST_KEEP_REPORT"));
        for (const QString &part :
             {QStringLiteral("AppendixC:Provenanceofremoteresults"), QStringLiteral("Remotesource#900"), squeezed(sql1),
              sha1, QStringLiteral("5b0e8a52-1c63-4c8e-9d55-0f4b2d3e6a11"), QStringLiteral("88231"),
              QStringLiteral("no:approximate"), QStringLiteral("2010-12-09T11:00:00.250Z"),
              QStringLiteral("2010-12-09T11:00:00.281Z"), QStringLiteral("http://ch.example:8123/"),
              QStringLiteral("ClickHouse18.16.1"), QStringLiteral("notkept(readfrom$CH_PASSWORD)"),
              QStringLiteral("1keptanswer(s)camefromremotesourcessinceremoved")})
            QVERIFY2(text.contains(part), qPrintable(part));
        QVERIFY(!text.contains(QStringLiteral("gone-source-query"))); // listed under no source, counted

        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(f.readAll());
        QVERIFY(page.contains(QStringLiteral("site = &#x27;shop&lt;&amp;&gt;&#x27;")) ||
                page.contains(QStringLiteral("site = &#39;shop&lt;&amp;&gt;&#39;")) ||
                page.contains(QStringLiteral("site = 'shop&lt;&amp;&gt;'")));
        QVERIFY(!page.contains(QStringLiteral("shop<&>")));
        QVERIFY(page.contains(sha1));
        QVERIFY(page.contains(QStringLiteral("not reported"))); // rows read of the second (pdftotext mixes columns)
    }

    void noRemoteSourceNoAppendix()
    {
        const CaseData c = reportCase();
        const FindingsReport report(c, scoreCaseForReport(c), nullptr, ReportOptions{});
        const QString pdf = m_dir.filePath(QStringLiteral("plain.pdf"));
        QString error;
        QVERIFY2(report.writePdf(pdf, &error), qPrintable(error));
        QVERIFY(!pdfText(pdf).contains(QStringLiteral("Provenanceofremoteresults")));
    }
};

QTEST_MAIN(TstProvenanceAppendix)
#include "tst_provenanceappendix.moc"
