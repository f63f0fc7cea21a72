// The command-line contract of the foundation: new, verify, --version/--help, exit codes.
#include "testlib/clirunner.h"
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = inquest::testing::CliRun;

Run inquestRun(const QStringList &args) { return inquest::testing::runInquest(args, {.timeoutMs = 60000}); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFoundationCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void newThenVerify()
    {
        const QString file = m_dir.filePath(QStringLiteral("x.inquest"));
        Run r = inquestRun({QStringLiteral("new"), file});
        QCOMPARE(r.status, 0);
        r = inquestRun({QStringLiteral("verify"), file});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("OK")));
    }

    void newRefusesToOverwrite()
    {
        const QString file = m_dir.filePath(QStringLiteral("keep.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), file, QStringLiteral("--title"), QStringLiteral("First")}).status,
                 0);
        const QByteArray before = readAll(file);
        const Run r = inquestRun({QStringLiteral("new"), file});
        QCOMPARE(r.status, 1);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));
        QCOMPARE(readAll(file), before);
    }

    void newWithNamedHypotheses()
    {
        const QString file = m_dir.filePath(QStringLiteral("h.inquest"));
        Run r = inquestRun({QStringLiteral("new"), file, QStringLiteral("--hypotheses"),
                            QStringLiteral("Core switch=hardware,Botnet=ddos,Newsletter=flash-crowd")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains(QStringLiteral("3 hypotheses")));
        r = inquestRun({QStringLiteral("new"), m_dir.filePath(QStringLiteral("bad.inquest")),
                        QStringLiteral("--hypotheses"), QStringLiteral("aliens")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown hypothesis kind \"aliens\"")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.inquest"))));
    }

    void flippedCustodyByteFailsVerifyNamingTheRow()
    {
        const QString file = m_dir.filePath(QStringLiteral("flip.inquest"));
        QCOMPARE(inquestRun({QStringLiteral("new"), file, QStringLiteral("--title"), QStringLiteral("Flip")}).status,
                 0);
        QByteArray bytes = readAll(file);
        const qsizetype at = bytes.indexOf("\"Flip\" created");
        QVERIFY(at > 0);
        bytes[at + 8] = 'C'; // "created" -> "Created", inside the custody row's text
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const Run r = inquestRun({QStringLiteral("verify"), file});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("custody row 1")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("FAILED")));
    }

    void randomFileIsRefusedAndUnchanged()
    {
        const QString file = m_dir.filePath(QStringLiteral("random.inquest"));
        QByteArray bytes(1 << 20, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const Run r = inquestRun({QStringLiteral("verify"), file});
        QCOMPARE(r.status, 1);
        QVERIFY2(r.err.contains(QStringLiteral("random.inquest")) &&
                     r.err.contains(QStringLiteral("not an Inquest case")),
                 qPrintable(r.err));
        QCOMPARE(readAll(file), bytes);
    }

    void usageErrorsExitTwo()
    {
        Run r = inquestRun({QStringLiteral("frobnicate")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown command")));
        r = inquestRun({QStringLiteral("verify")});
        QCOMPARE(r.status, 2);
        r = inquestRun(
            {QStringLiteral("new"), m_dir.filePath(QStringLiteral("y.inquest")), QStringLiteral("--colour")});
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown option --colour")));
    }

    void versionAndHelp()
    {
        Run r = inquestRun({QStringLiteral("--version")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("inquest ")));
        QVERIFY(r.out.contains(QStringLiteral("Qt 6.")));
        QVERIFY(r.out.contains(QStringLiteral("Boost 1.")));
        QVERIFY(r.out.contains(QStringLiteral("QCustomPlot 2.")));
        r = inquestRun({QStringLiteral("--help")});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains(QStringLiteral("inquest verify CASE")));
    }
};

QTEST_GUILESS_MAIN(TestFoundationCli)
#include "tst_foundation.moc"
