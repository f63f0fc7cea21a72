#pragma once

#include "model/source.h"

#include <QList>
#include <QString>

namespace inquest {

// The UTC offset the dated files of an import state in their timestamps ("+01:00"), when every
// one of them that states one states the same and it is not UTC; else empty. A system log of the same servers
// that writes clock times without an offset (RFC 3164) is most likely on that clock, so a batch
// reads it there rather than as UTC (the note says so; --tz overrides). Read from the first
// lines of each plain file; compressed files and files without offsets say nothing.
QString batchUtcOffset(const QList<Source> &readBefore);

} // namespace inquest
