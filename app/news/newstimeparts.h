#pragma once

#include <QStringView>

// The pieces of a time expression the scan found (newstimescan.h), read without a regular
// expression: a match of QRegularExpression costs thousands of instructions (match data, the
// match object, its offsets) and findTimes() parses every clock, date and weekday it finds.
// Each function gives exactly what the expression named beside it gives as its first match in
// `s` (same start, end and groups); those expressions stay the definition, and tst_newstime
// checks the two agree on generated text.
namespace inquest::news::timeparts {

struct Capture
{
    qsizetype begin = -1;
    qsizetype end = -1;
    bool has() const { return begin >= 0; }
    QStringView in(QStringView s) const { return has() ? s.mid(begin, end - begin) : QStringView(); }
};

// timescan::clockPart(): groups h, m, ap | h2, ap2 | h3, m3 | word, and zone.
struct ClockMatch
{
    Capture all, h, m, ap, h2, ap2, h3, m3, word, zone;
};
ClockMatch matchClock(QStringView s);

// timescan::datePart(): groups dmd, dmm, dmy | mdm, mdd, mdy | n1, n2, ny | iy, im, id.
struct DateMatch
{
    Capture all, dmd, dmm, dmy, mdm, mdd, mdy, n1, n2, ny, iy, im, id;
};
DateMatch matchDate(QStringView s);

// timescan::weekdayPart(): groups mod and wd.
struct WeekdayMatch
{
    Capture all, mod, wd;
};
WeekdayMatch matchWeekday(QStringView s);

} // namespace inquest::news::timeparts
