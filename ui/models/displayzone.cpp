#include "displayzone.h"
#include "timelinemodel.h"

#include "model/casedata.h"

#include <QDateTime>

namespace inquest {

DisplayZone DisplayZone::of(const CaseMeta &meta)
{
    DisplayZone z;
    const QByteArray id = meta.displayTimeZone.toUtf8();
    if (id.isEmpty() || id == "UTC")
        return z;
    const QTimeZone zone(id);
    if (!zone.isValid())
        return z; // a zone this machine does not know: UTC, which the header then says
    z.zone = zone;
    z.id = id;
    return z;
}

QString DisplayZone::format(qint64 micros) const
{
    if (isUtc())
        return TimelineModel::formatTime(micros);
    const int offset = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(micros / 1000, QTimeZone::utc()));
    return TimelineModel::formatTime(micros + qint64(offset) * 1'000'000);
}

QString DisplayZone::formatShort(qint64 micros) const
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(micros / 1000, QTimeZone::utc());
    if (isUtc())
        return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u'Z';
    return utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + zone.abbreviation(utc);
}

QString DisplayZone::span(qint64 beginMicros, qint64 endMicros) const
{
    return formatShort(beginMicros) + QStringLiteral(" \u2013 ") + formatShort(endMicros);
}

} // namespace inquest

namespace inquest {

QString DisplayZone::period(qint64 beginMicros, qint64 endMicros) const
{
    const QDateTime b = QDateTime::fromMSecsSinceEpoch(beginMicros / 1000, QTimeZone::utc());
    const QDateTime e = QDateTime::fromMSecsSinceEpoch(endMicros / 1000, QTimeZone::utc());
    const QDateTime lb = isUtc() ? b : b.toTimeZone(zone), le = isUtc() ? e : e.toTimeZone(zone);
    const QString suffix = isUtc() ? QStringLiteral("Z") : u' ' + zone.abbreviation(b);
    const QString day = QStringLiteral("yyyy-MM-dd HH:mm");
    return lb.toString(day) + u'\u2013' + le.toString(lb.date() == le.date() ? QStringLiteral("HH:mm") : day) + suffix;
}

} // namespace inquest

namespace inquest {

QString DisplayZone::editable(qint64 beginMicros, qint64 endMicros) const
{
    const QDateTime b = QDateTime::fromMSecsSinceEpoch(beginMicros / 1000, isUtc() ? QTimeZone::utc() : zone);
    const QDateTime e = QDateTime::fromMSecsSinceEpoch(endMicros / 1000, isUtc() ? QTimeZone::utc() : zone);
    auto clock = [](const QDateTime &t) {
        return t.toString(t.time().second() ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    };
    QString text = b.date().toString(Qt::ISODate) + u' ' + clock(b);
    if (endMicros != beginMicros)
        text += u'\u2013' + (e.date() == b.date() ? QString() : e.date().toString(Qt::ISODate) + u' ') + clock(e);
    return isUtc() ? text + u'Z' : text;
}

} // namespace inquest
