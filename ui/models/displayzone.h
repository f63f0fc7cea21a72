#pragma once

#include <QString>
#include <QTimeZone>

namespace inquest {

struct CaseMeta;

// The one zone the workbench shows and reads times in: the case's display zone
// (CaseMeta::displayTimeZone, an IANA id or "UTC"). The chart, the timeline, its filters, the
// tooltip and the status line all take it from here.
struct DisplayZone
{
    QTimeZone zone = QTimeZone::utc();
    QByteArray id = "UTC";

    static DisplayZone of(const CaseMeta &meta);
    bool isUtc() const { return id == "UTC"; }
    // "UTC" or the IANA id, for headers and placeholders.
    QString name() const { return QString::fromUtf8(id); }
    // "2010-12-12 22:45:00.123" in the zone (no suffix: the header or label names the zone).
    QString format(qint64 micros) const;
    // "2010-12-12 22:45:00 CET", to the second, with the zone's abbreviation ("Z" for UTC).
    QString formatShort(qint64 micros) const;
    QString span(qint64 beginMicros, qint64 endMicros) const;
    // A period to the minute, short when within one day: "2010-12-12 22:15–22:45 CET" (UTC: "…Z").
    QString period(qint64 beginMicros, qint64 endMicros) const;
    // A time or period as the analyst edits it in this zone, to the minute (to the second when
    // it has seconds), without the zone's name, which the field shows beside it: "2010-12-12
    // 22:45", "2010-12-12 22:15–22:45"; in UTC with "Z", which every reader takes as UTC.
    // news::parseTimeInput reads it back, given `id`.
    QString editable(qint64 beginMicros, qint64 endMicros) const;
};

} // namespace inquest
