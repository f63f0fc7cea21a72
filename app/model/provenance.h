#pragma once

#include "kinds.h"

namespace inquest {

// What an evidence item rests on. Any combination of the parts may be present; a part is
// present when its first field is set (sourceSha256 non-empty, timeBegin < timeEnd, statementId > 0).
struct Provenance
{
    // Log lines: the source by SHA-256 (and its id in this case), line numbers (1-based,
    // inclusive) and byte offsets [offsetBegin, offsetEnd) in the decoded source.
    Id sourceId = 0;
    QString sourceSha256;
    qint64 firstLine = 0;
    qint64 lastLine = 0;
    qint64 offsetBegin = -1;
    qint64 offsetEnd = -1;

    // A time range of a curve (µs UTC), with the metric and site it was read from.
    qint64 timeBegin = 0;
    qint64 timeEnd = 0;
    QString metric;
    QString site;
    // The filter the range was read through (analysis/filterexpression), e.g. a user curve's.
    QString filter;

    // A statement.
    Id statementId = 0;

    bool hasLines() const { return !sourceSha256.isEmpty(); }
    bool hasTimeRange() const { return timeBegin < timeEnd; }
    bool hasStatement() const { return statementId > 0; }
    bool isEmpty() const { return !hasLines() && !hasTimeRange() && !hasStatement(); }
    bool operator==(const Provenance &) const = default;
};

} // namespace inquest
