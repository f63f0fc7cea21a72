// What an article import refuses, and why: random bytes, logs and tables, too many statements;
// and what it still takes (UTF-16, an HTML page with its furniture dropped).
#include "news/newsimport.h"
#include "news/newsrefusal.h"

#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

} // namespace

class TestNewsRefusal : public QObject
{
    Q_OBJECT

private slots:
    void randomBytesAreRefused()
    {
        QTemporaryDir dir;
        QByteArray noise(5 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator rng(18);
        for (char &c : noise)
            c = char(rng.bounded(256));
        const QString path = writeFile(dir, QStringLiteral("noise.txt"), noise);
        QString error;
        QVERIFY(!news::importNewsFile(path, {}, &error));
        QVERIFY2(error.startsWith(path), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("not text")), qPrintable(error));
        // The same bytes pasted: refused, nothing extracted.
        const news::NewsImport pasted = news::importNewsData(noise, QStringLiteral("clipboard.txt"), {});
        QVERIFY(!pasted.refusal.isEmpty());
        QVERIFY(pasted.statements.isEmpty());
    }

    void tooLargeIsRefusedWithTheLimit()
    {
        QTemporaryDir dir;
        const QByteArray prose = QByteArray("The shop was down for an hour, a spokesman said. ")
                                     .repeated(int(news::MaxArticleBytes / 49 + 100));
        const QString path = writeFile(dir, QStringLiteral("huge.txt"), prose);
        QString error;
        QVERIFY(!news::importNewsFile(path, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("too large")) && error.contains(QStringLiteral("limit")),
                 qPrintable(error));
    }

    // Real logs and tables from the shared samples are not articles.
    void logsAndTablesAreNotProse()
    {
        int checked = 0;
        QDirIterator it(QStringLiteral(INQUEST_REALDATA "/logs/loghub"),
                        {QStringLiteral("*.log"), QStringLiteral("*.csv")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext() && checked < 6) {
            const QString path = it.next();
            QString error;
            QVERIFY2(!news::importNewsFile(path, {}, &error), qPrintable(path));
            QVERIFY2(error.contains(QStringLiteral("not prose")) || error.contains(QStringLiteral("too large")),
                     qPrintable(error));
            ++checked;
        }
        if (checked == 0)
            QSKIP("no loghub samples under " INQUEST_REALDATA);
    }

    void tooManyStatementsAreRefused()
    {
        QByteArray text = "Many voices\n\n";
        for (qsizetype i = 0; i <= news::MaxArticleStatements; ++i)
            text += "\"The site was down again this evening,\" said Ann Lee, a spokeswoman for Harbour.\n\n";
        const news::NewsImport r = news::importNewsData(text, QStringLiteral("many.txt"), {});
        QVERIFY2(r.refusal.contains(QStringLiteral("more than the 1500")), qPrintable(r.refusal));
        QVERIFY(r.statements.isEmpty());
    }

    void utf16ArticleIsTaken()
    {
        const QString text =
            QStringLiteral("Grid outage\n\n\u201CThe relay tripped at 21:00 UTC on 2 March 2011,\u201D "
                           "said Maria Keller, a spokeswoman for Nordgrid Services.\n");
        QByteArray raw("\xFF\xFE", 2);
        raw += QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        const news::NewsImport r = news::importNewsData(raw, QStringLiteral("grid.txt"), {});
        QVERIFY2(r.refusal.isEmpty(), qPrintable(r.refusal));
        QCOMPARE(r.statements.size(), 1);
        QCOMPARE(r.statements[0].organisation, QStringLiteral("Nordgrid Services"));
    }

    // Navigation, cookie banner, related links, newsletter box and footer never become statements.
    void htmlFurnitureIsDropped()
    {
        for (const char *name : {"boilerplate.html", "boilerplate-2.html"}) {
            QString error;
            const auto r = news::importNewsFile(
                QStringLiteral(INQUEST_TEST_DATA "/news/patterns/") + QLatin1String(name), {}, &error);
            QVERIFY2(r, qPrintable(error));
            QCOMPARE(r->statements.size(), 2);
            for (const char *furniture :
                 {"cookie", "Related", "newsletter", "Copyright", "rights reserved", "Front page"})
                QVERIFY2(!r->source.text.contains(QLatin1String(furniture)), furniture);
        }
    }

    // article:published_time keeps its time of day and offset: zone-less clock times read in it.
    void publishedTimeKeepsItsOffset()
    {
        QString error;
        const auto r =
            news::importNewsFile(QStringLiteral(INQUEST_TEST_DATA "/news/patterns/boilerplate.html"), {}, &error);
        QVERIFY(r);
        QCOMPARE(r->source.published, QDate(2024, 3, 14));
        QCOMPARE(r->source.publishedTime, QTime(8, 5));
        QCOMPARE(r->source.timeZone, QStringLiteral("+01:00"));
    }
};

QTEST_GUILESS_MAIN(TestNewsRefusal)
#include "tst_newsrefusal.moc"
