#include "isotime.h"

#include <QDateTime>

namespace inquest {

QString isoUtc(int64_t micros)
{
    constexpr int64_t UsPerMs = 1000, UsPerS = 1'000'000;
    const int64_t ms = micros / UsPerMs - (micros % UsPerMs < 0 ? 1 : 0); // floor, for times before 1970
    // Qt::UTC (not a UTC QTimeZone) is what makes Qt write the "Z" suffix.
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(micros % UsPerS == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

} // namespace inquest
