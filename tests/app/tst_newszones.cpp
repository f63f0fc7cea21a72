// Zone names in article text: IANA zones for regions (DST on the day), fixed offsets for
// standard/summer names, ambiguous names resolved by the place the article names and said so,
// one instant written in two zones, dates that carry and contradict.
#include "model/isotime.h"
#include "news/newstime.h"
#include "news/newszones.h"

#include <QTest>

using namespace inquest;

namespace {

QString iso(qint64 us) { return isoUtc(us); }

} // namespace

class TestNewsZones : public QObject
{
    Q_OBJECT

private slots:
    void regionNamesFollowDaylightSaving()
    {
        const auto july = news::findTimes(u"It failed at 8:30am PT.", QDate(2024, 7, 11));
        QCOMPARE(july.size(), 1);
        QCOMPARE(iso(july[0].begin), QStringLiteral("2024-07-11T15:30:00Z")); // PDT, UTC-7
        const auto january = news::findTimes(u"It failed at 8:30am PT.", QDate(2024, 1, 11));
        QCOMPARE(iso(january[0].begin), QStringLiteral("2024-01-11T16:30:00Z")); // PST, UTC-8
        const auto eastern = news::findTimes(u"Restored by 12:05 PM Eastern Time.", QDate(2024, 1, 17));
        QCOMPARE(iso(eastern[0].begin), QStringLiteral("2024-01-17T17:05:00Z"));
        QVERIFY(eastern[0].assumedZone.isEmpty()); // the article stated it
    }

    void standardNamesAreFixed()
    {
        const auto r = news::findTimes(u"at 9:37AM PST and at 10:00 JST and 11:00 AEST", QDate(2024, 1, 18));
        QCOMPARE(r.size(), 3);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2024-01-18T17:37:00Z")); // "AM" in capitals is a time too
        QCOMPARE(iso(r[1].begin), QStringLiteral("2024-01-18T01:00:00Z"));
        QCOMPARE(iso(r[2].begin), QStringLiteral("2024-01-18T01:00:00Z"));
    }

    void bareRegionNamesAreZones()
    {
        // "9am Eastern", "9 a.m. Pacific", "1:05 p.m. Central time": a region without "Time", or
        // with it in lower case, is that region's zone on the day.
        const auto r = news::findTimes(
            u"It began shortly before 9am Eastern, and by 9 a.m. Pacific the queue was gone.", QDate(2024, 6, 20));
        QCOMPARE(r.size(), 2);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2024-06-20T13:00:00Z")); // EDT
        QCOMPARE(iso(r[1].begin), QStringLiteral("2024-06-20T16:00:00Z")); // PDT
        QVERIFY(r[0].assumedZone.isEmpty());
        const auto winter =
            news::findTimes(u"Calls failed at 1:05 p.m. Central time and returned at 6:10 p.m. Mountain standard time.",
                            QDate(2025, 1, 22));
        QCOMPARE(winter.size(), 2);
        QCOMPARE(iso(winter[0].begin), QStringLiteral("2025-01-22T19:05:00Z"));
        QCOMPARE(iso(winter[1].begin), QStringLiteral("2025-01-23T01:10:00Z"));
        // "Central European Time" is not US Central: left unzoned rather than read wrongly.
        const auto europe = news::findTimes(u"at 10:00 Central European Time", QDate(2025, 1, 22));
        QCOMPARE(europe.size(), 1);
        QVERIFY(!europe[0].assumedZone.isEmpty());
    }

    void standardNameInSummerKeepsItsOffsetWithANote()
    {
        const auto summer = news::findTimes(u"Messages stopped at 9:30 a.m. PST on Thursday.", QDate(2025, 7, 25));
        QCOMPARE(summer.size(), 1);
        QCOMPARE(iso(summer[0].begin), QStringLiteral("2025-07-24T17:30:00Z")); // as written: UTC-8
        QVERIFY2(summer[0].note.contains(QStringLiteral("probably meant PDT")), qPrintable(summer[0].note));
        QVERIFY(summer[0].note.contains(QStringLiteral("1 hour earlier")));
        const auto est = news::findTimes(u"It failed at 10:00 EST.", QDate(2024, 8, 1));
        QVERIFY(est[0].note.contains(QStringLiteral("EDT")));
        // In winter the standard name is right: no note.
        const auto winter = news::findTimes(u"Messages stopped at 9:30 a.m. PST.", QDate(2025, 1, 9));
        QCOMPARE(iso(winter[0].begin), QStringLiteral("2025-01-09T17:30:00Z"));
        QVERIFY(winter[0].note.isEmpty());
    }

    void zonelessTimeTakesTheZoneWrittenBeforeIt()
    {
        // A British article: "7am BST", then "2.15pm" with no zone is BST too, and says so.
        const auto r = news::findTimes(
            u"Problems began at 7am BST on Thursday. The bank said all was well again at 2.15pm.", QDate(2024, 8, 30));
        QCOMPARE(r.size(), 2);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2024-08-29T06:00:00Z"));
        QCOMPARE(iso(r[1].begin), QStringLiteral("2024-08-29T13:15:00Z"));
        QVERIFY(r[1].note.contains(QStringLiteral("BST")));
        QVERIFY(r[1].assumedZone.isEmpty());
        // An ambiguous zone is not carried: the later time stays an assumption of the reader's zone.
        const auto ist = news::findTimes(u"It failed at 9:15am IST. It was back at 11:00.", QDate(2024, 8, 30));
        QCOMPARE(ist.size(), 2);
        QVERIFY(!ist[1].assumedZone.isEmpty());
    }

