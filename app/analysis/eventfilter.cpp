#include "eventfilter.h"
#include "cidr.h"
#include "timelineindex.h"

#include "model/eventtable.h"
#include "model/httpstatus.h"
#include "model/stringpool.h"
#include "support/parallel.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <numeric>
#include <string>

namespace inquest {

namespace {

constexpr std::size_t CancelCheckEvery = 1 << 16;

constexpr char fold(char c) { return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c; }
struct FoldHash
{
    std::size_t operator()(char c) const { return std::size_t(uint8_t(fold(c))); }
};
struct FoldEqual
{
    bool operator()(char a, char b) const { return fold(a) == fold(b); }
};

// What a row of one source must satisfy, worked out once per source.
struct SourceCheck
{
    bool enabled = true;
    bool bySite = false;           // a site filter applies to this source's rows
    std::vector<uint8_t> siteHost; // per host string id: the row is of the chosen site (0 = no host)
    uint32_t hostId = 0;           // when nonzero the row's host must be this id (host filter)
    uint32_t clientId = 0;         // when nonzero the row's client must be this id
    std::vector<uint8_t> clientIn; // per string id, for a client block; empty when there is none
    uint32_t pathId = 0;           // when nonzero the row's path must be this id
    std::vector<uint8_t> text;     // per string id; empty when there is no text filter
    // Message texts (EventTable::texts): per variant, whether one of its constant tokens holds
    // the needle. A needle without a space lies inside one token, so a row matches when its
    // variant or one of its arguments does; a needle with a space is searched in the rebuilt text.
    std::vector<uint8_t> variantText;
    std::string spacedNeedle; // folded; empty unless the needle has a space
    std::string digitNeedle;  // the needle when it is all digits (numbers are stored as numbers)
    const EventTable *table = nullptr;
    std::vector<uint8_t> keep; // per row, whether it passes (when testing whole sources)

