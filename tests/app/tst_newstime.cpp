#include "news/newsextractor.h"
#include "news/newstime.h"
#include "news/newstimeparts.h"
#include "news/newstimescan.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace inquest;

namespace {

qint64 utc(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC).toMSecsSinceEpoch() * 1000;
}

QString iso(qint64 micros) { return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC).toString(Qt::ISODate); }

// Text made of the pieces time expressions are made of, in every order: near misses included
// ("UTCx", "Sundays", "32", "201", "a.m" without its dot, "Dec." before a digit).
QStringList piecesOfTimes(int count)
{
    static const char *const tokens[] = {
        "12",          "1",     "0",     "05",     "9",        "21",          "2145",     "23",         "24",
        "31",          "32",    "2010",  "10",     "201",      "12/12/2010",  "1/2/10",   "123/4/2010", "2010-12-12",
        "2010-12-123", "21:45", "9.45",  "2.5",    "19:7",     "10pm",        "9 a.m.",   "pm",         "am",
        "a.m",         "p.m.",  "m",     "GMT",    "UTC",      "UT",          "UTCx",     "Z",          "CEST",
        "CET",         "EST",   "hrs",   "noon",   "midnight", "noonday",     "December", "Dec",        "Dec.",
        "Sept",        "Sep",   "Septx", "May",    "March",    "of",          "often",    "st",         "th",
        "nd",          "rd",    "the",   "Sunday", "Sun",      "Sun.",        "Sundays",  "Tues",       "Thurs",
        "Thu",         "last",  "this",  "next",   "blast",    "at",          "on",       "X",          "_",
        "-",           "/",     ":",     ".",      "Moscow",   "Bras\xEDlia", "Brasilia", "time",       "Time"};
    static const char *const separators[] = {"", " ", " ", " ", "  ", ",", ", ", ".", "\n", "\t"};
    QRandomGenerator random(20101212);
    QStringList out;
    for (int i = 0; i < count; ++i) {
        QString s;
        for (int n = 1 + random.bounded(8); n > 0; --n) {
            s += QLatin1StringView(tokens[random.bounded(int(std::size(tokens)))]);
            s += QLatin1StringView(separators[random.bounded(int(std::size(separators)))]);
        }
        out.append(s);
    }
    return out;
}

// Whether a hand-read capture is the expression's group `name`.
bool same(const QRegularExpressionMatch &m, const char *name, news::timeparts::Capture c)
{
    const QString group = QString::fromLatin1(name);
    return m.capturedStart(group) == c.begin && m.capturedEnd(group) == c.end;
}

} // namespace

class TestNewsTime : public QObject
{
    Q_OBJECT

private slots:
    void resolves_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("published");
        QTest::addColumn<QString>("begin");
        QTest::addColumn<QString>("end");
        QTest::addColumn<bool>("approximate");

