// Correcting an article's details after import: one undo step, statement times re-resolved
// against a new date as a fresh extraction would resolve them, times set by hand kept.
#include "news/newsextractor.h"
#include "news/newsimport.h"
#include "news/newsmetadata.h"

#include "model/casedocument.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace inquest;

namespace {

const QString Reference = QStringLiteral(INQUEST_TEST_DATA "/news/amazon-europe-outage.txt");
const QString NoYear = QStringLiteral(INQUEST_TEST_DATA "/news/times-no-year.txt");

qint64 utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

Id import(CaseDocument &doc, const QString &path, QDate published = {})
{
    QString error;
    auto article = news::importNewsFile(path, {published, {}, {}}, &error);
    if (!article)
        qFatal("%s", qPrintable(error));
    return news::addNewsImport(&doc, *article);
}

const Statement *withQuote(const CaseDocument &doc, const QString &words)
{
    for (const Statement &s : doc.statements()) {
        if (s.quote.contains(words))
            return &s;
    }
    return nullptr;
}

// The times a fresh extraction with this date gives each statement, by offset.
QHash<qint64, QList<TimeRef>> freshTimes(const Source &article, QDate published)
{
    QHash<qint64, QList<TimeRef>> byOffset;
    for (const Statement &s : news::extractStatements(article.text, {published, article.outlet}))
        byOffset.insert(s.offset, s.times);
    return byOffset;
}

} // namespace

class TestNewsMetadata : public QObject
{
    Q_OBJECT

private slots:
    void newDateReResolvesLikeAFreshExtractionInOneUndoStep()
    {
        CaseDocument doc;
        const Id id = import(doc, Reference);
        const Source article = *doc.find<Source>(id);
        QCOMPARE(article.published, QDate(2010, 12, 13));
        const QList<Statement> before = doc.statements();
        const Statement *planned = withQuote(doc, QStringLiteral("planning an attack on Amazon this weekend"));
        QVERIFY(planned);
        QVERIFY(!planned->times.isEmpty());
        const qint64 plannedBefore = planned->times.first().begin;
        const int steps = doc.undoStack()->count();

        news::ArticleMetadata meta = news::ArticleMetadata::of(article);
        meta.published = QDate(2010, 12, 20); // a week later
        QString error;
        QVERIFY2(news::setArticleMetadata(&doc, id, meta, &error), qPrintable(error));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.find<Source>(id)->published, QDate(2010, 12, 20));

        // Every statement now has the times a fresh extraction with the new date gives it.
        const auto fresh = freshTimes(article, meta.published);
        int changed = 0;
        QCOMPARE(doc.statements().size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            const Statement &s = doc.statements()[i];
            QVERIFY2(fresh.contains(s.offset), qPrintable(s.quote));
            QCOMPARE(s.times, fresh.value(s.offset));
            changed += s.times != before[i].times;
        }
        QVERIFY(changed >= 1);
        // "this weekend" moved by a week; the dated "2145 GMT on Sunday 12 December" did not.
        QCOMPARE(withQuote(doc, QStringLiteral("planning an attack"))->times.first().begin,
                 plannedBefore + 7LL * 86400 * 1000000);
        const Statement *report = withQuote(doc, QStringLiteral("could not reach Amazon"));
        QVERIFY(report);
        QCOMPARE(report->times.first().end, utc(2010, 12, 12, 21, 45));

