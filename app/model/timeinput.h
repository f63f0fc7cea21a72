#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace inquest {

// The day a bare clock time ("21:05") refers to: the date that `referenceUs` (µs UTC) has in
// `zone` (an IANA id or "UTC"), read in that zone.
struct ClockDay
{
    qint64 referenceUs = 0;
    QByteArray zone = "UTC";
};

// A time as a person types it into a filter or a command line, to µs UTC: ISO 8601 with or
// without a zone ("2010-12-12T21:45:00Z", "2010-12-12T22:45+01:00", "2010-12-12 21:45:00.250",
// "2010-12-12 21:45", "2010-12-12"; when no zone is given, in `day`'s zone, else UTC), or, when
// `day` is given, a clock time "21:05" or "21:05:30" on that day. Nothing for anything else.
std::optional<qint64> parseTimeInput(const QString &text, const std::optional<ClockDay> &day = std::nullopt);

} // namespace inquest
