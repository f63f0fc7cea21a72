#pragma once

#include "messagetemplates.h"
#include "stringpool.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace inquest {

enum class HttpMethod : uint8_t { None, Get, Head, Post, Put, Delete, Options, Patch, Connect, Trace, Other };
HttpMethod httpMethodFromBytes(std::string_view text);
const char *toString(HttpMethod method);

// Syslog severities 0..7; NoSeverity when the source has none.
constexpr uint8_t NoSeverity = 255;
// Set in a severity the line did not carry but that was read from its text (a vendor mnemonic
// such as %LINK-3-UPDOWN, a kernel level, a word like "error"): the analyst must be able to tell
// a logged severity from an inferred one. Read severities through these two functions.
constexpr uint8_t SeverityInferredBit = 0x40;
// 0..7, or NoSeverity.
inline uint8_t severityLevel(uint8_t stored) { return stored == NoSeverity ? NoSeverity : uint8_t(stored & 7); }
inline bool isSeverityInferred(uint8_t stored) { return stored != NoSeverity && (stored & SeverityInferredBit); }
// "err", "err (inferred)", "" for none: how the GUI and the CLI show a stored severity.
QString severityLabel(uint8_t stored);
constexpr uint32_t NoResponseTime = UINT32_MAX;

// A numeric column of a metric export (CSV): one value per event row; NaN where empty.
struct NumericColumn
{
    QString name;
    std::vector<double> values;
};

// The events of one source as parallel columns (see ARCHITECTURE.md, "Logs are columns").
// Strings are interned in one pool; id 0 is empty. Rows are in file order; `time` is
// microseconds since the Unix epoch, UTC.
class EventTable
{
public:
    std::vector<int64_t> time;
    std::vector<uint64_t> offset; // byte offset of the line in the (decompressed) source
    std::vector<uint32_t> line;   // 1-based line number in the source
    std::vector<uint16_t> status; // HTTP status, 0 = none
    std::vector<uint64_t> bytes;  // response size
    std::vector<HttpMethod> method;
    std::vector<uint8_t> severity;    // syslog severity or NoSeverity
    std::vector<uint32_t> responseUs; // response time in µs or NoResponseTime
    std::vector<uint32_t> client;     // pool ids
    std::vector<uint32_t> path;
    std::vector<uint32_t> agent;
    std::vector<uint32_t> referer;
    std::vector<uint32_t> host;    // virtual host / syslog host
    std::vector<uint32_t> message; // syslog program tag, error-log module, JSON message
    std::vector<NumericColumn> numeric;
    StringPool strings;
    // The message text after the program tag, as template + arguments (see messagetemplates.h);
    // empty for formats without one, so access logs pay nothing for it.
    MessageTemplates texts;

    std::size_t size() const { return time.size(); }
    bool empty() const { return time.empty(); }
    void reserve(std::size_t rows);
    // Gives back what reserve() over-estimated, once the table is complete: a case keeps its
    // tables for the whole session, so the slack would be paid for as long.
    void shrinkToFit();
    // Appends a row with every column at its "absent" value; callers then fill what they parsed.
    std::size_t appendRow(int64_t t, uint64_t byteOffset, uint32_t lineNumber);
    // Appends all rows of other, re-interning its strings into this pool.
    void append(const EventTable &other);
    std::size_t memoryUsage() const;
    // The row's exact message text (after the program tag); "" when it has none.
    std::string messageText(std::size_t row) const { return texts.text(strings, row); }
    // The program tag and the text as a person reads them: "sshd: Accepted password for …".
    QString messageLine(std::size_t row) const;
    int64_t minTime() const;
    int64_t maxTime() const;
    bool isSortedByTime() const;

    // Column-wise equality including string contents (ids may differ between pools).
    bool sameContent(const EventTable &other) const;
};

} // namespace inquest
