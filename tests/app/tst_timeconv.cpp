#include "ingest/timeconv.h"

#include <QTest>

using namespace inquest;

class TestTimeConv : public QObject
{
    Q_OBJECT
private slots:
    void civilDates()
    {
        QCOMPARE(daysFromCivil(1970, 1, 1).value(), 0);
        QCOMPARE(daysFromCivil(2000, 3, 1).value(), 11017);
        QVERIFY(!daysFromCivil(2023, 2, 29));
        QVERIFY(daysFromCivil(2024, 2, 29));
        QVERIFY(!daysFromCivil(2023, 4, 31));
        QCOMPARE(civilSeconds(2023, 10, 10, 13, 55, 36).value(), 1696946136);
    }
    void months()
    {
        QCOMPARE(monthFromName("Jan"), 1);
        QCOMPARE(monthFromName("dec"), 12);
        QCOMPARE(monthFromName("août"), 8);
        QCOMPARE(monthFromName("Foo"), 0);
    }
    void offsets()
    {
        QCOMPARE(parseUtcOffset("+0200").value(), 7200);
        QCOMPARE(parseUtcOffset("-07:00").value(), -25200);
        QCOMPARE(parseUtcOffset("+0330").value(), 12600);
        QCOMPARE(parseUtcOffset("Z").value(), 0);
        QVERIFY(!parseUtcOffset("FOO"));
        QVERIFY(!parseUtcOffset("+2500"));
    }
    void isoTimes()
    {
        auto t = parseIsoTime("2021-03-06T04:07:38.251122+01:00 rest");
        QVERIFY(t);
        QCOMPARE(t->civilUs, int64_t(1615003658251122));
        QCOMPARE(t->offsetSeconds.value(), 3600);
        QCOMPARE(t->length, std::size_t(32));
        t = parseIsoTime("2002-05-02 17:42:15");
        QVERIFY(t && !t->offsetSeconds);
        QVERIFY(!parseIsoTime("2002-13-02 17:42:15"));
        QVERIFY(!parseIsoTime("not a time"));
    }
    void zones()
    {
        QString error;
        auto utc = ZoneConverter::fromSpec(QString(), &error);
        QVERIFY(utc && utc->isUtc());
        auto fixed = ZoneConverter::fromSpec(QStringLiteral("+01:00"), &error);
        QCOMPARE(fixed->toUtc(3600), 0);
        QVERIFY(!ZoneConverter::fromSpec(QStringLiteral("Mars/Olympus"), &error));
        QVERIFY(error.contains(u"Mars/Olympus"));
        auto berlin = ZoneConverter::fromSpec(QStringLiteral("Europe/Berlin"), &error);
        QVERIFY(berlin);
        // Summer (CEST, +2) and winter (CET, +1).
        QCOMPARE(berlin->toUtc(*civilSeconds(2023, 7, 1, 12, 0, 0)), *civilSeconds(2023, 7, 1, 10, 0, 0));
        QCOMPARE(berlin->toUtc(*civilSeconds(2023, 12, 1, 12, 0, 0)), *civilSeconds(2023, 12, 1, 11, 0, 0));
        // Spring-forward gap (02:30 does not exist on 2023-03-26): the offset before the gap.
        QCOMPARE(berlin->toUtc(*civilSeconds(2023, 3, 26, 2, 30, 0)), *civilSeconds(2023, 3, 26, 1, 30, 0));
    }
    void fallBackFold()
    {
        QString error;
        auto berlin = *ZoneConverter::fromSpec(QStringLiteral("Europe/Berlin"), &error);
        // 02:10 and 02:50 first in CEST, then the clock goes back: 02:05 and 02:55 are CET.
        QCOMPARE(berlin.toUtc(*civilSeconds(2023, 10, 29, 2, 10, 0)), *civilSeconds(2023, 10, 29, 0, 10, 0));
        QCOMPARE(berlin.toUtc(*civilSeconds(2023, 10, 29, 2, 50, 0)), *civilSeconds(2023, 10, 29, 0, 50, 0));
        QCOMPARE(berlin.toUtc(*civilSeconds(2023, 10, 29, 2, 5, 0)), *civilSeconds(2023, 10, 29, 1, 5, 0));
        QCOMPARE(berlin.toUtc(*civilSeconds(2023, 10, 29, 2, 55, 0)), *civilSeconds(2023, 10, 29, 1, 55, 0));
    }
};

QTEST_GUILESS_MAIN(TestTimeConv)
#include "tst_timeconv.moc"
