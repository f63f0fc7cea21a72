#pragma once

#include <QString>

#include <cstdint>

namespace inquest {

// The one way a time leaves Inquest as text (CLI --json and tables, CSV export, reports'
// machine-readable parts): ISO 8601 in UTC with "Z", to the second ("2010-12-12T21:45:00Z"),
// with milliseconds only when the time has a sub-second part ("2010-12-12T21:45:00.250Z";
// microseconds are truncated toward the past).
QString isoUtc(int64_t micros);

} // namespace inquest
