// `inquest report`: headless PDF/HTML export, exit codes and messages.
#include "testlib/clirunner.h"
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args)
{
    return inquest::testing::runInquest(args, {.timeoutMs = 120000, .noDisplay = true});
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;

private slots:
    void initTestCase()
    {
        m_case = m_dir.filePath(QStringLiteral("r.inquest"));
        const Run r =
            inquestRun({QStringLiteral("new"), m_case, QStringLiteral("--title"), QStringLiteral("Report <test>")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
    }

    void writesPdfAndHtml()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("out.pdf"));
        const QString html = m_dir.filePath(QStringLiteral("out.html"));
        const QByteArray caseBefore = readAll(m_case);
        const Run r =
            inquestRun({QStringLiteral("report"), m_case, QStringLiteral("--pdf"), pdf, QStringLiteral("--html"), html,
                        QStringLiteral("--zone"), QStringLiteral("Europe/London")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QByteArray bytes = readAll(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        // stdout names the PDF's digest, which ties the PDF to the case hash printed inside it.
        QVERIFY2(
            r.out.contains(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())),
            qPrintable(r.out));
        const QString page = QString::fromUtf8(readAll(html));
        QVERIFY(page.contains(QStringLiteral("Report &lt;test&gt;")));
        // Scored by app/scoring: a new case has no evidence, so its five hypotheses tie, all named.
        QVERIFY2(page.contains(QStringLiteral("5 hypotheses are tied for first: Hardware failure, DDoS attack, "
                                              "Flash crowd, Bad change and Network failure.")),
                 qPrintable(page.mid(page.indexOf(QStringLiteral("tied")) - 200, 400)));
        QVERIFY(page.contains(
            QString::fromLatin1(QCryptographicHash::hash(caseBefore, QCryptographicHash::Sha256).toHex())));
        QVERIFY(page.contains(QStringLiteral("Europe/London")));
        QCOMPARE(readAll(m_case), caseBefore); // a report never modifies the case
    }

    // A report with figures draws each pane it needs; nothing on stderr but what the command says
    // (QCustomPlot used to warn ten times per report about panes it did not hold).
    void figuresPrintNoWarnings()
    {
        const QString withLogs = m_dir.filePath(QStringLiteral("logs.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), withLogs}).status, 0);
        const Run imported = inquestRun(
            {QStringLiteral("import"), withLogs, QStringLiteral(INQUEST_TEST_DATA "/ingest/vhost_response_time.log")});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        const Run r = inquestRun(
            {QStringLiteral("report"), withLogs, QStringLiteral("--pdf"), m_dir.filePath(QStringLiteral("logs.pdf"))});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
        lines.removeIf(
            [](const QString &l) { return l.startsWith(QStringLiteral("QStandardPaths: XDG_RUNTIME_DIR")); });
        QVERIFY2(lines.isEmpty(), qPrintable(lines.join(u'\n')));
    }

    void pdfIsRequired()
    {
        const Run r = inquestRun({QStringLiteral("report"), m_case});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("--pdf")));
    }

    void missingCase()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.inquest"));
        const Run r = inquestRun(
            {QStringLiteral("report"), missing, QStringLiteral("--pdf"), m_dir.filePath(QStringLiteral("m.pdf"))});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("missing.inquest")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("m.pdf"))));
    }

    void badZoneIsUsage()
    {
        const Run r = inquestRun({QStringLiteral("report"), m_case, QStringLiteral("--pdf"),
                                  m_dir.filePath(QStringLiteral("z.pdf")), QStringLiteral("--zone"),
                                  QStringLiteral("Mars/Olympus")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("Mars/Olympus")));
    }

    void unwritableOutput()
    {
        const QString out = m_dir.filePath(QStringLiteral("no/such/dir/x.pdf"));
        const Run r = inquestRun({QStringLiteral("report"), m_case, QStringLiteral("--pdf"), out});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("x.pdf")));
    }

    void sameCaseSameBytes()
    {
        qputenv("SOURCE_DATE_EPOCH", "1700000000");
        const QString a = m_dir.filePath(QStringLiteral("a.pdf")), b = m_dir.filePath(QStringLiteral("b.pdf"));
        QCOMPARE(inquestRun({QStringLiteral("report"), m_case, QStringLiteral("--pdf"), a}).status, 0);
        QTest::qWait(1100);
        QCOMPARE(inquestRun({QStringLiteral("report"), m_case, QStringLiteral("--pdf"), b}).status, 0);
        qunsetenv("SOURCE_DATE_EPOCH");
        QVERIFY(readAll(a) == readAll(b));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_report.moc"
