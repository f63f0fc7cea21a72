#include "timeformat.h"

#include <QDateTime>
#include <QTimeZone>

namespace inquest::timeformat {

QString utc(qint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
           u'Z';
}

QString span(qint64 beginMicros, qint64 endMicros)
{
    return utc(beginMicros) + QStringLiteral(" \u2013 ") + utc(endMicros);
}

} // namespace inquest::timeformat
