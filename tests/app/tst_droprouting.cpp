// Files dropped on the main window: articles to the statements import, logs to the Import
// dialog, decided by name and, for .txt/.log/no extension, by sniffing and a prose test.
#include "ingest/droprouting.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

namespace {

const QString News = QStringLiteral(INQUEST_TEST_DATA "/news");
const QString Ingest = QStringLiteral(INQUEST_TEST_DATA "/ingest");
const QString RealLogs = QStringLiteral(INQUEST_REALDATA "/logs");

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

QString copyAs(const QTemporaryDir &dir, const QString &from, const QString &name)
{
    const QString to = dir.filePath(name);
    QFile::remove(to);
    if (!QFile::copy(from, to))
        qFatal("cannot copy %s", qPrintable(from));
    return to;
}

} // namespace

class TestDropRouting : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void newsCorpusIsArticles()
    {
        const QStringList files = filesUnder(News);
        QVERIFY(files.size() >= 5);
        int answers = 0;
        for (const QString &f : files) {
            // patterns/ARTICLE.json is the answer key of the article beside it (JSON, read as logs
            // if dropped), not an article.
            if (f.endsWith(u".json")) {
                ++answers;
                continue;
            }
            QVERIFY2(classifyDroppedFile(f) == DropTarget::Article, qPrintable(f));
        }
        QVERIFY(answers < files.size() / 2 + 1);
    }

    void logFixturesAreLogs()
    {
        const QStringList files = filesUnder(Ingest);
        QVERIFY(files.size() >= 20);
        for (const QString &f : files)
            QVERIFY2(classifyDroppedFile(f) == DropTarget::Logs, qPrintable(f));
    }

    void realLogsAreLogs()
    {
        if (!QDir(RealLogs).exists())
            QSKIP("the real-data log samples are not present");
        int asked = 0;
        for (const QString &f : filesUnder(RealLogs)) {
            const QString name = QFileInfo(f).fileName();
            // The collections' own documentation is prose, not logs.
            if (name.endsWith(QStringLiteral(".md")) || name == u"LICENSE" || name == u"CITATION")
                continue;
            ++asked;
            QVERIFY2(classifyDroppedFile(f) == DropTarget::Logs, qPrintable(f));
        }
        QVERIFY(asked >= 50);
    }

    void contentDecidesForAmbiguousNames()
    {
        // An article saved as .log or without an extension is still an article ...
        const QString article = News + QStringLiteral("/amazon-europe-outage.txt");
        QVERIFY(classifyDroppedFile(copyAs(m_dir, article, QStringLiteral("statement.log"))) == DropTarget::Article);
        QVERIFY(classifyDroppedFile(copyAs(m_dir, article, QStringLiteral("statement"))) == DropTarget::Article);
        // ... but never under a log or data suffix, which the dialog handles.
        QVERIFY(classifyDroppedFile(copyAs(m_dir, article, QStringLiteral("statement.csv"))) == DropTarget::Logs);
        // A log saved as .txt, or without an extension, stays a log: a reader recognises it.
        const QString syslog = Ingest + QStringLiteral("/newyear.syslog");
        QVERIFY(classifyDroppedFile(copyAs(m_dir, syslog, QStringLiteral("messages.txt"))) == DropTarget::Logs);
        QVERIFY(classifyDroppedFile(copyAs(m_dir, Ingest + QStringLiteral("/nginx_error.log"),
                                           QStringLiteral("error"))) == DropTarget::Logs);
        // A missing file is left to the Import dialog, which names it.
        QVERIFY(classifyDroppedFile(m_dir.filePath(QStringLiteral("gone.txt"))) == DropTarget::Logs);
    }

    void mixedDropSplits()
    {
        const QStringList drop = {News + QStringLiteral("/reporting.html"), Ingest + QStringLiteral("/elb.log"),
                                  News + QStringLiteral("/quotes-mixed.txt"),
                                  Ingest + QStringLiteral("/complete.log.gz"),
                                  News + QStringLiteral("/forum-outage.md")};
        const DropRouting r = routeDroppedFiles(drop);
        QCOMPARE(r.articles, (QStringList{drop[0], drop[2], drop[4]}));
        QCOMPARE(r.logs, (QStringList{drop[1], drop[3]}));
        QVERIFY(routeDroppedFiles({}).articles.isEmpty());
    }

    void prose()
    {
        QVERIFY(looksLikeProse(u"The company said the outage was caused by a hardware failure in its data centre, "
                               u"and that it was not the result of an attack on its servers."));
        QVERIFY(!looksLikeProse(u""));
        QVERIFY(!looksLikeProse(u"ERROR ERROR ERROR timeout"));
        QVERIFY(!looksLikeProse(u"2010-12-12 21:45:01 the server was not able to reach the backend in time\n"
                                u"2010-12-12 21:45:02 the server was not able to reach the backend in time\n"
                                u"2010-12-12 21:45:03 the server was not able to reach the backend in time\n"));
        QVERIFY(!looksLikeProse(u"id,name,value\n1,alpha,0.5\n2,beta,0.7\n3,gamma,0.9\n4,delta,1.1\n5,epsilon,1.3\n"));
    }
};

QTEST_GUILESS_MAIN(TestDropRouting)
#include "tst_droprouting.moc"
