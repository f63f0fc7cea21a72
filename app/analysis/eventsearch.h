#pragma once

#include "linepattern.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace inquest {

class TimelineIndex;

// A source whose raw lines could not be searched, and why.
struct UnreadableSource
{
    std::size_t source = 0; // index into TimelineIndex::sources()
    QString message;
};

struct EventSearchResult
{
    std::vector<std::size_t> hits; // positions in the searched rows whose raw line matches, ascending
    std::vector<UnreadableSource> unreadable;
};

// Finds the rows (a time-ordered subset of index.entries(), as the timeline filter gives them)
// whose raw line matches `pattern`. Each source file is read front to back once, a block of
// lines per matcher call; sources are searched in parallel. Rows of sources that cannot be
// read do not match and their sources are listed. Returns nothing if `canceled` reported true.
// The one search behind `inquest events --grep` and the timeline's find bar.
std::optional<EventSearchResult> searchRawLines(const TimelineIndex &index, const std::vector<uint64_t> &rows,
                                                const LinePattern &pattern, const std::function<bool()> &canceled = {});

} // namespace inquest
