#pragma once

#include <QString>

namespace inquest::timeformat {

// Microseconds since the epoch, UTC, as "2010-12-12 21:45:00Z".
QString utc(qint64 micros);
QString span(qint64 beginMicros, qint64 endMicros);

} // namespace inquest::timeformat
