#include "newstimeitem.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace inquest::news::timeitem {

namespace {

// Only a slash, an opening bracket, "or" or a comma between two clock times that are one instant.
bool joinsTwoZones(QStringView between)
{
    const QStringView t = between.trimmed();
    return t == u"/" || t == u"(" || t == u"or" || t == u"," || t == u"/ (" || t.isEmpty();
}

bool isEndingWord(const QString &p)
{
    return p == u"until" || p == u"till" || p == u"to" || p == u"before" || p == u"by";
}

qint64 modDay(qint64 v) { return ((v % DayMicros) + DayMicros) % DayMicros; }

QString isoDay(const QDate &d) { return d.toString(Qt::ISODate); }

} // namespace

void mergeDualZones(QStringView text, QList<Item> &items)
{
    for (qsizetype i = 0; i + 1 < items.size(); ++i) {
        Item &a = items[i];
        Item &b = items[i + 1];
        if (!a.isClock || !b.isClock || !a.zoneStated || !b.zoneStated || b.ref.offset < a.end ||
            !joinsTwoZones(text.mid(a.end, b.ref.offset - a.end)) || b.prep == u"and" || isEndingWord(b.prep))
            continue;
        // The readings of each that make them one instant (times of day compared: one of them
        // may have borrowed its day).
        qsizetype ra = -1, rb = -1;
        for (qsizetype x = 0; x < a.zoneReadings.size() && ra < 0; ++x) {
            for (qsizetype y = 0; y < b.zoneReadings.size(); ++y) {
                const qint64 ua = a.civil - qint64(a.zoneReadings[x].offsetMinutes) * 60000000;
                const qint64 ub = b.civil - qint64(b.zoneReadings[y].offsetMinutes) * 60000000;
                if (modDay(ua - ub) == 0) {
                    ra = x;
                    rb = y;
                    break;
                }
            }
        }
        if (ra < 0) {
            const QString note = QStringLiteral("written in two zones that give different instants: %1")
                                     .arg(text.mid(a.ref.offset, b.end - a.ref.offset).toString().simplified());
            a.ref.note = note;
            b.ref.note = note;
            continue;
        }
        auto settle = [](Item &it, qsizetype r, const Item &other) {
            if (it.zoneReadings.size() > 1) {
                const ZoneReading reading = it.zoneReadings[r];
                it.ref.note = zoneAssumptionNote(
                    it.zoneName, reading,
                    QStringLiteral("the same instant is written as %1 beside it").arg(other.ref.phrase));
                it.zoneOffset = qint64(reading.offsetMinutes) * 60000000;
                it.ref.begin = it.ref.end = it.civil - it.zoneOffset;
            }
        };
        settle(a, ra, b);
        settle(b, rb, a);
        // The one that writes its day (or the first) gives the instant.
        const Item &dated = (b.ownDate && !a.ownDate) ? b : a;
        Item merged = dated;
        merged.ref.offset = a.ref.offset;
        merged.prep = a.prep;
        merged.end = b.end;
        merged.ref.phrase = text.mid(a.ref.offset, b.end - a.ref.offset).toString().trimmed();
        merged.ref.approximate = a.ref.approximate || b.ref.approximate;
        merged.ownDate = a.ownDate || b.ownDate;
        merged.ref.note = !a.ref.note.isEmpty() ? a.ref.note : b.ref.note;
        items[i] = merged;
        items.removeAt(i + 1);
        // "11:30 am UTC (5 pm IST) on Thursday": the day after the bracket is the instant's.
        if (i + 1 < items.size() && !merged.ownDate && items[i + 1].dateOnly && items[i + 1].prep == u"on" &&
            items[i + 1].ref.offset >= merged.end) {
            const QStringView gap = text.mid(merged.end, items[i + 1].ref.offset - merged.end).trimmed();
            if (gap.isEmpty() || gap == u")" || gap == u"),") {
                Item &it = items[i];
                const qint64 shift = qint64(it.day.daysTo(items[i + 1].day)) * DayMicros;
                it.ref.begin += shift;
                it.ref.end += shift;
                it.civil += shift;
                it.dayStart += shift;
                it.day = items[i + 1].day;
                it.ownDate = true;
                it.basis = items[i + 1].basis;
                it.end = items[i + 1].end;
                it.ref.phrase = text.mid(it.ref.offset, it.end - it.ref.offset).toString().trimmed();
                items.removeAt(i + 1);
            }
        }
    }
}

