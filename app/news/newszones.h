#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>
#include <QTime>

namespace inquest::news {

// Which of the places that share a zone abbreviation an article speaks of ("Dublin" -> Ireland),
// found once per article: an ambiguous abbreviation is read as the zone of the place it names.
struct ZoneHints
{
    bool india = false, ireland = false, israel = false, china = false;
};
ZoneHints zoneHints(QStringView text);

// One way of reading a zone name written after a clock time.
struct ZoneReading
{
    int offsetMinutes = 0; // east of UTC, at the date and time read
    QString description;   // "India Standard Time, UTC+05:30"; only for the readings of an ambiguous name
    QString basis;         // for the likely reading of an ambiguous name: why it was chosen
    QString note;          // a doubt that leaves the offset as written ("PST" in summer: PDT meant?)
};

// A zone name as news writes it ("PST", "ET", "Eastern Time", "IST", "AEST") read at a wall-clock
// date and time. Names of a region ("ET", "PT", "Eastern Time") take their IANA zone's offset on
// that date, so DST is right ("PT" in July is UTC-07:00); names of a standard or summer time
// ("PST", "CEST") their fixed offset. `readings` lists every reading, the likely one first: more
// than one for an ambiguous name (IST: India, Ireland, Israel; CST: US Central, China), ordered
// by `hints`, India and US Central first when the article names no place. A standard time
// written on a day its region keeps summer time ("PST" in July) keeps its stated offset and says
// in `note` that the summer name was probably meant. Empty when unknown.
QList<ZoneReading> readZoneName(QStringView name, QDate date, QTime time, const ZoneHints &hints);

// The note a time read with readings[chosen] of an ambiguous name carries: what it was read as
// and why ("assumed: the article names no place", "the article speaks of Ireland", "the same
// instant is also written in UTC").
QString zoneAssumptionNote(QStringView name, const ZoneReading &reading, const QString &why);

} // namespace inquest::news
