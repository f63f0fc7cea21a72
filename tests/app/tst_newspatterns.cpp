// The extractor against the hand-written article set (tests/data/news/patterns/): each pattern
// the issue names, in our own words, with an answer sidecar per article. `inquest bench
// news-patterns DIR` prints the same table.
#include "news/newsaccuracy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace inquest;

namespace {

QString patterns() { return QStringLiteral(INQUEST_TEST_DATA "/news/patterns"); }

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

double share(int part, int whole) { return whole ? double(part) / whole : 1.0; }

} // namespace

class TestNewsPatterns : public QObject
{
    Q_OBJECT

private slots:
    // The targets, held on every pattern of the set together.
    void meetsTheTargetsOnTheArticleSet()
    {
        QString error;
        const news::AccuracyReport r = news::scoreArticleFolder(patterns(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const news::PatternScore &t = r.total;
        const QByteArray table = news::formatAccuracy(r, true).toUtf8();
        QVERIFY2(r.articles >= 16, table.constData());
        QVERIFY2(share(t.found, t.expected) >= 0.90, table.constData());
        QVERIFY2(share(t.partyRight, t.found) >= 0.90, table.constData());
        QVERIFY2(share(t.timesRight, t.timesExpected) >= 0.90, table.constData());
        QCOMPARE(t.timesWrong, 0);
        QCOMPARE(t.stanceWrong, 0);
        QVERIFY2(share(t.stanceRight, t.stanceExpected) >= 0.85, table.constData());
        QVERIFY2(share(r.realRows, r.rows) >= 0.85, table.constData());
        QCOMPARE(r.noiseRows, 0); // no footer, cookie banner or related link became a statement
        QCOMPARE(r.metadataRight, r.metadataChecks);
        QCOMPARE(t.notesRight, t.notesExpected); // ambiguous zones and contradicting dates said so
    }

    // Each pattern of the issue is in the set at least twice.
    void everyPatternTwice()
    {
        QString error;
        const news::AccuracyReport r = news::scoreArticleFolder(patterns(), &error);
        for (const char *p :
             {"zone-named",         "zone-dual",      "zone-ambiguous",    "date-carry",       "date-paragraph",
              "date-contradiction", "attr-according", "attr-told",         "attr-wrote",       "attr-verb",
              "attr-colon",         "attr-split",     "attr-multipara",    "attr-embedded",    "attr-role-org",
              "negation",           "cause-other",    "quote-apostrophes", "html-boilerplate", "html-published-offset"})
            QVERIFY2(r.patterns.value(QLatin1String(p)).expected >= 1, p);
        int zoneTimes = 0;
        for (const char *p : {"zone-named", "zone-dual", "zone-ambiguous"})
            zoneTimes += r.patterns.value(QLatin1String(p)).timesExpected;
        QVERIFY(zoneTimes >= 6);
        QVERIFY(r.patterns.value(QStringLiteral("negation")).expected >= 2);
        QVERIFY(r.patterns.value(QStringLiteral("attr-embedded")).expected >= 2);
        QVERIFY(r.patterns.value(QStringLiteral("quote-apostrophes")).expected >= 2);
    }

    // The score is not a formality: a wrong answer, a missing quote and noise are counted.
    void scoresWhatIsWrong()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("a.txt")),
              "Harbour app outage\nhttps://example.org/a\nMarch 2, 2023\n\n"
              "\"The router failed at 10:00 UTC on Tuesday,\" said Ann Lee, a spokeswoman for Harbour.\n");
        write(dir.filePath(QStringLiteral("a.json")),
              "{\"title\": \"Harbour app outage\", \"url\": \"https://example.org/a\", \"published\": \"2023-03-02\", "
              "\"statements\": [ {\"pattern\": \"p\", \"quote\": \"The router failed\", \"speaker\": \"Bob Wright\", "
              "\"organisation\": \"Harbour\", \"times\": [\"2023-02-28T11:00:00Z\"], \"stance\": {\"hardware\": "
              "\"against\"}}, {\"pattern\": \"p\", \"quote\": \"words nobody wrote\", \"speaker\": \"x\", "
              "\"organisation\": \"y\"}]}");
        QString error;
        const news::AccuracyReport r = news::scoreArticleFolder(dir.path(), &error);
        const news::PatternScore &p = r.patterns.value(QStringLiteral("p"));
        QCOMPARE(p.expected, 2);
        QCOMPARE(p.found, 1);
        QCOMPARE(p.partyRight, 0); // Ann Lee, not Bob Wright
        QCOMPARE(p.timesRight, 0); // 10:00, not 11:00
        QCOMPARE(p.timesWrong, 1);
        QCOMPARE(p.stanceWrong, 1); // a failed router supports hardware
        QCOMPARE(r.realRows, 0);
        QCOMPARE(r.metadataRight, 3);
        QVERIFY(!r.misses.isEmpty());
    }

    void anEmptyFolderIsAnError()
    {
        QTemporaryDir dir;
        QString error;
        news::scoreArticleFolder(dir.path(), &error);
        QVERIFY(error.contains(dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestNewsPatterns)
#include "tst_newspatterns.moc"