    void oneInstantInTwoZones()
    {
        const auto r = news::findTimes(u"It went down at 11:30am ET/8:30am PT on Thursday.", QDate(2024, 7, 12));
        QCOMPARE(r.size(), 1);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2024-07-11T15:30:00Z"));
        const auto bracket = news::findTimes(u"Back by 9:45 a.m. PT (12:45 p.m. ET).", QDate(2024, 7, 11));
        QCOMPARE(bracket.size(), 1);
        QCOMPARE(iso(bracket[0].begin), QStringLiteral("2024-07-11T16:45:00Z"));
        // Two zones that do not agree stay two times, and say so.
        const auto clash = news::findTimes(u"at 11:30am ET/9:30am PT", QDate(2024, 7, 11));
        QCOMPARE(clash.size(), 2);
        QVERIFY(clash[0].note.contains(QStringLiteral("different instants")));
    }

    void aCapitalsTimeIsItsCountrysZone()
    {
        // Brasilia keeps UTC-3 all year; Moscow UTC+3.
        const auto brazil = news::findTimes(u"Orders stopped at 7:15 p.m. Brasilia time.", QDate(2025, 1, 9));
        QCOMPARE(brazil.size(), 1);
        QCOMPARE(iso(brazil[0].begin), QStringLiteral("2025-01-09T22:15:00Z"));
        QVERIFY(brazil[0].assumedZone.isEmpty());
        const auto accent = news::findTimes(u"at 8 a.m. Bras\u00EDlia time", QDate(2025, 1, 9));
        QCOMPARE(iso(accent[0].begin), QStringLiteral("2025-01-09T11:00:00Z"));
        const auto moscow = news::findTimes(u"from 14:00 Moscow time", QDate(2025, 1, 9));
        QCOMPARE(iso(moscow[0].begin), QStringLiteral("2025-01-09T11:00:00Z"));
    }

    void aZoneInBracketsRestatesTheInstantAndLaterTimesKeepTheFirstZone()
    {
        // The bracket converts the local time; "11:20 p.m." with no zone is local again, the
        // next day in UTC.
        const auto r = news::findTimes(
            u"Payments failed at 8:40 p.m. Brasilia time (2340 GMT) on Tuesday and worked again by 11:20 p.m.",
            QDate(2025, 1, 9));
        QCOMPARE(r.size(), 2);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2025-01-07T23:40:00Z"));
        QCOMPARE(iso(r[1].begin), QStringLiteral("2025-01-08T02:20:00Z"));
        QVERIFY(r[1].note.contains(QStringLiteral("Brasilia")));
    }

    void ambiguousZoneIsAnAssumptionOnTheTime()
    {
        const auto india = news::findTimes(u"Bookings resumed at 6:40 pm IST.", QDate(2025, 6, 5));
        QCOMPARE(iso(india[0].begin), QStringLiteral("2025-06-05T13:10:00Z"));
        QVERIFY(india[0].note.contains(QStringLiteral("India Standard Time")));
        QVERIFY(india[0].note.contains(QStringLiteral("assumed")));
        const auto dublin = news::findTimes(u"Card payments in Dublin failed from 9:15am IST.", QDate(2024, 7, 11));
        QCOMPARE(iso(dublin[0].begin), QStringLiteral("2024-07-11T08:15:00Z"));
        QVERIFY(dublin[0].note.contains(QStringLiteral("Ireland")));
        // The same instant in UTC beside it settles which IST.
        const auto paired = news::findTimes(u"at 11:30 am UTC (5 pm IST) on Thursday", QDate(2025, 6, 6));
        QCOMPARE(paired.size(), 1);
        QCOMPARE(iso(paired[0].begin), QStringLiteral("2025-06-05T11:30:00Z"));
        QVERIFY(paired[0].note.contains(QStringLiteral("same instant")));
    }

    void betweenAndIsAPeriodOnItsDate()
    {
        const auto r = news::findTimes(u"failed between 17:21 and 17:30 UTC on February 28th.", QDate(2023, 3, 2));
        QCOMPARE(r.size(), 1);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2023-02-28T17:21:00Z"));
        QCOMPARE(iso(r[0].end), QStringLiteral("2023-02-28T17:30:00Z"));
    }

    void aDateAMonthOffIsFlaggedWithBothReadings()
    {
        const auto r = news::findTimes(u"The pages went offline yesterday. \"Down from 06:10 to 08:45 UTC on "
                                       u"September 4th,\" she said.",
                                       QDate(2024, 10, 5));
        QCOMPARE(r.size(), 2);
        QCOMPARE(iso(r[1].begin), QStringLiteral("2024-09-04T06:10:00Z"));
        QVERIFY2(r[1].note.contains(QStringLiteral("2024-10-04")), qPrintable(r[1].note));
        QVERIFY(r[1].note.contains(QStringLiteral("2024-09-04")));
        // Agreeing dates carry no note.
        const auto fine = news::findTimes(u"It failed yesterday, at 06:10 UTC on October 4th.", QDate(2024, 10, 5));
        QVERIFY(fine.last().note.isEmpty());
    }

    void clockAndDayWordsAreOneTime()
    {
        const auto r =
            news::findTimes(u"ran out of memory at 07:40 this morning", QDate(2024, 3, 14), QStringLiteral("+01:00"));
        QCOMPARE(r.size(), 1);
        QCOMPARE(iso(r[0].begin), QStringLiteral("2024-03-14T06:40:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestNewsZones)
#include "tst_newszones.moc"
