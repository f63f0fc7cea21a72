// A folder named for import stands for the log files below it.
#include "ingest/inputfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace inquest;

namespace {
void touch(const QString &path)
{
    QDir().mkpath(path.section(u'/', 0, -2));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x\n");
}
} // namespace

class TestInputFiles : public QObject
{
    Q_OBJECT
private slots:
    void folderGivesItsFilesSortedAndRecursive()
    {
        QTemporaryDir dir;
        touch(dir.filePath(QStringLiteral("b/access.log")));
        touch(dir.filePath(QStringLiteral("a/2/error.log")));
        touch(dir.filePath(QStringLiteral("a/1/access.log.gz")));
        touch(dir.filePath(QStringLiteral("top.log")));
        const InputFiles in = expandInputPaths({dir.path()});
        QCOMPARE(in.files,
                 QStringList({dir.filePath(QStringLiteral("a/1/access.log.gz")),
                              dir.filePath(QStringLiteral("a/2/error.log")),
                              dir.filePath(QStringLiteral("b/access.log")), dir.filePath(QStringLiteral("top.log"))}));
        QCOMPARE(in.notes.size(), 1);
        QVERIFY(in.notes[0].contains(u"4 file(s) in the folder"));
    }

    void hiddenFilesFifosAndLinkLoopsAreLeftOut()
    {
        QTemporaryDir dir;
        touch(dir.filePath(QStringLiteral("logs/access.log")));
        touch(dir.filePath(QStringLiteral("logs/.hidden.log")));
        touch(dir.filePath(QStringLiteral(".git/objects/pack.log")));
        QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("logs/pipe"))).constData(), 0600) == 0);
        // A link back up the tree would make a naive walk loop forever.
        QVERIFY(QFile::link(dir.path(), dir.filePath(QStringLiteral("logs/loop"))));
        const InputFiles in = expandInputPaths({dir.path()});
        QCOMPARE(in.files, QStringList({dir.filePath(QStringLiteral("logs/access.log"))}));
    }

    void filesNamedDirectlyAreKeptAsGiven()
    {
        QTemporaryDir dir;
        touch(dir.filePath(QStringLiteral(".hidden.log")));
        const QString missing = dir.filePath(QStringLiteral("missing.log"));
        const InputFiles in = expandInputPaths({missing, dir.filePath(QStringLiteral(".hidden.log"))});
        // A missing file stays in the list, so the import names it in its error.
        QCOMPARE(in.files, QStringList({missing, dir.filePath(QStringLiteral(".hidden.log"))}));
        QVERIFY(in.notes.isEmpty());
    }

    void emptyFolderSaysSo()
    {
        QTemporaryDir dir;
        const InputFiles in = expandInputPaths({dir.path()});
        QVERIFY(in.files.isEmpty());
        QCOMPARE(in.notes.size(), 1);
        QVERIFY(in.notes[0].contains(u"no file to import"));
    }

    void atMostMaxFilesWithANote()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 12; ++i)
            touch(dir.filePath(QStringLiteral("f%1.log").arg(i, 2, 10, QLatin1Char('0'))));
        const InputFiles in = expandInputPaths({dir.path(), dir.filePath(QStringLiteral("f00.log"))}, 10);
        QCOMPARE(in.files.size(), 10);
        QCOMPARE(in.files.last(), dir.filePath(QStringLiteral("f09.log")));
        QVERIFY(in.notes.last().contains(u"3 file(s) left out: at most 10 files"));
    }
};

QTEST_GUILESS_MAIN(TestInputFiles)
#include "tst_inputfiles.moc"
