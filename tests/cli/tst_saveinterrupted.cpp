// Nothing the analyst saved is lost: a save killed at any point leaves the old or the new
// case intact, a save that runs out of space fails cleanly, read-only cases are not replaced.
#include "casefile/casefile.h"
#include "casefile/verification.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace inquest;

namespace {

// A case large enough that a save takes tens of milliseconds, so kills land inside it.
CaseData bigCase(const QString &title, int rows)
{
    CaseData d = CaseData::create(title);
    auto table = std::make_shared<EventTable>();
    QRandomGenerator gen{quint32(rows)};
    for (int i = 0; i < rows; ++i) {
        const auto r = table->appendRow(1292187600000000LL + i * 9000LL, uint64_t(i) * 180, uint32_t(i + 1));
        table->status[r] = uint16_t(gen.bounded(10) ? 200 : 503);
        table->bytes[r] = gen.bounded(100000);
        table->client[r] = table->strings.intern(QByteArray::number(gen.bounded(50000)).toStdString());
        table->path[r] = table->strings.intern(QByteArray::number(gen.bounded(3000)).prepend("/p/").toStdString());
    }
    Source s;
    s.id = d.nextId++;
    s.path = QStringLiteral("/logs/") + title + QStringLiteral(".log");
    s.sha256 = QString(64, u'c');
    s.events = rows;
    s.table = table;
    d.sources.append(s);
    return d;
}

} // namespace

class TestSaveInterrupted : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_a, m_b;
    qint64 m_saveMs = 0;
    static constexpr int RowsA = 60000;
    static constexpr int RowsB = 40000;

private slots:
    void initTestCase()
    {
        QString error;
        m_a = m_dir.filePath(QStringLiteral("variant-a.inquest"));
        m_b = m_dir.filePath(QStringLiteral("variant-b.inquest"));
        QVERIFY(casefile::write(bigCase(QStringLiteral("A"), RowsA), m_a, &error));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(casefile::write(bigCase(QStringLiteral("B"), RowsB), m_b, &error));
        m_saveMs = qMax<qint64>(5, timer.elapsed());
    }

    void killedSavesLeaveOldOrNewCase()
    {
        const QString target = m_dir.filePath(QStringLiteral("target.inquest"));
        QFile::copy(m_a, target);
        QRandomGenerator gen(2010);
        int kills = 0, midWrite = 0, sawA = 0, sawB = 0;
        // CI runs a couple of dozen; INQUEST_KILL_ROUNDS=500 for a long soak.
        const int rounds =
            qEnvironmentVariableIsSet("INQUEST_KILL_ROUNDS") ? qEnvironmentVariableIntValue("INQUEST_KILL_ROUNDS") : 24;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.start(QStringLiteral(INQUEST_SAVECHILD), {QStringLiteral("loop"), target, m_a, m_b});
            QVERIFY(child.waitForStarted());
            QVERIFY(child.waitForReadyRead(30000)); // "ready": at least one save completed
            // Anywhere within the next two or three saves: start, middle, commit, sync, rename.
            QTest::qSleep(int(gen.bounded(int(3 * m_saveMs))));
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));
            ++kills;
            const QStringList temps =
                QDir(m_dir.path()).entryList({QStringLiteral(".target.inquest.*.saving")}, QDir::Files | QDir::Hidden);
            if (!temps.isEmpty())
                ++midWrite;
            for (const QString &t : temps) // what a later save's clean-up would remove
                QFile::remove(m_dir.filePath(t));
            QString error;
            const auto data = casefile::read(target, &error);
            QVERIFY2(data, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(error)));
            QVERIFY(verifyCase(*data).ok());
            const QString title = data->meta.title;
            QVERIFY2(title == u"A" || title == u"B", qPrintable(title));
            (title == u"A" ? sawA : sawB)++;
            QCOMPARE(data->sources[0].table->size(), std::size_t(title == u"A" ? RowsA : RowsB));
        }
        qInfo("%d kills (save takes ~%lld ms), %d inside a write (temporary file left), results: %d A, %d B, "
              "0 corrupted",
              kills, m_saveMs, midWrite, sawA, sawB);
        QVERIFY(midWrite > rounds / 4); // the kills really did interrupt saves
        QVERIFY(sawA > 0 && sawB > 0);
    }

    void fullDiskFailsCleanly()
    {
        const QString target = m_dir.filePath(QStringLiteral("full.inquest"));
        QFile::copy(m_b, target);
        const QByteArray before = [&] {
            QFile f(target);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QProcess child;
        child.start(QStringLiteral(INQUEST_SAVECHILD),
                    {QStringLiteral("limited"), target, m_a, QString::number(256 * 1024)});
        QVERIFY(child.waitForFinished(30000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        QCOMPARE(child.exitCode(), 3);
        QVERIFY2(out.contains(QStringLiteral("full.inquest")) &&
                     out.contains(QStringLiteral("previous file is unchanged")),
                 qPrintable(out));
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        const QStringList temps =
            QDir(m_dir.path()).entryList({QStringLiteral(".full.inquest.*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(temps.isEmpty(), qPrintable(temps.join(u' ')));
    }

    void readOnlyCaseIsNotReplaced()
    {
        const QString target = m_dir.filePath(QStringLiteral("readonly.inquest"));
        QFile::copy(m_b, target);
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        QString error;
        QVERIFY(casefile::read(target, &error)); // opening a read-only case works
        QVERIFY(!casefile::write(CaseData::create(QStringLiteral("C")), target, &error));
        QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
        QCOMPARE(casefile::read(target, &error)->meta.title, QStringLiteral("B"));
    }
};

QTEST_GUILESS_MAIN(TestSaveInterrupted)
#include "tst_saveinterrupted.moc"
