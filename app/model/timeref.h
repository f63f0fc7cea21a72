#pragma once

#include <QString>

namespace inquest {

// A time expression found in text or set by hand, resolved to UTC.
// Instants have begin == end. Times are microseconds since the Unix epoch, UTC.
struct TimeRef
{
    QString phrase; // the words as written ("2145 GMT on Sunday 12 December")
    qint64 begin = 0;
    qint64 end = 0;
    bool approximate = false; // "about", "around", "more than"
    qint64 offset = -1;       // character offset of the phrase in its source text, -1 if none
    bool manual = false;      // set by the analyst: kept when the article's date changes
    // The zone a clock time that states none was read in: the article's publication zone
    // ("Europe/Berlin", "+01:00") or "UTC" when that is unknown. Empty when the phrase states its
    // zone ("2145 GMT") or names no clock time ("12 December", "yesterday"), so the zone of
    // "21:45 on Sunday" is shown as an assumption, not as something the article said.
    QString assumedZone;
    // What the reader should know about how the phrase was read: an ambiguous zone abbreviation
    // resolved by assumption ("IST read as India Standard Time, UTC+05:30 (assumed)"), a date
    // that contradicts the rest of the article with its other reading. Empty when nothing.
    QString note;

    bool isPeriod() const { return end != begin; }
    bool operator==(const TimeRef &) const = default;
};

} // namespace inquest
