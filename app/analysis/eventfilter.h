#pragma once

#include "model/kinds.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace inquest {

class StringPool;
class TimelineIndex;

// What the timeline's filter bar asks for. Every part that is set must match (AND); an unset
// part matches everything.
struct EventFilter
{
    // Bits of `statusClasses`: NoStatus for rows without a status, 1xx … 5xx, anything else, and
    // no response ("000", "-", 444, 499: model/httpstatus.h), which is none of the others.
    enum StatusBit : uint8_t {
        NoStatus = 1 << 0,
        Status1xx = 1 << 1,
        Status2xx = 1 << 2,
        Status3xx = 1 << 3,
        Status4xx = 1 << 4,
        Status5xx = 1 << 5,
        StatusOther = 1 << 6,
        StatusNoResponse = 1 << 7,
    };
    // Bit s (0..7) of `severities` selects syslog severity s; this bit rows without one.
    static constexpr uint16_t NoSeverityBit = 1 << 8;

    QString text;                // case-insensitive (ASCII) substring of path, client, agent, message or host
    uint8_t statusClasses = 0;   // 0 = any (unless statusCodes is set)
    QList<uint16_t> statusCodes; // as stored (StatusNoResponseLogged for "000"); a row passes by class or code
    QString site;                // the row's site (its source's site, else its host); empty = any
    QList<Id> sources;           // empty = all
    QString host;                // exactly this host column; empty = any
    QString client;              // exactly this client, or a block with '/' ("10.1.0.0/16"); empty = any
    QString path;                // exactly this path; empty = any
    uint16_t severities = 0;     // 0 = any
    uint16_t methods = 0;        // bit (1 << HttpMethod) per method; 0 = any
    std::optional<qint64> from;  // µs UTC, inclusive
    std::optional<qint64> to;    // µs UTC, exclusive

    bool isEmpty() const { return *this == EventFilter(); }
    bool operator==(const EventFilter &) const = default;

    static uint8_t statusBit(uint16_t status);
    static uint16_t severityBit(uint8_t severity);
};

// What a person types for a status, split on commas: classes ("5xx", "no-response", "other",
// "none": model/httpstatus) and codes ("503", "000"). Sets `statusClasses` and `statusCodes`
// of *filter; returns false (and the part it could not read in *bad) when a part is neither.
bool parseStatusFilter(const QString &text, EventFilter *filter, QString *bad = nullptr);

// For each id of `pool`, whether the string contains `needle` (ASCII case-insensitive;
// `needle` must already be lower-case). Id 0 (the empty string) never matches.
std::vector<uint8_t> matchingStringIds(const StringPool &pool, std::string_view needle);

// The entries of `index` that pass `filter`, in timeline order. The text is matched once per
// interned string, then rows are kept by id membership, so the row pass is a few table
// lookups. Returns nothing if `canceled` reported true on the way.
std::optional<std::vector<uint64_t>> applyFilter(const TimelineIndex &index, const EventFilter &filter,
                                                 const std::function<bool()> &canceled = {});

} // namespace inquest
