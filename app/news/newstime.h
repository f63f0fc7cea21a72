#pragma once

#include "model/timeref.h"

#include <QDate>
#include <QList>
#include <QStringView>

namespace inquest::news {

// Finds the time expressions in an article's text and resolves them to UTC against the
// publication date, with Boost.Date_Time doing the calendar work:
//   clock times  "2145 GMT", "21:45 UTC", "9.45pm BST", "at 10am" (no zone: see below)
//   dates        "Sunday 12 December", "12 December 2010", "December 12, 2010", "12/12/2010"
//                (day first unless that is impossible), "2010-12-12"; a date is the day-long period
//   compounds    "2145 GMT on Sunday 12 December", "12 December at 21:45 UTC"
//   relative     "today", "earlier today", "yesterday", "last night", "this morning",
//                "this weekend", "last weekend", "on Sunday", "last Sunday", "this Sunday"
//   periods      "for more than 30 minutes until about 2145 GMT", "from 20:00 until 21:45 GMT",
//                "until around 2145 GMT" (open start: from the start of that day, approximate)
// A missing year is the one nearest the publication date that agrees with a named weekday; a
// clock time without a date takes the last date named before it in the same paragraph, else the
// publication date. Without a publication date only expressions with a year are resolved.
// A clock time that states no zone is read in `zone`, the article's publication zone ("",
// "UTC", "+01:00", "Europe/Berlin"; DST as that zone had it on the day), or in UTC when `zone`
// is empty or not understood; either way TimeRef::assumedZone names the zone assumed. In a
// period, a clock time without a zone takes the one its other end states ("from 20:00 until
// 21:45 GMT"). Dates and relative days are UTC days. Offsets in the result are relative to the
// start of `text`.
//
// Day words and weekdays inside a quote count from the day the words were said. When the article
// dates its events to another day than its publication, that day is not written: "this afternoon"
// gets no time, nor does "on Friday" when counting from the events' day and from the publication
// give two dates. Such phrases go to *unplaced (phrase, offset and the reason in `note`; begin and
// end unset) rather than being read one way silently.
QList<TimeRef> findTimes(QStringView text, QDate published, const QString &zone = {},
                         QList<TimeRef> *unplaced = nullptr);

} // namespace inquest::news
