#pragma once

#include "timeconv.h"

#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace inquest::fields {

// The columns a structured log (JSON lines, logfmt) can fill, and the field names usually
// found for each, most specific first. Shared so both formats understand the same names and
// the same "column=field,…" overrides (--map).
enum Column {
    Time,
    Status,
    Client,
    Path,
    Host,
    Message,
    Severity,
    Bytes,
    Method,
    Agent,
    Referer,
    Duration,
    ColumnCount
};

using FieldLists = std::array<QStringList, ColumnCount>;

const FieldLists &defaults();
// The defaults with the overrides of a "column=field,…" map put first.
FieldLists withMap(const QString &fieldMap);

// An epoch number by its magnitude: seconds, milliseconds, microseconds or nanoseconds.
int64_t epochToMicros(double v);

// A time value as structured logs write it, in µs UTC: ISO 8601 (its offset honoured; without
// one, local time in `zone`) or an epoch number as text (surrounding blanks ignored).
std::optional<int64_t> timeValueMicros(std::string_view text, ZoneConverter &zone);

// A level as structured logs write it: a syslog severity digit 0..7 (journald) or a name.
uint8_t severityValue(std::string_view level);

} // namespace inquest::fields
