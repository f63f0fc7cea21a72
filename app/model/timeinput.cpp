#include "timeinput.h"

#include <QDateTime>
#include <QTimeZone>

namespace inquest {

std::optional<qint64> parseTimeInput(const QString &text, const std::optional<ClockDay> &day)
{
    const QString t = text.trimmed();
    if (day) {
        for (const QString &format : {QStringLiteral("HH:mm"), QStringLiteral("HH:mm:ss")}) {
            const QTime clock = QTime::fromString(t, format);
            if (!clock.isValid())
                continue;
            const QTimeZone zone = day->zone == "UTC" ? QTimeZone::utc() : QTimeZone(day->zone);
            if (!zone.isValid())
                return std::nullopt;
            const QDate date = QDateTime::fromMSecsSinceEpoch(day->referenceUs / 1000, zone).date();
            return QDateTime(date, clock, zone).toMSecsSinceEpoch() * 1000;
        }
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    static const QString formats[] = {QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"), QStringLiteral("yyyy-MM-dd HH:mm:ss"),
                                      QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd")};
    for (const QString &format : formats) {
        if (dt.isValid())
            break;
        dt = QDateTime::fromString(t, format);
    }
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime) {
        // A time that names no zone is in the day's zone (the workbench's display zone), else UTC.
        const QTimeZone zone = !day || day->zone == "UTC" ? QTimeZone::utc() : QTimeZone(day->zone);
        if (!zone.isValid())
            return std::nullopt;
        dt = QDateTime(dt.date(), dt.time(), zone);
    }
    return dt.toMSecsSinceEpoch() * 1000;
}

} // namespace inquest
