// Many hands on one case: N `inquest` processes import logs, import articles and analyse the
// same case at once, some with --wait, some without. Afterwards every command that exited 0 is
// in the case and in its custody log, every refused one exited 1 with the lock message and left
// no trace, and `inquest verify` passes. INQUEST_SOAK_WORKERS / INQUEST_SOAK_OPS make it bigger
// (tests/bench/concurrency-soak.sh).
#include "casefile/casefile.h"
#include "testlib/clirunner.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace inquest;

namespace {

enum class Kind { Import, News, Analyze };

struct Op
{
    Kind kind = Kind::Import;
    QString file; // imports: the file given
    bool wait = false;
    int status = -1;
    QString err;
};

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

QStringList argsOf(const Op &op, const QString &casePath)
{
    QStringList args;
    switch (op.kind) {
    case Kind::Import:
        args = {QStringLiteral("import"), casePath, op.file};
        break;
    case Kind::News:
        args = {QStringLiteral("import-news"), casePath, op.file};
        break;
    case Kind::Analyze:
        args = {QStringLiteral("analyze"), casePath, QStringLiteral("--accept")};
        break;
    }
    if (op.wait)
        args.append(QStringLiteral("--wait=120"));
    return args;
}

} // namespace

class TestConcurrentCase : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Slices of a real NASA access log, each different (so each import is its own source).
    QString logSlice(const QList<QByteArray> &lines, int n)
    {
        const QString path = m_dir.filePath(QStringLiteral("logs/part-%1.log").arg(n, 4, 10, QLatin1Char('0')));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < 25; ++i)
            f.write(lines[(n * 7 + i) % lines.size()] + '\n');
        return path;
    }

    QString article(const QByteArray &text, int n)
    {
        const QString path = m_dir.filePath(QStringLiteral("news/update-%1.txt").arg(n, 4, 10, QLatin1Char('0')));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text + "\n\nUpdate " + QByteArray::number(n) + ": the company said service was restored.\n");
        return path;
    }

