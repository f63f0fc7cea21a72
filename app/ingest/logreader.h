#pragma once

#include "model/eventtable.h"
#include "timeconv.h"

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace inquest {

// What a format can fill; shown by `inquest formats` and used to decide how to read a file.
enum Capability : uint32_t {
    CapHttp = 1 << 0,       // method, path, status, bytes, client
    CapSeverity = 1 << 1,   // syslog-like severities
    CapHost = 1 << 2,       // a host / virtual host per line (can name the site)
    CapMessage = 1 << 3,    // program, module or message text
    CapNumeric = 1 << 4,    // numeric metric columns
    CapNeedsYear = 1 << 5,  // timestamps carry no year (--year)
    CapLocalTime = 1 << 6,  // timestamps may carry no offset (--tz applies)
    CapSplittable = 1 << 7, // lines are independent: a file may be parsed in parallel chunks
    CapResponseTime = 1 << 8,
};

// Everything a parser needs to know besides the line.
struct ParseContext
{
    ZoneConverter zone;      // for zone-less timestamps
    int year = 0;            // first year for year-less timestamps (already resolved)
    int yearAnchorMonth = 0; // the month of the time the year was taken from (file or case)
    // false: the anchor is the file's modification time, which no line can be later than, so a
    // first month after it belongs to the year before; true: the anchor is the case's other logs,
    // and the first line takes the year that puts it nearest to them (within six months).
    bool yearNearestAnchor = false;
    std::vector<std::string_view> headLines; // the first lines of the file (headers, CSV header)
    QString fieldMap;                        // JSON field mapping overrides ("time=ts,status=code")
};

enum class LineResult { Event, Skip, Malformed };

class InternCache;

// Parses lines of one format into an EventTable. One instance per chunk / thread; it may keep
// per-line state (caches, the W3C field list, the syslog year).
class LineParser
{
public:
    virtual ~LineParser() = default;
    // Parses one line (without its line break) and on success appends exactly one row to out
    // via out.appendRow(time, offset, lineNo). On Malformed sets *reason (a short phrase).
    virtual LineResult parse(std::string_view line, uint64_t offset, uint32_t lineNo, EventTable &out,
                             std::string *reason) = 0;
    // Called once before parsing: the numeric columns this parser fills (CSV), else nothing.
    virtual void prepareTable(EventTable &) const {}
    // The parser's intern cache, if it has one: a worker that keeps its string pool across
    // chunks swaps its own cache in, so the cache stays in step with the pool.
    virtual InternCache *internCache() { return nullptr; }
};

// One log format: a name, a description, what it fills, how sure it is a sample is its format
// and a factory for parsers. Readers are stateless singletons held by the FormatRegistry.
class LogReader
{
public:
    virtual ~LogReader() = default;
    virtual QString name() const = 0;
    virtual QString description() const = 0;
    virtual uint32_t capabilities() const = 0;
    virtual std::unique_ptr<LineParser> createParser(const ParseContext &context) const = 0;
    // Confidence 0..1 that the first lines of a file are in this format. The default parses
    // the sample and scores the share of non-blank lines that parse, times specificity().
    virtual double sniff(const std::vector<std::string_view> &lines) const;

protected:
    // How specific a full match is (1 = unmistakable), to break ties between lenient formats.
    virtual double specificity() const { return 1.0; }
};

} // namespace inquest
