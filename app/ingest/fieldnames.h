#pragma once

#include <QStringList>

#include <array>
#include <cstdint>

namespace inquest::fields {

// The columns a structured log (JSON lines, logfmt) can fill, and the field names usually
// found for each, most specific first. Shared so both formats understand the same names and
// the same "column=field,…" overrides (--map).
enum Column { Time, Status, Client, Path, Host, Message, Severity, Bytes, Method, Agent, Referer, Duration, ColumnCount };

using FieldLists = std::array<QStringList, ColumnCount>;

const FieldLists &defaults();
// The defaults with the overrides of a "column=field,…" map put first.
FieldLists withMap(const QString &fieldMap);

// An epoch number by its magnitude: seconds, milliseconds, microseconds or nanoseconds.
int64_t epochToMicros(double v);

} // namespace inquest::fields