private slots:
    void manyWritersLoseNothing()
    {
        const int workers = envInt("INQUEST_SOAK_WORKERS", 8);
        const int total = envInt("INQUEST_SOAK_OPS", 200);
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("logs")) && QDir(m_dir.path()).mkpath(QStringLiteral("news")));
        QFile nasa(QStringLiteral(INQUEST_REALDATA "/logs/nasa-http/NASA_access_log_Aug95"));
        QVERIFY(nasa.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = nasa.readAll().trimmed().split('\n');
        QFile news(QStringLiteral(INQUEST_TEST_DATA "/news/amazon-europe-outage.txt"));
        QVERIFY(news.open(QIODevice::ReadOnly));
        const QByteArray articleText = news.readAll();

        const QString casePath = m_dir.filePath(QStringLiteral("shared.inquest"));
        const auto created = testing::runInquest({QStringLiteral("new"), casePath});
        QVERIFY2(created.status == 0, qPrintable(created.err));

        // Op i belongs to worker i % workers; even workers wait for the lock, odd ones do not.
        QList<Op> ops(total);
        for (int i = 0; i < total; ++i) {
            Op &op = ops[i];
            op.kind = i % 5 == 4 ? Kind::Analyze : i % 5 == 3 ? Kind::News : Kind::Import;
            op.file = op.kind == Kind::Import ? logSlice(lines, i)
                      : op.kind == Kind::News ? article(articleText, i)
                                              : QString();
            op.wait = (i % workers) % 2 == 0;
        }

        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<QProcess>> running;
        running.resize(size_t(workers));
        QList<int> current(workers, -1);
        QList<int> next(workers);
        for (int w = 0; w < workers; ++w)
            next[w] = w;
        int done = 0;
        while (done < total) {
            for (int w = 0; w < workers; ++w) {
                auto &p = running[size_t(w)];
                if (p && p->state() != QProcess::NotRunning && !p->waitForFinished(5))
                    continue;
                if (p) {
                    Op &op = ops[current[w]];
                    op.status = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
                    op.err = QString::fromUtf8(p->readAllStandardError());
                    p.reset();
                    ++done;
                }
                if (next[w] < total) {
                    current[w] = next[w];
                    next[w] += workers;
                    p = std::make_unique<QProcess>();
                    p->setProcessChannelMode(QProcess::SeparateChannels);
                    p->start(QStringLiteral(INQUEST_EXE), argsOf(ops[current[w]], casePath));
                }
            }
            QVERIFY2(clock.elapsed() < 540000, "the soak did not finish in 9 minutes");
        }
        const double seconds = clock.elapsed() / 1000.0;

        QString error;
        const auto data = casefile::read(casePath, &error);
        QVERIFY2(data, qPrintable(error));
        QSet<QString> sourcePaths;
        for (const Source &s : data->sources)
            sourcePaths.insert(s.path);
        QHash<QString, int> custodyCount;
        QSet<QString> custodyFiles;
        for (const CustodyEntry &c : data->custody) {
            ++custodyCount[c.action];
            if (c.action == u"import" || c.action == u"import-news")
                custodyFiles.insert(c.detail.section(u' ', 0, 0));
        }

        int ok = 0, refused = 0, waited = 0, imports = 0, newsImports = 0, analyses = 0;
        for (const Op &op : std::as_const(ops)) {
            const QString what = argsOf(op, casePath).join(u' ');
            QVERIFY2(op.status == 0 || op.status == 1, qPrintable(what + QStringLiteral(": ") + op.err));
            if (op.status == 1) {
                // Refused: only without --wait, only for the lock, and without a trace.
                QVERIFY2(!op.wait, qPrintable(what + QStringLiteral(": ") + op.err));
                QVERIFY2(op.err.contains(QStringLiteral("is being changed by inquest ")) &&
                             op.err.contains(QStringLiteral("add --wait")),
                         qPrintable(what + QStringLiteral(": ") + op.err));
                if (!op.file.isEmpty()) {
                    QVERIFY2(!sourcePaths.contains(QFileInfo(op.file).absoluteFilePath()), qPrintable(what));
                    QVERIFY2(!sourcePaths.contains(op.file), qPrintable(what));
                }
                ++refused;
                continue;
            }
            ++ok;
            waited += op.wait;
            if (op.kind == Kind::Analyze) {
                ++analyses;
                continue;
            }
            const QString path = QFileInfo(op.file).absoluteFilePath();
            QVERIFY2(sourcePaths.contains(path) || sourcePaths.contains(op.file),
                     qPrintable(what + QStringLiteral(": not in the case")));
            QVERIFY2(custodyFiles.contains(path) || custodyFiles.contains(op.file),
                     qPrintable(what + QStringLiteral(": not in the custody log")));
            op.kind == Kind::Import ? ++imports : ++newsImports;
        }
        QCOMPARE(custodyCount.value(QStringLiteral("import")), imports);
        QCOMPARE(custodyCount.value(QStringLiteral("import-news")), newsImports);
        QCOMPARE(custodyCount.value(QStringLiteral("analyze")), analyses);
        QCOMPARE(qsizetype(imports + newsImports), data->sources.size());
        // The run must have contended for the lock, or it proved nothing.
        QVERIFY2(refused > 0, "no command was ever refused: the writers did not overlap");

        const auto verified = testing::runInquest({QStringLiteral("verify"), casePath});
        QVERIFY2(verified.status == 0, qPrintable(verified.err));
        qInfo("%d processes, %d operations in %.1f s (%.1f ops/s): %d succeeded (%d of them waited for the lock), "
              "%d refused; case: %lld sources, %lld custody rows; verify OK",
              workers, total, seconds, total / seconds, ok, waited, refused, qlonglong(data->sources.size()),
              qlonglong(data->custody.size()));
    }
};

QTEST_MAIN(TestConcurrentCase)
#include "tst_concurrentcase.moc"
