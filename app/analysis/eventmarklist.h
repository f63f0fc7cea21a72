#pragma once

#include "model/casedata.h"

#include <optional>

namespace inquest {

// An event mark with what a report or a listing shows of it.
struct EventMarkEntry
{
    EventMark mark;
    QString sourceName; // the file name
    QString sourcePath;
    QString raw;     // the raw line read back from the file, or empty
    QString problem; // why there is no raw line (file missing, changed), or empty
};

// The case's event marks in time order, each with its source and its raw line read back by
// byte offset (when the file may be read: model/sourcefile).
QList<EventMarkEntry> eventMarkEntries(const CaseData &data);

// The row of source `source` that holds line `line`, if any.
std::optional<std::size_t> rowOfLine(const Source &source, qint64 line);

} // namespace inquest