void flagContradictingDates(QStringView text, QList<Item> &items)
{
    // The days counted from the publication date, by Julian day: one look-up per written date.
    QHash<qint64, const Item *> counted;
    for (const Item &it : std::as_const(items)) {
        if (it.basis == DayBasis::Relative && it.day.isValid() && !counted.contains(it.day.toJulianDay()))
            counted.insert(it.day.toJulianDay(), &it);
    }
    if (counted.isEmpty())
        return;
    for (Item &it : items) {
        if (it.basis != DayBasis::Written || !it.day.isValid() || counted.contains(it.day.toJulianDay()))
            continue;
        // The same day of the month one month either side, or the same date a year either side.
        for (const QDate other : {it.day.addMonths(-1), it.day.addMonths(1), it.day.addYears(-1), it.day.addYears(1)}) {
            const auto c = counted.constFind(other.toJulianDay());
            if (c == counted.cend() || other.day() != it.day.day())
                continue;
            it.ref.note = QStringLiteral("\"%1\" does not fit \"%2\" (%3) elsewhere in the article: read as written, "
                                         "%4; the other reading is %3")
                              .arg(text.mid(it.ref.offset, it.end - it.ref.offset).toString().simplified(),
                                   (*c)->ref.phrase, isoDay(other), isoDay(it.day));
            break;
        }
    }
}

