#pragma once

#include "model/timeref.h"
#include "newszones.h"

#include <QDate>
#include <QList>
#include <QStringView>

// What findTimes() (newstime.h) knows about each time expression it found, and the steps after
// the scan that need more than one of them: periods, one instant written in two zones, dates
// that contradict the rest of the article. Internal to app/news.
namespace inquest::news::timeitem {

constexpr qint64 DayMicros = 86400LL * 1000000;

// How an expression got its day.
enum class DayBasis {
    None,     // no day: a duration
    Written,  // the phrase writes its date ("4 September", "2024-09-04")
    Relative, // counted from the publication date ("yesterday", "on Friday")
    Borrowed, // a clock time that took the date before it, or the publication date
};

struct Item
{
    TimeRef ref;
    qint64 end = 0; // end offset of the phrase in the text
    QString prep;
    bool resolved = false;
    bool dateOnly = false;
    qint64 durationMicros = 0; // for "for 30 minutes"
    bool isDuration = false;
    bool ownDate = false; // the phrase names its date (or weekday) rather than borrowing one
    DayBasis basis = DayBasis::None;
    QDate day; // the (wall-clock) day it is on, when it has one
    // Clock times: the wall-clock time (µs, as if UTC), the offset of the zone stated (µs east),
    // and the UTC start of the wall-clock day in the zone the time was read in.
    bool isClock = false;
    bool zoneStated = false;
    qint64 civil = 0;
    qint64 zoneOffset = 0;
    qint64 dayStart = 0;
    QString zoneName;                // as written, when stated
    QList<ZoneReading> zoneReadings; // more than one for an ambiguous name, the one used first
};

// One instant written in two zones next to each other ("11:30am ET/8:30am PT", "11:30 UTC (5 pm
// IST)", "9:45 a.m. PT (12:45 p.m. ET)") becomes one item. The day comes from the one that writes
// it; an ambiguous zone takes the reading that agrees with the other (and says so in its note).
// Two that agree under no reading stay two, each noting the disagreement.
void mergeDualZones(QStringView text, QList<Item> &items);

// A written date one month (or one year) away from a day the article counts from its publication
// ("yesterday", "on Tuesday") with the same day of the month is likely a slip: the time keeps the
// date as written and its note gives the other reading.
void flagContradictingDates(QStringView text, QList<Item> &items);

// Joins durations, "from … until …" and "between … and …" into periods; an "until" with no start
// is an open period from the start of its day.
QList<TimeRef> joinPeriods(QStringView text, const QList<Item> &items);

} // namespace inquest::news::timeitem
