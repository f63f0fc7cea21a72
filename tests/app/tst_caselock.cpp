// The writer lock of a case (refusal naming the holder, waiting, a dead holder's lock taken
// over), the save that refuses to replace a file changed since it was read, the custody head a
// rollback cannot keep, and the digest a report cites for unsaved changes.
#include "casefile/casefile.h"
#include "casefile/caselock.h"
#include "casefile/fileidentity.h"
#include "casefile/statedigest.h"
#include "casefile/verification.h"
#include "model/casedocument.h"
#include "model/commands.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace inquest;
using casefile::CaseLock;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A child process that takes the lock, holds it for holdMs, then ends without unlocking
// (_exit: no destructors), as a crashed writer would.
pid_t childHolding(const QString &casePath, int holdMs)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        auto *lock = new CaseLock; // never destroyed: the process dies holding it
        QString error;
        if (!lock->lock(casePath, QStringLiteral("test child"), 0, &error))
            ::_exit(3);
        ::usleep(useconds_t(holdMs) * 1000);
        ::_exit(0);
    }
    return pid;
}

int waitChild(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

class TestCaseLock : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString casePath(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void secondWriterIsRefusedWithTheHolderNamed()
    {
        const QString path = casePath("a.inquest");
        CaseLock first;
        QString error;
        QVERIFY2(first.lock(path, QStringLiteral("inquest import"), 0, &error), qPrintable(error));
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".lock")));
        const auto holder = CaseLock::holder(path);
        QVERIFY(holder);
        QCOMPARE(holder->pid, QCoreApplication::applicationPid());
        QCOMPARE(holder->program, QStringLiteral("inquest import"));
        QCOMPARE(holder->host, QSysInfo::machineHostName());
        QVERIFY(qAbs(holder->since.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        // Another lock object, even in this process, is another holder (flock is per open file).
        CaseLock second;
        bool held = false;
        QVERIFY(!second.lock(path, QStringLiteral("inquest analyze"), 0, &error, &held));
        QVERIFY(held);
        QVERIFY2(error.contains(QStringLiteral("is being changed by inquest import (process %1 on %2, since ")
                                    .arg(QCoreApplication::applicationPid())
                                    .arg(QSysInfo::machineHostName())),
                 qPrintable(error));
        QVERIFY(error.contains(path));

        first.unlock();
        QVERIFY(!CaseLock::holder(path));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".lock"))); // nothing left beside the case
        QVERIFY2(second.lock(path, QStringLiteral("inquest analyze"), 0, &error), qPrintable(error));
        QVERIFY(second.tookOverFrom().isEmpty()); // released properly, nothing to take over
    }

    void waitsForTheHolderOrGivesUp()
    {
        const QString path = casePath("b.inquest");
        const pid_t child = childHolding(path, 600);
        QTRY_VERIFY(CaseLock::holder(path).has_value());
        CaseLock lock;
        QString error;
        bool held = false;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!lock.lock(path, QStringLiteral("waiter"), 100, &error, &held));
        QVERIFY(held);
        QVERIFY(clock.elapsed() >= 100);
        QVERIFY2(error.contains(QStringLiteral("test child (process %1").arg(child)), qPrintable(error));
        QVERIFY2(lock.lock(path, QStringLiteral("waiter"), 10000, &error), qPrintable(error));
        QCOMPARE(waitChild(child), 0);
    }

    void lockOfADeadProcessIsTakenOver()
    {
        const QString path = casePath("c.inquest");
        const pid_t child = childHolding(path, 0);
        QCOMPARE(waitChild(child), 0);
        // The kernel released it with the process; its text is still there.
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".lock")));
        QVERIFY(!CaseLock::holder(path));
        CaseLock lock;
        QString error;
        QVERIFY2(lock.lock(path, QStringLiteral("after the crash"), 0, &error), qPrintable(error));
        QVERIFY2(lock.tookOverFrom().contains(QStringLiteral("test child (process %1").arg(child)),
                 qPrintable(lock.tookOverFrom()));
        QCOMPARE(CaseLock::holder(path)->program, QStringLiteral("after the crash"));
    }

    void unwritableFolderIsAFailureNotAHolder()
    {
        if (::geteuid() == 0)
            QSKIP("root writes anywhere");
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        CaseLock lock;
        QString error;
        bool held = true;
        QVERIFY(!lock.lock(dir.filePath(QStringLiteral("x.inquest")), QStringLiteral("t"), 0, &error, &held));
        QVERIFY(!held);
        QVERIFY2(error.contains(QStringLiteral("cannot make the lock file")), qPrintable(error));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void saveRefusesToReplaceAFileChangedSinceItWasRead()
    {
        const QString path = casePath("d.inquest");
        QString error;
        QVERIFY2(casefile::write(CaseData::create(QStringLiteral("mine")), path, &error), qPrintable(error));
        CaseDocument doc;
        QVERIFY2(casefile::open(doc, path, &error), qPrintable(error));
        QVERIFY(!doc.diskIdentity().isNull());
        QCOMPARE(doc.diskIdentity().custodyHead, doc.custody().last().hash);

        // Someone else replaces the file (as another save does: a new inode by rename).
        CaseData theirs = CaseData::create(QStringLiteral("theirs"));
        QVERIFY2(casefile::write(theirs, path, &error), qPrintable(error));
        const QByteArray theirBytes = fileBytes(path);

        edit::setTitle(&doc, QStringLiteral("mine, edited"));
        bool conflict = false;
        QVERIFY(!casefile::save(doc, path, &error, &conflict));
        QVERIFY(conflict);
        QVERIFY2(error.contains(QStringLiteral("changed on disk")) && error.contains(path), qPrintable(error));
        QCOMPARE(fileBytes(path), theirBytes); // not overwritten
        QVERIFY(doc.isModified());             // and the edit is still here

        // Save As elsewhere is allowed, and from then on saves go there.
        const QString other = casePath("d-mine.inquest");
        QVERIFY2(casefile::save(doc, other, &error), qPrintable(error));
        edit::setTitle(&doc, QStringLiteral("mine, edited twice"));
        QVERIFY2(casefile::save(doc, other, &error), qPrintable(error)); // our own file: no conflict
        QCOMPARE(casefile::read(other, &error)->meta.title, QStringLiteral("mine, edited twice"));
        QCOMPARE(fileBytes(path), theirBytes);
    }

    void saveRefusesAFileRewrittenInPlace()
    {
        const QString path = casePath("e.inquest");
        QString error;
        QVERIFY(casefile::write(CaseData::create(QStringLiteral("e")), path, &error));
        CaseDocument doc;
        QVERIFY(casefile::open(doc, path, &error));
        // Same inode, other bytes (an editor or a copy onto the file).
        const QString elsewhere = casePath("e2.inquest");
        QVERIFY(casefile::write(CaseData::create(QStringLiteral("e2")), elsewhere, &error));
        QFile target(path);
        QVERIFY(target.open(QIODevice::WriteOnly | QIODevice::Truncate));
        target.write(fileBytes(elsewhere));
        target.close();
        edit::setTitle(&doc, QStringLiteral("e edited"));
        bool conflict = false;
        QVERIFY(!casefile::save(doc, path, &error, &conflict));
        QVERIFY(conflict);
        QCOMPARE(casefile::read(path, &error)->meta.title, QStringLiteral("e2"));
    }

    void expectedHeadCatchesARollback()
    {
        CaseData data = CaseData::create(QStringLiteral("rollback"));
        custody::append(data.custody, QStringLiteral("import"), QStringLiteral("one"));
        const CaseData older = data;
        custody::append(data.custody, QStringLiteral("analyze"), QStringLiteral("two"));
        const QString head = data.custody.last().hash;

        QVERIFY(verifyCase(data, head).ok());
        QVERIFY(verifyCase(data, head.left(12)).ok());
        QCOMPARE(verifyCase(data).custodyHead, head);
        QVERIFY(verifyCase(data, older.custody.last().hash).ok()); // a later head still contains it

        // The older copy's chain is intact, so only the expected head can tell.
        QVERIFY(verifyCase(older).ok());
        const VerifyReport rolledBack = verifyCase(older, head);
        QVERIFY(!rolledBack.ok());
        QVERIFY2(rolledBack.failures.join(u'\n').contains(head), qPrintable(rolledBack.failures.join(u'\n')));
        QVERIFY(!verifyCase(data, QStringLiteral("not-a-hash")).ok());
        QVERIFY(!verifyCase(data, head.left(8)).ok()); // too short to name one row
    }

    void stateDigestIdentifiesTheShownState()
    {
        CaseData data = CaseData::create(QStringLiteral("digest"));
        QString error;
        const QString a = casefile::stateSha256(data, &error);
        QVERIFY2(!a.isEmpty(), qPrintable(error));
        QCOMPARE(a.size(), 64);
        QCOMPARE(casefile::stateSha256(data, &error), a); // the same state, the same hash
        data.meta.title = QStringLiteral("digest, edited");
        QVERIFY(casefile::stateSha256(data, &error) != a);
        // And it is the hash of the file such a write gives.
        const QString path = casePath("digest.inquest");
        QVERIFY(casefile::write(data, path, &error));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex()),
                 casefile::stateSha256(data, &error));
    }
};

QTEST_GUILESS_MAIN(TestCaseLock)
#include "tst_caselock.moc"