QList<TimeRef> joinPeriods(QStringView text, const QList<Item> &items)
{
    QList<TimeRef> out;
    QList<const Item *> outItems;
    const auto isEnding = [](const QString &p) {
        return p == u"until" || p == u"till" || p == u"to" || p == u"before" || p == u"by";
    };
    const auto opens = [](const Item *start, const Item &end) {
        return start->prep == u"from" || start->prep == u"since" || (start->prep == u"between" && end.prep == u"and");
    };
    const auto isStarting = [](const QString &p) {
        return p == u"from" || p == u"since" || p == u"at" || p == u"after";
    };
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        const bool nextIsNear = i + 1 < items.size() && items[i + 1].ref.offset - item.end <= 40;
        if (item.isDuration) {
            if (nextIsNear && items[i + 1].resolved && isEnding(items[i + 1].prep) && !items[i + 1].dateOnly) {
                const Item &end = items[i + 1];
                TimeRef ref;
                ref.offset = item.ref.offset;
                ref.phrase = text.mid(item.ref.offset, end.end - item.ref.offset).toString().trimmed();
                ref.end = end.ref.begin;
                ref.begin = end.ref.begin - item.durationMicros;
                ref.approximate = item.ref.approximate || end.ref.approximate;
                ref.assumedZone = end.ref.assumedZone;
                out.append(ref);
                ++i;
            } else if (!outItems.isEmpty() && isStarting(outItems.back()->prep) && !outItems.back()->dateOnly &&
                       item.ref.offset - outItems.back()->end <= 40 && !out.back().isPeriod()) {
                TimeRef &ref = out.back();
                ref.phrase = text.mid(ref.offset, item.end - ref.offset).toString().trimmed();
                ref.end = ref.begin + item.durationMicros;
                ref.approximate = ref.approximate || item.ref.approximate;
            }
            continue; // a duration with nothing to hang it on has no place in time
        }
        if ((isEnding(item.prep) || item.prep == u"and") && !item.dateOnly) {
            if (!outItems.isEmpty() && opens(outItems.back(), item) && item.ref.offset - outItems.back()->end <= 40 &&
                !out.back().isPeriod()) {
                TimeRef &ref = out.back();
                const Item &start = *outItems.back();
                const qint64 day = DayMicros;
                const TimeRef startAsFound = ref;
                qint64 endAt = item.ref.begin;
                QString assumedZone = ref.assumedZone.isEmpty() ? item.ref.assumedZone : ref.assumedZone;
                if (start.isClock && item.isClock && start.zoneStated != item.zoneStated) {
                    // "from 20:00 until 21:45 GMT": the zone stated at one end is that of both.
                    if (item.zoneStated) {
                        ref.begin = start.civil - item.zoneOffset;
                        if (ref.note.startsWith(QLatin1String("no zone written")))
                            ref.note.clear(); // the end's zone, not one carried from before
                    } else
                        endAt = item.civil - start.zoneOffset;
                    assumedZone.clear();
                }
                if (!start.ownDate && item.ownDate) { // "from 10:05 until 10:50 on Friday 25 November"
                    ref.begin = endAt - ((endAt % day) + day) % day + ((ref.begin % day) + day) % day;
                    if (ref.begin > endAt) // "from 23:00 until 01:30 on …": began the evening before
                        ref.begin -= day;
                }
                qint64 end = endAt;
                // "from 23:00 until 01:30": a clock time without its own date that falls before
                // the start is on the next day.
                if (end < ref.begin && !item.ownDate && ref.begin - end < day)
                    end += day;
                if (end >= ref.begin) {
                    ref.phrase = text.mid(ref.offset, item.end - ref.offset).toString().trimmed();
                    ref.end = end;
                    ref.approximate = ref.approximate || item.ref.approximate;
                    ref.assumedZone = assumedZone;
                    if (!item.ref.note.isEmpty())
                        ref.note = ref.note.isEmpty() ? item.ref.note : ref.note + QStringLiteral("; ") + item.ref.note;
                    continue;
                }
                // An end before the start ("from 12 December until 10 December") is no period:
                // both stay instants, as written.
                ref = startAsFound;
            }
            // "did not recover until 9:40pm": a negated "until" tells when something happened,
            // an instant, not a period that ends then.
            static const QRegularExpression negatedUntil(
                QStringLiteral("\\b(?:not|never|n't|no\\s+longer)\\b[^.;:!?]{0,60}$|n't\\b[^.;:!?]{0,60}$"),
                QRegularExpression::CaseInsensitiveOption);
            const qsizetype clauseFrom = qMax<qsizetype>(0, item.ref.offset - 80);
            if ((item.prep == u"until" || item.prep == u"till") &&
                negatedUntil.match(text.mid(clauseFrom, item.ref.offset - clauseFrom)).hasMatch()) {
                out.append(item.ref);
                outItems.append(&item);
                continue;
            }
            // "began at 10:00 a.m. PT … and lasted until about 2:30 p.m.": the start was stated
            // shortly before, so the "until" is when it ended, not a period from midnight.
            const bool startStated =
                !outItems.isEmpty() && outItems.back()->isClock && !out.back().isPeriod() &&
                item.ref.offset - outItems.back()->end <= 200 && out.back().begin <= item.ref.begin &&
                item.ref.begin - out.back().begin < DayMicros &&
                !text.mid(outItems.back()->end, item.ref.offset - outItems.back()->end).contains(u'\n');
            if ((item.prep == u"until" || item.prep == u"till") && item.isClock && startStated) {
                out.append(item.ref);
                outItems.append(&item);
                continue;
            }
            if (item.prep == u"until" || item.prep == u"till") {
                // Open start: some time that day (in the zone of the time) up to the given moment.
                TimeRef ref = item.ref;
                ref.begin = item.isClock ? item.dayStart
                                         : item.ref.begin - ((item.ref.begin % DayMicros) + DayMicros) % DayMicros;
                ref.approximate = true;
                out.append(ref);
                outItems.append(&item);
                continue;
            }
        }
        out.append(item.ref);
        outItems.append(&item);
    }
    return out;
}

} // namespace inquest::news::timeitem