    bool messageMatches(std::size_t r) const
    {
        const MessageTemplates &m = table->texts;
        const uint32_t v = m.variantOf(r);
        if (v == MessageTemplates::NoText)
            return false;
        if (!spacedNeedle.empty()) {
            thread_local std::string rebuilt;
            rebuilt.clear();
            m.appendText(table->strings, r, rebuilt);
            const std::boyer_moore_horspool_searcher searcher(spacedNeedle.begin(), spacedNeedle.end(), FoldHash(),
                                                              FoldEqual());
            return std::search(rebuilt.begin(), rebuilt.end(), searcher) != rebuilt.end();
        }
        if (variantText[v])
            return true;
        const uint32_t *arg = m.args.data() + m.rowArgsBegin[r];
        for (uint32_t k = 0; k < m.variants[v].wildcards; ++k) {
            if (!(arg[k] & MessageTemplates::InlineNumber) ? text[arg[k]] != 0 : numberMatches(arg[k]))
                return true;
        }
        return false;
    }
    // An argument stored as a number matches a needle of digits that its decimal form holds.
    bool numberMatches(uint32_t arg) const
    {
        if (digitNeedle.empty())
            return false;
        std::string digits;
        MessageTemplates::appendArgument(table->strings, arg, digits);
        return digits.find(digitNeedle) != std::string::npos;
    }
};

// The per-row part of a filter, with the status and severity masks as lookup tables.
class RowTest
{
public:
    explicit RowTest(const EventFilter &f)
        : m_status(f.statusClasses || !f.statusCodes.isEmpty() ? 65536 : 0)
        , m_checkSeverity(f.severities != 0)
        , m_methods(f.methods)
    {
        for (std::size_t s = 0; s < m_status.size(); ++s)
            m_status[s] = (f.statusClasses & EventFilter::statusBit(uint16_t(s))) != 0;
        for (const uint16_t code : f.statusCodes) {
            if (!m_status.empty())
                m_status[code] = 1;
        }
        for (int s = 0; s < 256; ++s)
            m_severity[std::size_t(s)] = (f.severities & EventFilter::severityBit(uint8_t(s))) != 0;
    }
    bool operator()(const SourceCheck &c, std::size_t r) const
    {
        const EventTable &t = *c.table;
        if (!m_status.empty() && !m_status[t.status[r]])
            return false;
        if (m_checkSeverity && !m_severity[t.severity[r]])
            return false;
        if (m_methods && !(m_methods & (1u << unsigned(t.method[r]))))
            return false;
        if (!c.clientIn.empty() && !c.clientIn[t.client[r]])
            return false;
        if (c.bySite && !c.siteHost[t.host[r]])
            return false;
        if (c.hostId && t.host[r] != c.hostId)
            return false;
        if (c.clientId && t.client[r] != c.clientId)
            return false;
        if (c.pathId && t.path[r] != c.pathId)
            return false;
        if (!c.text.empty()) {
            const uint8_t *m = c.text.data();
            return (m[t.path[r]] | m[t.client[r]] | m[t.agent[r]] | m[t.message[r]] | m[t.host[r]]) ||
                   (!t.texts.empty() && c.messageMatches(r));
        }
        return true;
    }

private:
    std::vector<uint8_t> m_status; // empty when any status passes
    std::array<uint8_t, 256> m_severity{};
    bool m_checkSeverity;
    uint16_t m_methods;
};

// The id of `text` in `pool`, or 0 when no row of the pool can have it.
uint32_t exactId(const StringPool &pool, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const uint32_t id = pool.find(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    return id == UINT32_MAX ? 0 : id;
}

SourceCheck prepare(const TimelineSource &source, const EventFilter &filter, const QByteArray &needle)
{
    SourceCheck check;
    check.table = source.table.get();
    if (!filter.sources.isEmpty() && !filter.sources.contains(source.id))
        check.enabled = false;
    if (check.enabled && !filter.site.isEmpty()) {
        // The site rule names each host id the rows use; renames and merges may map several to one.
        const EventTable &t = *source.table;
        check.bySite = true;
        check.siteHost.assign(t.strings.size(), 0);
        std::vector<uint8_t> seen(t.strings.size(), 0);
        bool any = false;
        for (uint32_t id : t.host) {
            if (seen[id])
                continue;
            seen[id] = 1;
            check.siteHost[id] = source.rule.hostName(t, source.site, source.system, id) == filter.site;
            any = any || check.siteHost[id];
        }
        check.enabled = any;
    }
    // An exact column value the source never saw rules out all of its rows.
    if (check.enabled && !filter.host.isEmpty()) {
        check.hostId = exactId(source.table->strings, filter.host);
        check.enabled = check.hostId != 0;
    }
    if (check.enabled && filter.client.contains(u'/')) {
        // A block: each distinct client string is tested once.
        const std::optional<Cidr> block = Cidr::parse(filter.client);
        const StringPool &pool = source.table->strings;
        check.clientIn.assign(pool.size(), 0);
        bool any = false;
        for (uint32_t id = 1; block && id < pool.size(); ++id) {
            check.clientIn[id] = block->contains(pool.view(id));
            any = any || check.clientIn[id];
        }
        check.enabled = any;
    } else if (check.enabled && !filter.client.isEmpty()) {
        check.clientId = exactId(source.table->strings, filter.client);
        check.enabled = check.clientId != 0;
    }
    if (check.enabled && !filter.path.isEmpty()) {
        check.pathId = exactId(source.table->strings, filter.path);
        check.enabled = check.pathId != 0;
    }
    if (check.enabled && !needle.isEmpty()) {
        check.text =
            matchingStringIds(source.table->strings, std::string_view(needle.constData(), std::size_t(needle.size())));
        const MessageTemplates &m = source.table->texts;
        if (needle.contains(' ') && !m.empty())
            check.spacedNeedle = needle.toStdString();
        if (!m.empty() && std::all_of(needle.begin(), needle.end(), [](char c) { return c >= '0' && c <= '9'; }))
            check.digitNeedle = needle.toStdString();
        check.variantText.resize(m.variants.size());
        for (std::size_t v = 1; v < m.variants.size(); ++v) {
            for (uint32_t token : m.variants[v].tokens)
                check.variantText[v] |= token != MessageTemplates::Wildcard && check.text[token];
        }
        // No string of this source contains the text: none of its rows can match (unless the
        // text spans tokens of a message).
        check.enabled = !check.spacedNeedle.empty() || !check.digitNeedle.empty() ||
                        std::find(check.text.begin(), check.text.end(), uint8_t(1)) != check.text.end();
    }
    return check;
}

} // namespace

uint8_t EventFilter::statusBit(uint16_t status)
{
    switch (statusClass(status)) {
    case StatusClass::None:
        return NoStatus;
    case StatusClass::Informational:
        return Status1xx;
    case StatusClass::Success:
        return Status2xx;
    case StatusClass::Redirect:
        return Status3xx;
    case StatusClass::ClientError:
        return Status4xx;
    case StatusClass::ServerError:
        return Status5xx;
    case StatusClass::NoResponse:
        return StatusNoResponse;
    case StatusClass::Other:
        break;
    }
    return StatusOther;
}

bool parseStatusFilter(const QString &text, EventFilter *filter, QString *bad)
{
    // A representative code of each class gives the class's bit.
    static const std::pair<StatusClass, uint16_t> Examples[] = {
        {StatusClass::None, 0},         {StatusClass::Informational, 100}, {StatusClass::Success, 200},
        {StatusClass::Redirect, 300},   {StatusClass::ClientError, 400},   {StatusClass::ServerError, 500},
        {StatusClass::NoResponse, 444}, {StatusClass::Other, 999}};
    uint8_t classes = 0;
    QList<uint16_t> codes;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString p = part.trimmed().toLower();
        if (const std::optional<StatusClass> cls = statusClassFromString(p)) {
            for (const auto &[c, code] : Examples) {
                if (c == *cls)
                    classes |= EventFilter::statusBit(code);
            }
            continue;
        }
        const QByteArray latin = p.toLatin1();
        uint16_t code = 0;
        // Three digits ("503", "000") or "0": a shorter number is a typo, not a status.
        if ((p.size() == 3 || p == u"0") &&
            parseStatusField(std::string_view(latin.constData(), std::size_t(latin.size())), code)) {
            codes.append(code);
            continue;
        }
        if (bad)
            *bad = part.trimmed();
        return false;
    }
    filter->statusClasses = classes;
    filter->statusCodes = codes;
    return true;
}

uint16_t EventFilter::severityBit(uint8_t severity)
{
    const uint8_t level = severityLevel(severity);
    return level < 8 ? uint16_t(1u << level) : NoSeverityBit;
}

std::vector<uint8_t> matchingStringIds(const StringPool &pool, std::string_view needle)
{
    std::vector<uint8_t> match(pool.size(), 0);
    if (needle.empty())
        return match;
    const std::boyer_moore_horspool_searcher searcher(needle.begin(), needle.end(), FoldHash(), FoldEqual());
    for (uint32_t id = 1; id < pool.size(); ++id) {
        const std::string_view s = pool.view(id);
        if (s.size() >= needle.size() && std::search(s.begin(), s.end(), searcher) != s.end())
            match[id] = 1;
    }
    return match;
}

std::optional<std::vector<uint64_t>> applyFilter(const TimelineIndex &index, const EventFilter &filter,
                                                 const std::function<bool()> &canceled)
{
    const std::vector<uint64_t> &entries = index.entries();
    const std::size_t lo = filter.from ? index.lowerBound(entries, *filter.from) : 0;
    const std::size_t hi = filter.to ? std::max(lo, index.lowerBound(entries, *filter.to)) : entries.size();

    EventFilter rest = filter;
    rest.from.reset();
    rest.to.reset();
    if (rest.isEmpty())
        return std::vector<uint64_t>(entries.begin() + qsizetype(lo), entries.begin() + qsizetype(hi));

    const RowTest test(filter);
    QByteArray needle = filter.text.toUtf8();
    for (char &c : needle)
        c = fold(c);
    std::vector<SourceCheck> checks(index.sources().size());
    std::atomic<bool> stop = false;
    auto stopped = [&] {
        if (!stop && canceled && canceled())
            stop = true;
        return bool(stop);
    };
    // A narrow time range touches few rows: test them where they are. Otherwise test each
    // source's columns front to back (sequential memory, one source per thread) and then
    // keep the merged entries whose row passed.
    const bool perSource = (hi - lo) * 4 >= entries.size();
    std::vector<int> work(checks.size());
    std::iota(work.begin(), work.end(), 0);
    parallel::forEach(work, [&](int s) {
        SourceCheck &c = checks[std::size_t(s)];
        c = prepare(index.sources()[std::size_t(s)], filter, needle);
        if (!perSource || !c.enabled)
            return;
        const std::size_t n = c.table->size();
        c.keep.resize(n);
        for (std::size_t r = 0; r < n; ++r) {
            if ((r % CancelCheckEvery) == CancelCheckEvery - 1 && stopped())
                return;
            c.keep[r] = test(c, r);
        }
    });
    if (stopped())
        return std::nullopt;

    std::vector<uint64_t> out;
    for (std::size_t i = lo; i < hi; ++i) {
        if (((i - lo) % CancelCheckEvery) == CancelCheckEvery - 1 && stopped())
            return std::nullopt;
        const uint64_t e = entries[i];
        const SourceCheck &c = checks[timeline::sourceOf(e)];
        if (c.enabled && (perSource ? c.keep[timeline::rowOf(e)] : test(c, timeline::rowOf(e))))
            out.push_back(e);
    }
    return out;
}

} // namespace inquest