        const QDate dec13(2010, 12, 13); // a Monday
        QTest::newRow("reference compound")
            << "until 2145 GMT on Sunday 12 December." << dec13 << "2010-12-12T00:00:00Z"
            << "2010-12-12T21:45:00Z" << true;
        QTest::newRow("compound without until")
            << "It was back at 2145 GMT on Sunday 12 December." << dec13 << "2010-12-12T21:45:00Z"
            << "2010-12-12T21:45:00Z" << false;
        QTest::newRow("clock with zone, no date") << "at 21:45 UTC" << dec13 << "2010-12-13T21:45:00Z"
                                                  << "2010-12-13T21:45:00Z" << false;
        QTest::newRow("BST is UTC+1") << "at 9.45pm BST on 12 June 2011" << dec13 << "2011-06-12T20:45:00Z"
                                      << "2011-06-12T20:45:00Z" << false;
        QTest::newRow("military clock with hrs keeps its zone")
            << "at 1230 hrs BST on 12 June 2011" << dec13 << "2011-06-12T11:30:00Z"
            << "2011-06-12T11:30:00Z" << false;
        QTest::newRow("numeric date, day first") << "on 12/12/2010" << dec13 << "2010-12-12T00:00:00Z"
                                                 << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("numeric date, month first when day > 12") << "on 12/25/2010" << dec13 << "2010-12-25T00:00:00Z"
                                                                 << "2010-12-26T00:00:00Z" << false;
        QTest::newRow("iso date") << "on 2010-12-12" << dec13 << "2010-12-12T00:00:00Z"
                                  << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("month first with year") << "on December 12, 2010 at 10am" << dec13 << "2010-12-12T10:00:00Z"
                                               << "2010-12-12T10:00:00Z" << false;
        QTest::newRow("earlier today") << "The site went down earlier today." << dec13 << "2010-12-13T00:00:00Z"
                                       << "2010-12-14T00:00:00Z" << false;
        QTest::newRow("yesterday") << "It failed yesterday." << dec13 << "2010-12-12T00:00:00Z"
                                   << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("on Sunday, published Monday") << "It failed on Sunday." << dec13 << "2010-12-12T00:00:00Z"
                                                     << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("on Monday, published Monday is that day")
            << "It failed on Monday." << dec13 << "2010-12-13T00:00:00Z"
            << "2010-12-14T00:00:00Z" << false;
        QTest::newRow("last Monday, published Monday is a week back")
            << "It failed last Monday." << dec13 << "2010-12-06T00:00:00Z"
            << "2010-12-07T00:00:00Z" << false;
        QTest::newRow("this weekend on a Monday looks back")
            << "an attack this weekend" << dec13 << "2010-12-11T00:00:00Z"
            << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("this weekend on a Wednesday looks ahead")
            << "an attack this weekend" << QDate(2010, 12, 8) << "2010-12-11T00:00:00Z"
            << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("this weekend on a Sunday is the current one")
            << "an attack this weekend" << QDate(2010, 12, 12) << "2010-12-11T00:00:00Z"
            << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("duration ending at a time")
            << "down for more than 30 minutes until about 2145 GMT on Sunday 12 December" << dec13
            << "2010-12-12T21:15:00Z"
            << "2010-12-12T21:45:00Z" << true;
        QTest::newRow("from until") << "from 10:05 GMT until 10:50 GMT on Friday 25 November" << QDate(2011, 11, 26)
                                    << "2011-11-25T10:05:00Z"
                                    << "2011-11-25T10:50:00Z" << false;
        // Found by fuzz_newstime: an end before the start made a period that ran backwards.
        QTest::newRow("from until, overnight")
            << "from 23:00 until 01:30 GMT on Sunday 12 December" << dec13 << "2010-12-11T23:00:00Z"
            << "2010-12-12T01:30:00Z" << false;
        QTest::newRow("from until, clock only, overnight")
            << "from 20:00 until 10:45 GMT" << dec13 << "2010-12-13T20:00:00Z"
            << "2010-12-14T10:45:00Z" << false;
        QTest::newRow("from until, dates backwards: two instants")
            << "from 12 December 2010 until 10 December 2010" << dec13 << "2010-12-12T00:00:00Z"
            << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("at a time for a duration") << "at 18:00 UTC for 20 minutes" << dec13 << "2010-12-13T18:00:00Z"
                                                  << "2010-12-13T18:20:00Z" << false;
        QTest::newRow("weekday picks the year across new year")
            << "at 0915 GMT on Saturday 1 January" << QDate(2011, 1, 7) << "2011-01-01T09:15:00Z"
            << "2011-01-01T09:15:00Z" << false;
        QTest::newRow("no weekday: nearest year, back across new year")
            << "on 31 December" << QDate(2011, 1, 7) << "2010-12-31T00:00:00Z"
            << "2011-01-01T00:00:00Z" << false;
        QTest::newRow("no weekday: nearest year, forward across new year")
            << "on 2 January" << QDate(2010, 12, 30) << "2011-01-02T00:00:00Z"
            << "2011-01-03T00:00:00Z" << false;
        QTest::newRow("weekday can move the year further back")
            << "on Sunday 12 December" << QDate(2011, 6, 1) << "2010-12-12T00:00:00Z"
            << "2010-12-13T00:00:00Z" << false;
        QTest::newRow("clock takes the date named before it")
            << "On 12 December, errors began at 21:00 UTC." << dec13 << "2010-12-12T00:00:00Z"
            << "2010-12-13T00:00:00Z" << false; // first of two refs; the clock is checked below
    }
    void resolves()
    {
        QFETCH(QString, text);
        QFETCH(QDate, published);
        QFETCH(QString, begin);
        QFETCH(QString, end);
        QFETCH(bool, approximate);
        const QList<TimeRef> refs = news::findTimes(text, published);
        QVERIFY2(!refs.isEmpty(), "no time found");
        QCOMPARE(iso(refs.first().begin), begin);
        QCOMPARE(iso(refs.first().end), end);
        QCOMPARE(refs.first().approximate, approximate);
        QVERIFY(refs.first().offset >= 0);
        QCOMPARE(text.mid(refs.first().offset, refs.first().phrase.size()), refs.first().phrase);
    }

    void referencePhraseIsTheInstant()
    {
        const QString text = QStringLiteral("2145 GMT on Sunday 12 December");
        const auto refs = news::findTimes(text, QDate(2010, 12, 13));
        QCOMPARE(refs.size(), 1);
        QCOMPARE(refs[0].phrase, text);
        QCOMPARE(refs[0].begin, utc(2010, 12, 12, 21, 45));
        QCOMPARE(refs[0].end, refs[0].begin);
        QCOMPARE(iso(refs[0].begin), QStringLiteral("2010-12-12T21:45:00Z"));
    }

    void clockInheritsTheNearestDateBefore()
    {
        const auto refs = news::findTimes(u"On 12 December, errors began at 21:00 UTC.", QDate(2010, 12, 13));
        QCOMPARE(refs.size(), 2);
        QCOMPARE(refs[1].begin, utc(2010, 12, 12, 21));
        // The nearest date before carries across a paragraph break ("On Tuesday …" then "Around
        // 11:30 …"); with no date before, the clock takes the publication day.
        const auto apart =
            news::findTimes(u"On 12 December it rained.\n\nErrors began at 21:00 UTC.", QDate(2010, 12, 13));
        QCOMPARE(apart.size(), 2);
        QCOMPARE(apart[1].begin, utc(2010, 12, 12, 21));
        const auto alone = news::findTimes(u"It rained.\n\nErrors began at 21:00 UTC.", QDate(2010, 12, 13));
        QCOMPARE(alone.size(), 1);
        QCOMPARE(alone[0].begin, utc(2010, 12, 13, 21));
    }

    void aWeekdayAfterOfIsThatDayAndCarries()
    {
        // Published on a Thursday: "most of Monday" is three days before, and a clock time in the
        // next paragraph takes that day rather than the publication date.
        const auto r =
            news::findTimes(u"The portal was slow for most of Monday.\n\nIt stopped at 14:20 UTC.", QDate(2025, 3, 13));
        QCOMPARE(r.size(), 2);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2025-03-10T00:00:00Z"));
        QCOMPARE(iso(r[1].begin), QStringLiteral("2025-03-10T14:20:00Z"));
    }

    void notTimes()
    {
        const QDate pub(2010, 12, 13);
        QVERIFY(news::findTimes(u"The Sunday Times reported it.", pub).isEmpty()); // bare weekday
        QVERIFY(news::findTimes(u"Shares fell 2.5 per cent.", pub).isEmpty());     // dotted number
        QVERIFY(news::findTimes(u"It has 2145 servers.", pub).isEmpty());          // four digits, no zone
        QVERIFY(news::findTimes(u"It lasted for 30 minutes.", pub).isEmpty());     // a duration with no anchor
        QVERIFY(news::findTimes(u"on 31 February", pub).isEmpty());                // impossible date
    }

    // The scan tries its expression only where a time can begin (not at numbers that cannot
    // start one, nor at lead words that only follow "for"): times next to such words and numbers,
    // capitalised lead words and numbers right before a zone are still all found.
    void timesNextToNumbersAndLeadWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("begin");
        QTest::addColumn<QString>("end");
        QTest::newRow("zone right after the digits")
            << "Around 45 000 users saw errors at 2145GMT on Sunday 12 December." << 1 << "2010-12-12T21:45:00Z"
            << "2010-12-12T21:45:00Z";
        QTest::newRow("duration after a number")
            << "After 35 members objected, it stopped for about five hours until 10pm." << 1 << "2010-12-13T17:00:00Z"
            << "2010-12-13T22:00:00Z";
        QTest::newRow("capitalised lead word") << "Over the weekend it failed." << 1 << "2010-12-11T00:00:00Z"
                                               << "2010-12-13T00:00:00Z";
        QTest::newRow("ordinal date with a spaced clock")
            << "It failed on the 12th of December at 10 pm." << 1 << "2010-12-12T22:00:00Z"
            << "2010-12-12T22:00:00Z";
        QTest::newRow("a number inside a word is no date")
            << "Code X12/12/2010 is none, but 12/12/2010 is." << 1 << "2010-12-12T00:00:00Z"
            << "2010-12-13T00:00:00Z";
    }
    void timesNextToNumbersAndLeadWords()
    {
        QFETCH(QString, text);
        QFETCH(int, count);
        QFETCH(QString, begin);
        QFETCH(QString, end);
        const QList<TimeRef> refs = news::findTimes(text, QDate(2010, 12, 13));
        QCOMPARE(refs.size(), count);
        QCOMPARE(iso(refs.first().begin), begin);
        QCOMPARE(iso(refs.first().end), end);
    }

    // Found by fuzz_news: "Published: 2 March 1005" made Boost.Date_Time throw and ended the
    // program. A publication date outside 1400..9999 is treated as none.
    void publicationDateOutOfRangeIsIgnored()
    {
        for (const QDate pub : {QDate(1005, 3, 2), QDate(12000, 1, 1), QDate(-44, 3, 15)}) {
            QVERIFY(news::findTimes(u"at 21:45 GMT yesterday, on Sunday 12 December", pub).isEmpty());
            const QList<TimeRef> full = news::findTimes(u"on 12 December 2010", pub);
            QCOMPARE(full.size(), 1);
            QCOMPARE(iso(full.first().begin), QStringLiteral("2010-12-12T00:00:00Z"));
        }
    }

    void withoutPublicationDateOnlyFullDatesResolve()
    {
        QVERIFY(news::findTimes(u"on Sunday 12 December", QDate()).isEmpty());
        QVERIFY(news::findTimes(u"earlier today", QDate()).isEmpty());
        const auto refs = news::findTimes(u"at 21:45 UTC on 12 December 2010", QDate());
        QCOMPARE(refs.size(), 1);
        QCOMPARE(refs[0].begin, utc(2010, 12, 12, 21, 45));
    }

    void untilGivesAPeriodWithAnEnd()
    {
        const auto refs = news::findTimes(u"offline until around 2145 GMT on Sunday 12 December", QDate(2010, 12, 13));
        QCOMPARE(refs.size(), 1);
        QVERIFY(refs[0].isPeriod());
        QCOMPARE(refs[0].end, utc(2010, 12, 12, 21, 45));
        QVERIFY(refs[0].approximate);
        QVERIFY(refs[0].phrase.startsWith(u"until around"));
    }

    void negatedUntilIsTheMomentItHappened()
    {
        // "did not recover until 9:40pm": it recovered at 9:40pm; no period from midnight.
        const auto refs = news::findTimes(u"The app stopped at 8:15pm GMT on Saturday and did not fully recover until "
                                          u"9:40pm GMT.",
                                          QDate(2025, 2, 3));
        QCOMPARE(refs.size(), 2);
        QVERIFY(!refs[1].isPeriod());
        QCOMPARE(refs[1].begin, utc(2025, 2, 1, 21, 40));
        const auto wasnt = news::findTimes(u"It wasn't back until 11:00 UTC on Friday.", QDate(2025, 2, 3));
        QCOMPARE(wasnt.size(), 1);
        QVERIFY(!wasnt[0].isPeriod());
    }

    // "began at 10 a.m. … and lasted until 2:30 p.m.": the start is stated, so the "until" is when
    // it ended (an instant), not a period from midnight.
    void untilAfterAStatedStartIsTheEnd()
    {
        const auto refs =
            news::findTimes(u"Orders began failing at about 7:10 a.m. UTC on Monday, when a deploy went out, "
                            u"and it lasted until 9:05 a.m. UTC.",
                            QDate(2025, 3, 4));
        QCOMPARE(refs.size(), 2);
        QCOMPARE(refs[0].begin, utc(2025, 3, 3, 7, 10));
        QVERIFY(!refs[1].isPeriod());
        QCOMPARE(refs[1].begin, utc(2025, 3, 3, 9, 5));
    }

    void laterClockTimeBeforeTheFirstIsTheNextDay()
    {
        // In one sentence, a clock time that borrows the date before it but falls before the
        // first is the next day; across zones it is a list, and "earlier" keeps it on the day.
        const auto night = news::findTimes(u"Sign-ins failed at 4 p.m. Pacific on December 25, and players could "
                                           u"connect again shortly after 1 a.m. Pacific.",
                                           QDate(2024, 12, 27));
        QCOMPARE(night.size(), 2);
        QCOMPARE(night[0].begin, utc(2024, 12, 26, 0, 0));
        QCOMPARE(night[1].begin, utc(2024, 12, 26, 9, 0));
        const auto earlier = news::findTimes(u"It failed at 16:00 UTC on 3 March, after a change made earlier at "
                                             u"09:00 UTC.",
                                             QDate(2025, 3, 4));
        QCOMPARE(earlier.size(), 2);
        QCOMPARE(earlier[1].begin, utc(2025, 3, 3, 9, 0));
    }

    void anEmbeddedPostCountsFromItsOwnDate()
    {
        // Published on the 25th; the post under "— … July 24, 2025" says "this morning": the 24th.
        const auto r = news::findTimes(u"The app failed.\n\nWe're sorry for the disruption this morning.\n\n\u2014 "
                                       u"Cinder (@cinderapp) July 24, 2025\n\nIt recovered this afternoon.",
                                       QDate(2025, 7, 25));
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[0].begin, utc(2025, 7, 24, 6, 0));
        QCOMPARE(r[2].begin, utc(2025, 7, 25, 12, 0)); // outside the post: the publication date
    }

    void aDayWordInAQuoteIsUndatedWhenTheEventsWereOnAnotherDay()
    {
        // Published Thursday 6 March about failures "on Wednesday": a spokesman's "this morning"
        // counts from the day he spoke, which the article does not give. No time for it (nor for a
        // clock time it dates), and the clock time after it keeps Wednesday and says why.
        const QDate thursday(2025, 3, 6);
        const auto r = news::findTimes(u"Card payments failed on Wednesday, the bank said.\n\n\u201CWe had it "
                                       u"fixed by lunchtime this morning,\u201D a spokesman said, adding that "
                                       u"payments resumed at 11:50 GMT.",
                                       thursday);
        QCOMPARE(r.size(), 2);
        QCOMPARE(r[0].begin, utc(2025, 3, 5));
        QCOMPARE(r[1].begin, utc(2025, 3, 5, 11, 50));
        QVERIFY2(r[1].note.contains(u"this morning") && r[1].note.contains(u"2025-03-05"), qPrintable(r[1].note));
        const auto clock = news::findTimes(u"Sales stopped on Wednesday.\n\n\u201COur servers ran out of memory at "
                                           u"07:40 this morning,\u201D said Jana Vogel.",
                                           thursday);
        QCOMPARE(clock.size(), 1);
        QCOMPARE(clock[0].begin, utc(2025, 3, 5));
        // Events on the day of publication, or the same words outside a quote: the publication day.
        const auto sameDay = news::findTimes(u"Card payments failed on Thursday.\n\n\u201CWe had it fixed this "
                                             u"morning,\u201D a spokesman said.",
                                             thursday);
        QCOMPARE(sameDay.size(), 2);
        QCOMPARE(sameDay[1].begin, utc(2025, 3, 6, 6, 0));
        const auto narrated =
            news::findTimes(u"Card payments failed on Wednesday. They were fixed this morning.", thursday);
        QCOMPARE(narrated.size(), 2);
        QCOMPARE(narrated[1].begin, utc(2025, 3, 6, 6, 0));
        // The attribution dates the words: the day word counts from that day.
        const auto said = news::findTimes(u"The portal went down on Monday.\n\n\u201CExpect trouble this "
                                          u"weekend,\u201D said one message posted to a forum on Thursday.",
                                          QDate(2025, 3, 11));
        QCOMPARE(said.size(), 3);
        QCOMPARE(said[1].phrase, QStringLiteral("this weekend"));
        QCOMPARE(said[1].begin, utc(2025, 3, 8));
        QCOMPARE(said[1].end, utc(2025, 3, 10));
        QVERIFY2(said[1].note.contains(u"2025-03-06"), qPrintable(said[1].note));
    }

    void aWeekdayOfWhatIsToComeCountsAhead()
    {
        // Published on Saturday 10 October 2026: "by Monday" after "should" is the 12th, and "on
        // Thursday next week" the 15th; neither dates the clock time after it.
        const QDate saturday(2026, 10, 10);
        const auto r = news::findTimes(u"Wages should reach accounts by Monday. Exams will be sat again on Thursday "
                                       u"next week. The service failed at 14:10 UTC.",
                                       saturday);
        QCOMPARE(r.size(), 3);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2026-10-12T00:00:00Z"));
        QCOMPARE(iso(r[1].begin), QStringLiteral("2026-10-15T00:00:00Z"));
        QCOMPARE(iso(r[2].begin), QStringLiteral("2026-10-10T14:10:00Z"));
        // What happened: counted back.
        const auto past = news::findTimes(u"Wages reached accounts on Monday.", saturday);
        QCOMPARE(iso(past[0].begin), QStringLiteral("2026-10-05T00:00:00Z"));
    }

    void quotedDaysWhoseDayIsNotKnownAreReportedNotGuessed()
    {
        // Published Thursday 13 March about a failure "on Tuesday" (the 11th); the engineer spoke
        // on one of the days from Tuesday to Thursday, and the article does not say which.
        const QDate thursday(2025, 3, 13);
        QList<TimeRef> unplaced;
        const auto r = news::findTimes(u"The router failed on Tuesday.\n\n\u201COn Wednesday we replaced the "
                                       u"router, and it has held since this afternoon,\u201D an engineer said.",
                                       thursday, {}, &unplaced);
        // Wednesday counted from Tuesday is the 5th, from Thursday the 12th: no time, and said why.
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].begin, utc(2025, 3, 11));
        QCOMPARE(unplaced.size(), 2);
        QCOMPARE(unplaced[0].phrase, QStringLiteral("On Wednesday"));
        QVERIFY2(unplaced[0].note.contains(u"2025-03-05") && unplaced[0].note.contains(u"2025-03-12"),
                 qPrintable(unplaced[0].note));
        QCOMPARE(unplaced[1].phrase, QStringLiteral("since this afternoon"));
        QVERIFY2(unplaced[1].note.contains(u"2025-03-11"), qPrintable(unplaced[1].note));
        // A weekday that is the same day whichever day the words were said keeps its time.
        unplaced.clear();
        const auto monday = news::findTimes(u"The router failed on Tuesday.\n\n\u201COn Monday we saw the first "
                                            u"errors,\u201D an engineer said.",
                                            thursday, {}, &unplaced);
        QCOMPARE(monday.size(), 2);
        QCOMPARE(monday[1].begin, utc(2025, 3, 10));
        QVERIFY(unplaced.isEmpty());
        // The import says so, with the line.
        QStringList warnings;
        news::ExtractOptions o;
        o.published = thursday;
        o.warnings = &warnings;
        news::extractStatements(u"The router failed on Tuesday.\n\n\u201COn Wednesday we replaced the router,"
                                u"\u201D an engineer said.",
                                o);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].startsWith(u"line 3: \u201COn Wednesday\u201D gives no time"), qPrintable(warnings[0]));
    }

    void theDaySomeoneSpokeDoesNotCarryToLaterTimes()
    {
        // "told reporters on a call on Thursday" dates the call; the recovery time after it keeps
        // the day of the outage.
        const auto r = news::findTimes(u"The outage began at 10:42 UTC on Wednesday. The chief told reporters on a "
                                       u"call on Thursday that it was fixed. Most services had recovered by 13:30 UTC.",
                                       QDate(2025, 3, 6));
        QCOMPARE(r.last().begin, utc(2025, 3, 5, 13, 30));
    }

    // A clock time that states no zone is read in the article's publication zone, with the DST
    // of its day, and says that the zone was assumed; one that states its zone keeps it.
    void zonelessClockTimesReadInThePublicationZone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("published");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("begin");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QString>("assumed");
        QTest::newRow("winter, Berlin") << "at 21:45 on Sunday" << QDate(2010, 12, 13) << "Europe/Berlin"
                                        << "2010-12-12T20:45:00Z"
                                        << "2010-12-12T20:45:00Z"
                                        << "Europe/Berlin";
        QTest::newRow("summer, Berlin") << "at 21:45 on Sunday" << QDate(2011, 6, 13) << "Europe/Berlin"
                                        << "2011-06-12T19:45:00Z"
                                        << "2011-06-12T19:45:00Z"
                                        << "Europe/Berlin";
        QTest::newRow("pm, Berlin") << "at 9.45pm on Sunday" << QDate(2010, 12, 13) << "Europe/Berlin"
                                    << "2010-12-12T20:45:00Z"
                                    << "2010-12-12T20:45:00Z"
                                    << "Europe/Berlin";
        QTest::newRow("no zone known: UTC") << "at 21:45 on Sunday" << QDate(2010, 12, 13) << ""
                                            << "2010-12-12T21:45:00Z"
                                            << "2010-12-12T21:45:00Z"
                                            << "UTC";
        QTest::newRow("zone not understood: UTC") << "at 21:45 on Sunday" << QDate(2010, 12, 13) << "Mars/Olympus"
                                                  << "2010-12-12T21:45:00Z"
                                                  << "2010-12-12T21:45:00Z"
                                                  << "UTC";
        QTest::newRow("fixed offset") << "at 21:45 on Sunday" << QDate(2010, 12, 13) << "+05:30"
                                      << "2010-12-12T16:15:00Z"
                                      << "2010-12-12T16:15:00Z"
                                      << "+05:30";
        QTest::newRow("GMT stated") << "2145 GMT on Sunday 12 December" << QDate(2010, 12, 13) << "Europe/Berlin"
                                    << "2010-12-12T21:45:00Z"
                                    << "2010-12-12T21:45:00Z"
                                    << "";
        QTest::newRow("BST stated") << "at 9.45pm BST on Sunday" << QDate(2011, 6, 13) << "Europe/Berlin"
                                    << "2011-06-12T20:45:00Z"
                                    << "2011-06-12T20:45:00Z"
                                    << "";
        QTest::newRow("a date has no clock to assume for")
            << "on Sunday 12 December" << QDate(2010, 12, 13) << "Europe/Berlin"
            << "2010-12-12T00:00:00Z"
            << "2010-12-13T00:00:00Z"
            << "";
        // Spring forward in Berlin: 02:30 on 27 March 2011 never showed; the offset before the gap.
        QTest::newRow("DST gap") << "at 02:30 on Sunday 27 March 2011" << QDate(2011, 3, 28) << "Europe/Berlin"
                                 << "2011-03-27T01:30:00Z"
                                 << "2011-03-27T01:30:00Z"
                                 << "Europe/Berlin";
        // The zone one end of a period states is that of the other.
        QTest::newRow("from zoneless until GMT")
            << "from 20:00 until 21:45 GMT on Sunday" << QDate(2010, 12, 13) << "Europe/Berlin"
            << "2010-12-12T20:00:00Z"
            << "2010-12-12T21:45:00Z"
            << "";
        QTest::newRow("from CET until zoneless") << "from 20:00 CET until 21:45 on Sunday" << QDate(2010, 12, 13) << ""
                                                 << "2010-12-12T19:00:00Z"
                                                 << "2010-12-12T20:45:00Z"
                                                 << "";
        QTest::newRow("both zoneless") << "from 20:00 until 21:45 on Sunday" << QDate(2010, 12, 13) << "Europe/Berlin"
                                       << "2010-12-12T19:00:00Z"
                                       << "2010-12-12T20:45:00Z"
                                       << "Europe/Berlin";
        QTest::newRow("duration until zoneless")
            << "for 30 minutes until 21:45 on Sunday" << QDate(2010, 12, 13) << "Europe/Berlin"
            << "2010-12-12T20:15:00Z"
            << "2010-12-12T20:45:00Z"
            << "Europe/Berlin";
        // "until": from the start of that day in the zone the time is read in.
        QTest::newRow("until zoneless") << "until around 21:45 on Sunday" << QDate(2010, 12, 13) << "Europe/Berlin"
                                        << "2010-12-11T23:00:00Z"
                                        << "2010-12-12T20:45:00Z"
                                        << "Europe/Berlin";
        QTest::newRow("until EST") << "until 9pm EST on Sunday" << QDate(2010, 12, 13) << ""
                                   << "2010-12-12T05:00:00Z"
                                   << "2010-12-13T02:00:00Z"
                                   << "";
    }
    void zonelessClockTimesReadInThePublicationZone()
    {
        QFETCH(QString, text);
        QFETCH(QDate, published);
        QFETCH(QString, zone);
        const QList<TimeRef> refs = news::findTimes(text, published, zone);
        QCOMPARE(refs.size(), 1);
        QTEST(iso(refs[0].begin), "begin");
        QTEST(iso(refs[0].end), "end");
        QTEST(refs[0].assumedZone, "assumed");
    }

    // The pieces of a match are read by hand (newstimeparts.h); the expressions define them.
    void handReadPiecesAgreeWithTheExpressions()
    {
        using namespace news::timeparts;
        int clocks = 0, dates = 0, weekdays = 0;
        for (const QString &s : piecesOfTimes(30000)) {
            const auto c = news::timescan::clockPart().match(s);
            const ClockMatch hc = matchClock(s);
            QVERIFY2(c.capturedStart() == hc.all.begin && c.capturedEnd() == hc.all.end && same(c, "h", hc.h) &&
                         same(c, "m", hc.m) && same(c, "ap", hc.ap) && same(c, "h2", hc.h2) && same(c, "ap2", hc.ap2) &&
                         same(c, "h3", hc.h3) && same(c, "m3", hc.m3) && same(c, "word", hc.word) &&
                         same(c, "zone", hc.zone),
                     qPrintable(QStringLiteral("clock: ") + s));
            const auto d = news::timescan::datePart().match(s);
            const DateMatch hd = matchDate(s);
            QVERIFY2(d.capturedStart() == hd.all.begin && d.capturedEnd() == hd.all.end && same(d, "dmd", hd.dmd) &&
                         same(d, "dmm", hd.dmm) && same(d, "dmy", hd.dmy) && same(d, "mdm", hd.mdm) &&
                         same(d, "mdd", hd.mdd) && same(d, "mdy", hd.mdy) && same(d, "n1", hd.n1) &&
                         same(d, "n2", hd.n2) && same(d, "ny", hd.ny) && same(d, "iy", hd.iy) && same(d, "im", hd.im) &&
                         same(d, "id", hd.id),
                     qPrintable(QStringLiteral("date: ") + s));
            const auto w = news::timescan::weekdayPart().match(s);
            const WeekdayMatch hw = matchWeekday(s);
            QVERIFY2(w.capturedStart() == hw.all.begin && w.capturedEnd() == hw.all.end && same(w, "mod", hw.mod) &&
                         same(w, "wd", hw.wd),
                     qPrintable(QStringLiteral("weekday: ") + s));
            clocks += c.hasMatch();
            dates += d.hasMatch();
            weekdays += w.hasMatch();
        }
        // The text has matches of every kind, not only misses.
        QVERIFY(clocks > 3000 && dates > 3000 && weekdays > 3000);
    }

    void referencePhraseIgnoresThePublicationZone()
    {
        const auto refs =
            news::findTimes(u"2145 GMT on Sunday 12 December", QDate(2010, 12, 13), QStringLiteral("Europe/Berlin"));
        QCOMPARE(refs.size(), 1);
        QCOMPARE(iso(refs[0].begin), QStringLiteral("2010-12-12T21:45:00Z"));
        QVERIFY(refs[0].assumedZone.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestNewsTime)
#include "tst_newstime.moc"
