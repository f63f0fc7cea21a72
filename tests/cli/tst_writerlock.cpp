// The writer lock as a script meets it: a writing command is refused at once while another
// holds the case (exit 1, the holder named, the case untouched), waits with --wait, takes over
// the lock a crashed writer left; read-only commands never wait; verify prints the custody head
// and --expect-head catches a case file replaced by an older copy.
#include "casefile/casefile.h"
#include "casefile/caselock.h"
#include "testlib/clirunner.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;
using inquest::testing::runInquest;

namespace {

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

QString headOf(const QString &verifyOut)
{
    const qsizetype at = verifyOut.indexOf(QStringLiteral("custody head "));
    return at < 0 ? QString() : verifyOut.mid(at + 13, 64);
}

} // namespace

class TestWriterLock : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_case;
    QString m_log;

private slots:
    void initTestCase()
    {
        m_case = m_dir.filePath(QStringLiteral("shared.inquest"));
        const auto r = runInquest({QStringLiteral("new"), m_case});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_log = QStringLiteral(INQUEST_REALDATA "/logs/goaccess/access.log");
        QVERIFY(QFileInfo::exists(m_log));
    }

    void writersAreRefusedWhileTheCaseIsHeld()
    {
        casefile::CaseLock held;
        QString error;
        QVERIFY2(held.lock(m_case, QStringLiteral("Inquest workbench"), 0, &error), qPrintable(error));
        const QByteArray before = hashOf(m_case);
        const QString holder = QStringLiteral("Inquest workbench (process %1 on %2, since ")
                                   .arg(QCoreApplication::applicationPid())
                                   .arg(QSysInfo::machineHostName());
        const QList<QStringList> writers{
            {QStringLiteral("import"), m_case, m_log},
            {QStringLiteral("import-news"), m_case, QStringLiteral(INQUEST_TEST_DATA "/news/amazon-europe-outage.txt")},
            {QStringLiteral("analyze"), m_case, QStringLiteral("--accept")},
            {QStringLiteral("new"), m_case, QStringLiteral("--force")},
            {QStringLiteral("case"), m_case, QStringLiteral("--analyst"), QStringLiteral("someone else")},
            {QStringLiteral("sites"), m_case, QStringLiteral("--rename"), QStringLiteral("a=b")},
            {QStringLiteral("source"), m_case, QStringLiteral("1"), QStringLiteral("--year"), QStringLiteral("2011")},
            {QStringLiteral("demo"), m_case}};
        for (const QStringList &args : writers) {
            const auto r = runInquest(args);
            QVERIFY2(r.status == 1, qPrintable(args.first() + QStringLiteral(": ") + r.err));
            QVERIFY2(r.err.contains(QStringLiteral("inquest %1: %2 is being changed by ").arg(args.first(), m_case)),
                     qPrintable(r.err));
            QVERIFY2(r.err.contains(holder), qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("--wait")), qPrintable(r.err));
        }
        QCOMPARE(hashOf(m_case), before);
        // Readers do not take the lock.
        for (const QStringList &args : QList<QStringList>{{QStringLiteral("verify"), m_case},
                                                          {QStringLiteral("evidence"), m_case},
                                                          {QStringLiteral("score"), m_case},
                                                          {QStringLiteral("statements"), m_case},
                                                          {QStringLiteral("case"), m_case},
                                                          {QStringLiteral("sites"), m_case}}) {
            const auto r = runInquest(args);
            QVERIFY2(r.status == 0, qPrintable(args.first() + QStringLiteral(": ") + r.err));
        }
    }

    void waitTakesTheCaseWhenItIsFree()
    {
        auto held = std::make_unique<casefile::CaseLock>();
        QString error;
        QVERIFY(held->lock(m_case, QStringLiteral("holder"), 0, &error));

        // Gives up after its time, naming the holder.
        const auto gaveUp = runInquest({QStringLiteral("import"), m_case, m_log, QStringLiteral("--wait=0.3")});
        QCOMPARE(gaveUp.status, 1);
        QVERIFY2(gaveUp.err.contains(QStringLiteral("gave up waiting")) &&
                     gaveUp.err.contains(QStringLiteral("holder")),
                 qPrintable(gaveUp.err));

        QProcess waiter;
        waiter.start(QStringLiteral(INQUEST_EXE), {QStringLiteral("import"), m_case, m_log, QStringLiteral("--wait")});
        QVERIFY(waiter.waitForStarted());
        QVERIFY(!waiter.waitForFinished(700)); // still waiting
        held.reset();
        QVERIFY(waiter.waitForFinished(60000));
        QVERIFY2(waiter.exitCode() == 0, waiter.readAllStandardError().constData());
        const auto data = casefile::read(m_case, &error);
        QVERIFY2(data, qPrintable(error));
        QCOMPARE(data->sources.size(), 1);

        const auto bad = runInquest({QStringLiteral("analyze"), m_case, QStringLiteral("--wait=soon")});
        QCOMPARE(bad.status, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--wait=SECONDS")), qPrintable(bad.err));
    }

    void lockLeftByACrashedWriterIsTakenOver()
    {
        // What a killed writer leaves: the lock file with its text, no flock (the kernel dropped it).
        QFile lockFile(casefile::CaseLock::lockPathFor(m_case));
        QVERIFY(lockFile.open(QIODevice::WriteOnly));
        lockFile.write("999999999\n" + QSysInfo::machineHostName().toUtf8() +
                       "\ninquest import\n2010-12-12T21:45:00Z\n");
        lockFile.close();
        const auto r = runInquest({QStringLiteral("analyze"), m_case});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("took over the lock left by inquest import (process 999999999")),
                 qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(lockFile.fileName())); // released and removed
    }

    void expectedHeadCatchesARollback()
    {
        const auto first = runInquest({QStringLiteral("verify"), m_case});
        QCOMPARE(first.status, 0);
        const QString older = headOf(first.out);
        QCOMPARE(older.size(), 64);
        const QString copy = m_dir.filePath(QStringLiteral("older-copy.inquest"));
        QVERIFY(QFile::copy(m_case, copy));

        QVERIFY(runInquest({QStringLiteral("analyze"), m_case, QStringLiteral("--accept")}).status == 0);
        const auto second = runInquest({QStringLiteral("verify"), m_case, QStringLiteral("--expect-head"), older});
        QVERIFY2(second.status == 0, qPrintable(second.err)); // the newer file still holds the older head
        const QString newer = headOf(second.out);
        QVERIFY(newer != older);

        // Roll the case back to the older copy: its chain is intact, only the noted head tells.
        QVERIFY(QFile::remove(m_case) && QFile::copy(copy, m_case));
        QCOMPARE(runInquest({QStringLiteral("verify"), m_case}).status, 0);
        const auto rolledBack =
            runInquest({QStringLiteral("verify"), m_case, QStringLiteral("--expect-head=") + newer.left(16)});
        QCOMPARE(rolledBack.status, 1);
        QVERIFY2(rolledBack.err.contains(QStringLiteral("does not contain the expected head %1").arg(newer.left(16))),
                 qPrintable(rolledBack.err));
        QVERIFY2(rolledBack.err.contains(QStringLiteral("FAILED")), qPrintable(rolledBack.err));
    }
};

QTEST_MAIN(TestWriterLock)
#include "tst_writerlock.moc"
