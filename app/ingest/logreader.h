#pragma once

#include "model/eventtable.h"
#include "model/hugepages.h"
#include "timeconv.h"

#include <QString>

#include <cstdlib>
#include <cstring>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
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
    ZoneConverter zone;  // for zone-less timestamps
    int year = 0;        // first year for year-less timestamps (already resolved)
    int yearAnchorMonth = 0; // the month of the time the year was taken from (file or case)
    // false: the anchor is the file's modification time, which no line can be later than, so a
    // first month after it belongs to the year before; true: the anchor is the case's other logs,
    // and the first line takes the year that puts it nearest to them (within six months).
    bool yearNearestAnchor = false;
    std::vector<std::string_view> headLines; // the first lines of the file (headers, CSV header)
    QString fieldMap; // JSON field mapping overrides ("time=ts,status=code")
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


// A parser-local front for StringPool::intern: open addressing over a cheap 8-bytes-at-a-time
// hash, so a repeated client/path/agent costs one probe instead of a std::unordered_map
// lookup. A slot keeps the first 16 bytes of its string, so a short string (an IP address)
// is compared without touching the pool: one cache miss per lookup in a table too big for
// the cache. New strings still go through the pool (its ids, its order).
class InternCache
{
public:
    uint32_t intern(StringPool &pool, std::string_view text)
    {
        if (text.empty())
            return 0;
        if (m_used * 2 >= m_slots.size() && m_slots.size() < MaxSlots)
            grow(pool);
        const std::size_t n = text.size();
        uint64_t k0 = 0, k1 = 0;
        if (n >= 16) {
            std::memcpy(&k0, text.data(), 8);
            std::memcpy(&k1, text.data() + 8, 8);
        } else if (n > 8) {
            std::memcpy(&k0, text.data(), 8);
            std::memcpy(&k1, text.data() + 8, n - 8);
        } else {
            std::memcpy(&k0, text.data(), n);
        }
        const uint64_t h = hash(text);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.id == 0) {
                const uint32_t id = pool.intern(text); // the pool's own index finds repeats
                if (m_used * 2 < m_slots.size()) {
                    slot = {h, id, uint32_t(n), k0, k1};
                    ++m_used;
                }
                return id;
            }
            if (slot.hash == h && slot.length == n && slot.k0 == k0 && slot.k1 == k1 &&
                (n <= 16 || pool.view(slot.id).substr(16) == text.substr(16)))
                return slot.id;
        }
    }
    static uint64_t hash(std::string_view s)
    {
        uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
        const char *p = s.data();
        std::size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            uint64_t v;
            std::memcpy(&v, p, 8);
            h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
            h ^= h >> 31;
        }
        uint64_t v = 0;
        std::memcpy(&v, p, n);
        h = (h ^ v) * 0x94d049bb133111ebULL;
        return h ^ (h >> 29);
    }

private:
    // A log of millions of distinct clients would make every worker's cache (and the merge's)
    // as big as the pool's own index, gigabytes in all; past 64 MiB the cache keeps what it
    // has and the rest is looked up in the pool.
    static constexpr std::size_t MaxSlots = std::size_t(1) << 21;
    struct Slot
    {
        uint64_t hash = 0;
        uint32_t id = 0;
        uint32_t length = 0;
        uint64_t k0 = 0, k1 = 0; // the first 16 bytes, zero-padded
    };
    struct Free
    {
        void operator()(Slot *p) const { std::free(p); }
    };
    struct Slots
    {
        std::unique_ptr<Slot, Free> data;
        std::size_t count = 0;
        Slots() = default;
        Slots(Slots &&other) noexcept : data(std::move(other.data)), count(std::exchange(other.count, 0)) {}
        Slots &operator=(Slots &&other) noexcept
        {
            data = std::move(other.data);
            count = std::exchange(other.count, 0);
            return *this;
        }
        Slot &operator[](std::size_t i) { return data.get()[i]; }
        std::size_t size() const { return count; }
    };
    void grow(StringPool &pool);
    Slots m_slots;
    std::size_t m_used = 0;
};

// Shared small helpers for the readers' hot paths.
namespace scan {
inline std::string_view token(std::string_view s, std::size_t &pos, char sep = ' ')
{
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] != sep)
        ++pos;
    std::string_view t = s.substr(start, pos - start);
    while (pos < s.size() && s[pos] == sep)
        ++pos;
    return t;
}
// A "quoted" field with backslash escapes kept as found; pos must be at the opening quote.
bool quoted(std::string_view s, std::size_t &pos, std::string_view &out);
bool parseUInt(std::string_view s, uint64_t &value);
// "0.013" seconds or "116075" microseconds -> µs; false if neither.
bool parseDuration(std::string_view s, bool integerIsMillis, uint32_t &micros);
uint8_t severityFromName(std::string_view level);
} // namespace scan

} // namespace inquest