        // One undo restores the date and every time; redo brings them back.
        doc.undoStack()->undo();
        QCOMPARE(doc.find<Source>(id)->published, QDate(2010, 12, 13));
        QCOMPARE(doc.statements(), before);
        doc.undoStack()->redo();
        QCOMPARE(withQuote(doc, QStringLiteral("planning an attack"))->times.first().begin,
                 plannedBefore + 7LL * 86400 * 1000000);
    }

    void timeSetByHandIsKept()
    {
        CaseDocument doc;
        const Id id = import(doc, Reference);
        const Id planned = withQuote(doc, QStringLiteral("planning an attack"))->id;
        const QString phrase = doc.find<Statement>(planned)->times.first().phrase;
        QVERIFY(news::setStatementTime(&doc, planned, QStringLiteral("2010-12-11 18:00Z")));
        const Statement *s = doc.find<Statement>(planned);
        QCOMPARE(s->times.first().begin, utc(2010, 12, 11, 18, 0));
        QVERIFY(s->times.first().manual);
        QCOMPARE(s->times.first().phrase, phrase); // still the words it was read from

        news::ArticleMetadata meta = news::ArticleMetadata::of(*doc.find<Source>(id));
        meta.published = QDate(2010, 12, 27);
        QString error;
        QVERIFY(news::setArticleMetadata(&doc, id, meta, &error));
        QCOMPARE(doc.find<Statement>(planned)->times.first().begin, utc(2010, 12, 11, 18, 0));
        QVERIFY(doc.find<Statement>(planned)->times.first().manual);
        // Unparseable input changes nothing; empty input removes the times (undoably).
        QVERIFY(!news::setStatementTime(&doc, planned, QStringLiteral("soonish")));
        QVERIFY(news::setStatementTime(&doc, planned, QString()));
        QVERIFY(doc.find<Statement>(planned)->times.isEmpty());
        doc.undoStack()->undo();
        QCOMPARE(doc.find<Statement>(planned)->times.first().begin, utc(2010, 12, 11, 18, 0));
    }

    void dateSetLaterAddsTheTimesItMakesResolvable()
    {
        // Imported without a date: "earlier today", "this weekend", year-less dates are skipped.
        CaseDocument doc;
        const Id id = import(doc, NoYear);
        QVERIFY(!doc.find<Source>(id)->published.isValid());
        const Source article = *doc.find<Source>(id);
        const QList<Statement> before = doc.statements();
        news::ArticleMetadata meta = news::ArticleMetadata::of(article);
        meta.published = QDate(2011, 1, 7);
        QString error;
        QVERIFY(news::setArticleMetadata(&doc, id, meta, &error));
        const auto fresh = freshTimes(article, meta.published);
        int gained = 0;
        for (const Statement &s : doc.statements()) {
            if (fresh.contains(s.offset))
                QCOMPARE(s.times, fresh.value(s.offset));
            gained += s.times.size();
        }
        QVERIFY(gained > 0);
        doc.undoStack()->undo();
        QCOMPARE(doc.statements(), before);
        QVERIFY(!doc.find<Source>(id)->published.isValid());
    }

    void titleOutletUrlTimeAndZone()
    {
        CaseDocument doc;
        const Id id = import(doc, Reference);
        const QList<Statement> statements = doc.statements();
        const int steps = doc.undoStack()->count();
        news::ArticleMetadata meta = news::ArticleMetadata::of(*doc.find<Source>(id));
        QString error;
        QVERIFY(news::setArticleMetadata(&doc, id, meta, &error)); // nothing changed: nothing pushed
        QCOMPARE(doc.undoStack()->count(), steps);

        meta.title = QStringLiteral("European stores down");
        meta.outlet = QStringLiteral("Harbour Gazette (web)");
        meta.url = QStringLiteral("https://gazette.example/eu-stores");
        meta.publishedTime = QTime(9, 30);
        meta.timeZone = QStringLiteral("Europe/London");
        QVERIFY(news::setArticleMetadata(&doc, id, meta, &error));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(news::ArticleMetadata::of(*doc.find<Source>(id)), meta);
        QCOMPARE(doc.statements(), statements); // the article states the zone of its one clock time
        QCOMPARE(news::publicationInstant(*doc.find<Source>(id)).value_or(0),
                 utc(2010, 12, 13, 9, 30)); // GMT in winter
        meta.timeZone = QStringLiteral("+01:00");
        QVERIFY(news::setArticleMetadata(&doc, id, meta, &error));
        QCOMPARE(news::publicationInstant(*doc.find<Source>(id)).value_or(0), utc(2010, 12, 13, 8, 30));

        // An unknown zone is refused with a reason, and nothing changes.
        const int now = doc.undoStack()->count();
        meta.timeZone = QStringLiteral("Mars/Olympus");
        meta.title = QStringLiteral("ignored");
        QVERIFY(!news::setArticleMetadata(&doc, id, meta, &error));
        QVERIFY(error.contains(QStringLiteral("Mars/Olympus")));
        QCOMPARE(doc.undoStack()->count(), now);
        QCOMPARE(doc.find<Source>(id)->title, QStringLiteral("European stores down"));
        QVERIFY(!news::setArticleMetadata(&doc, 999999, meta, &error));

        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.find<Source>(id)->title,
                 QStringLiteral("Amazon's European shops go dark for half an hour as activists circle"));
        QVERIFY(doc.find<Source>(id)->url.isEmpty());
        QVERIFY(!doc.find<Source>(id)->publishedTime.isValid());
    }

    // Clock times that state no zone are read in the publication zone; changing the zone reads
    // them again (one undo step), leaves stated zones and times set by hand alone.
    void zoneChangeReResolvesZonelessClockTimes()
    {
        const QByteArray raw = "Stores go dark\nPublished: 13 December 2010\n\n"
                               "The online store went offline at 21:45 on Sunday and stayed down for hours.\n\n"
                               "The payment service crashed at 22:10 on Sunday, leaving orders stuck.\n\n"
                               "The company said the store was restored at 2330 GMT on Sunday 12 December.\n";
        CaseDocument doc;
        const Id id = news::addNewsImport(&doc, news::importNewsData(raw, QStringLiteral("zones.txt"), {}));
        const Statement *offline = withQuote(doc, QStringLiteral("went offline"));
        const Statement *crashed = withQuote(doc, QStringLiteral("crashed"));
        const Statement *restored = withQuote(doc, QStringLiteral("restored"));
        QVERIFY(offline && crashed && restored);
        QCOMPARE(offline->times.first().begin, utc(2010, 12, 12, 21, 45));   // no zone known: UTC …
        QCOMPARE(offline->times.first().assumedZone, QStringLiteral("UTC")); // … and said to be assumed
        QCOMPARE(restored->times.first().begin, utc(2010, 12, 12, 23, 30));
        QVERIFY(restored->times.first().assumedZone.isEmpty());
        const Id offlineId = offline->id, crashedId = crashed->id, restoredId = restored->id;
        QVERIFY(news::setStatementTime(&doc, crashedId, QStringLiteral("2010-12-12 21:00Z")));
        QVERIFY(doc.find<Statement>(crashedId)->times.first().assumedZone.isEmpty());
        const QList<Statement> before = doc.statements();
        const int steps = doc.undoStack()->count();

        news::ArticleMetadata meta = news::ArticleMetadata::of(*doc.find<Source>(id));
        meta.timeZone = QStringLiteral("Europe/Berlin");
        QString error;
        QVERIFY2(news::setArticleMetadata(&doc, id, meta, &error), qPrintable(error));
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QCOMPARE(doc.find<Statement>(offlineId)->times.first().begin, utc(2010, 12, 12, 20, 45)); // CET
        QCOMPARE(doc.find<Statement>(offlineId)->times.first().assumedZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(doc.find<Statement>(crashedId)->times.first().begin, utc(2010, 12, 12, 21, 0)); // by hand
        QVERIFY(doc.find<Statement>(crashedId)->times.first().manual);
        QCOMPARE(doc.find<Statement>(restoredId)->times.first().begin, utc(2010, 12, 12, 23, 30)); // GMT stated

        // In summer the same words are CEST.
        meta.published = QDate(2011, 6, 13);
        QVERIFY(news::setArticleMetadata(&doc, id, meta, &error));
        QCOMPARE(doc.find<Statement>(offlineId)->times.first().begin, utc(2011, 6, 12, 19, 45));
        QCOMPARE(doc.find<Statement>(crashedId)->times.first().begin, utc(2010, 12, 12, 21, 0));

        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.statements(), before);
        QVERIFY(doc.find<Source>(id)->timeZone.isEmpty());

        // Given at import, the zone is used from the start.
        news::NewsImportOptions options;
        QVERIFY(news::setPublication(&options, QStringLiteral("2010-12-13T09:00+01:00"), QString(), &error));
        CaseDocument zoned;
        news::addNewsImport(&zoned, news::importNewsData(raw, QStringLiteral("zones.txt"), options));
        QCOMPARE(withQuote(zoned, QStringLiteral("went offline"))->times.first().begin, utc(2010, 12, 12, 20, 45));
        QCOMPARE(withQuote(zoned, QStringLiteral("went offline"))->times.first().assumedZone, QStringLiteral("+01:00"));
    }

    void publicationAsTheCommandLineGivesIt_data()
    {
        QTest::addColumn<QString>("published");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("storedZone");
        QTest::newRow("date") << "2010-12-13"
                              << "" << QDate(2010, 12, 13) << QTime() << "";
        QTest::newRow("date and zone") << "2010-12-13"
                                       << "Europe/Berlin" << QDate(2010, 12, 13) << QTime() << "Europe/Berlin";
        QTest::newRow("wall time in zone") << "2010-12-13T09:00"
                                           << "Europe/Berlin" << QDate(2010, 12, 13) << QTime(9, 0) << "Europe/Berlin";
        QTest::newRow("offset becomes the zone") << "2010-12-13T09:00+01:00"
                                                 << "" << QDate(2010, 12, 13) << QTime(9, 0) << "+01:00";
        QTest::newRow("Z") << "2010-12-13T09:00:00Z"
                           << "" << QDate(2010, 12, 13) << QTime(9, 0) << "UTC";
        QTest::newRow("instant shown in zone")
            << "2010-12-13T23:30Z"
            << "Europe/Berlin" << QDate(2010, 12, 14) << QTime(0, 30) << "Europe/Berlin";
        QTest::newRow("zone alone") << ""
                                    << "-05:00" << QDate() << QTime() << "-05:00";
    }
    void publicationAsTheCommandLineGivesIt()
    {
        QFETCH(QString, published);
        QFETCH(QString, zone);
        news::NewsImportOptions options;
        QString error;
        QVERIFY2(news::setPublication(&options, published, zone, &error), qPrintable(error));
        QTEST(options.published, "date");
        QTEST(options.publishedTime, "time");
        QTEST(options.timeZone, "storedZone");
    }

    void publicationNotUnderstood()
    {
        news::NewsImportOptions options;
        QString error;
        QVERIFY(!news::setPublication(&options, QStringLiteral("13/12/2010"), QString(), &error));
        QVERIFY(error.contains(QStringLiteral("13/12/2010")));
        QVERIFY(!news::setPublication(&options, QStringLiteral("2010-12-13T09:00+01:00junk"), QString(), &error));
        QVERIFY(!news::setPublication(&options, QStringLiteral("2010-12-13"), QStringLiteral("Mars/Olympus"), &error));
        QVERIFY(!options.published.isValid());
    }

    void timeInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<bool>("approximate");
        QTest::newRow("instant Z") << QStringLiteral("2010-12-12 21:45Z") << utc(2010, 12, 12, 21, 45)
                                   << utc(2010, 12, 12, 21, 45) << false;
        QTest::newRow("as shown") << QStringLiteral("2010-12-12 21:45:00Z") << utc(2010, 12, 12, 21, 45)
                                  << utc(2010, 12, 12, 21, 45) << false;
        QTest::newRow("no zone is UTC") << QStringLiteral("2010-12-12T21:45") << utc(2010, 12, 12, 21, 45)
                                        << utc(2010, 12, 12, 21, 45) << false;
        QTest::newRow("offset") << QStringLiteral("2010-12-12T22:45+01:00") << utc(2010, 12, 12, 21, 45)
                                << utc(2010, 12, 12, 21, 45) << false;
        QTest::newRow("day") << QStringLiteral("2010-12-12") << utc(2010, 12, 12, 0, 0) << utc(2010, 12, 13, 0, 0)
                             << false;
        QTest::newRow("period as shown") << QStringLiteral("~2010-12-12 21:15\u201321:45Z \u2026")
                                         << utc(2010, 12, 12, 21, 15) << utc(2010, 12, 12, 21, 45) << true;
        QTest::newRow("period slash") << QStringLiteral("2010-12-12 20:00Z / 2010-12-13 01:00Z")
                                      << utc(2010, 12, 12, 20, 0) << utc(2010, 12, 13, 1, 0) << false;
    }

    void timeInput()
    {
        QFETCH(QString, text);
        const auto t = news::parseTimeInput(text);
        QVERIFY(t);
        QTEST(t->begin, "begin");
        QTEST(t->end, "end");
        QTEST(t->approximate, "approximate");
        QVERIFY(t->manual);
    }

    // Typed in the workbench's display zone: a time without a zone is read there, one with a
    // zone keeps it, a bare clock time is on the reference's date in that zone (Berlin: UTC+1 in
    // December, UTC+2 in July).
    void timeInputInTheDisplayZone()
    {
        const QByteArray berlin = "Europe/Berlin";
        auto at = [&](const char *text, std::optional<qint64> day = std::nullopt) {
            const auto t = news::parseTimeInput(QString::fromUtf8(text), berlin, day);
            return t ? std::pair(t->begin, t->end) : std::pair(qint64(-1), qint64(-1));
        };
        QCOMPARE(at("2010-12-12 22:45").first, utc(2010, 12, 12, 21, 45));
        QCOMPARE(at("2010-07-12 22:45").first, utc(2010, 7, 12, 20, 45));
        QCOMPARE(at("2010-12-12 21:45Z").first, utc(2010, 12, 12, 21, 45));
        QCOMPARE(at("2010-12-12 23:45+02:00").first, utc(2010, 12, 12, 21, 45));
        QCOMPARE(at("22:45", utc(2010, 12, 12, 21, 2)).first, utc(2010, 12, 12, 21, 45));
        // 23:30Z on the 12th is already the 13th in Berlin: a bare clock time takes Berlin's date.
        QCOMPARE(at("00:15", utc(2010, 12, 12, 23, 30)).first, utc(2010, 12, 12, 23, 15));
        QCOMPARE(at("2010-12-12 22:15\u201322:45"), std::pair(utc(2010, 12, 12, 21, 15), utc(2010, 12, 12, 21, 45)));
        // The zone written once at a period's end is the zone of both ends.
        QCOMPARE(at("2010-12-12 21:15\u201321:45Z"), std::pair(utc(2010, 12, 12, 21, 15), utc(2010, 12, 12, 21, 45)));
        QCOMPARE(at("22:45").first, qint64(-1)); // a clock time needs a day
        QVERIFY(!news::parseTimeInput(u"2010-12-12 22:45", "Mars/Olympus"));
    }

    void badTimeInput()
    {
        for (const char *bad : {"", "yesterday", "2010-13-40", "2010-12-12 25:00", "21:45",
                                "2010-12-12 22:00Z / 2010-12-12 21:00Z", "2010-12-12 21:45 Mars"})
            QVERIFY2(!news::parseTimeInput(QString::fromLatin1(bad)), bad);
    }
};

QTEST_GUILESS_MAIN(TestNewsMetadata)
#include "tst_newsmetadata.moc"
