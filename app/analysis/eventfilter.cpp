#include "eventfilter.h"
#include "timelineindex.h"

#include "model/stringpool.h"

#include <algorithm>
#include <array>
#include <functional>

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
    uint32_t hostId = 0;         // when nonzero the row's host must be this id (site filter)
    std::vector<uint8_t> text;   // per string id; empty when there is no text filter
    const EventTable *table = nullptr;
};

SourceCheck prepare(const TimelineSource &source, const EventFilter &filter, const QByteArray &needle)
{
    SourceCheck check;
    check.table = source.table.get();
    if (!filter.sources.isEmpty() && !filter.sources.contains(source.id))
        check.enabled = false;
    if (check.enabled && !filter.site.isEmpty()) {
        if (!source.site.isEmpty()) {
            check.enabled = source.site == filter.site;
        } else {
            const QByteArray site = filter.site.toUtf8();
            const uint32_t id = source.table->strings.find(std::string_view(site.constData(), std::size_t(site.size())));
            check.enabled = id != UINT32_MAX && id != 0;
            check.hostId = id;
        }
    }
    if (check.enabled && !needle.isEmpty())
        check.text = matchingStringIds(source.table->strings, std::string_view(needle.constData(), std::size_t(needle.size())));
    return check;
}

} // namespace

uint8_t EventFilter::statusBit(uint16_t status)
{
    if (status == 0)
        return NoStatus;
    if (status >= 100 && status < 600)
        return uint8_t(1u << (status / 100));
    return StatusOther;
}

uint16_t EventFilter::severityBit(uint8_t severity)
{
    return severity < 8 ? uint16_t(1u << severity) : NoSeverityBit;
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

    QByteArray needle = filter.text.toUtf8();
    for (char &c : needle)
        c = fold(c);
    std::vector<SourceCheck> checks;
    checks.reserve(index.sources().size());
    for (const TimelineSource &s : index.sources()) {
        if (canceled && canceled())
            return std::nullopt;
        checks.push_back(prepare(s, filter, needle));
    }

    const uint8_t statusMask = filter.statusClasses;
    const uint16_t severityMask = filter.severities;
    std::vector<uint64_t> out;
    for (std::size_t i = lo; i < hi; ++i) {
        if (((i - lo) % CancelCheckEvery) == CancelCheckEvery - 1 && canceled && canceled())
            return std::nullopt;
        const uint64_t e = entries[i];
        const SourceCheck &c = checks[timeline::sourceOf(e)];
        if (!c.enabled)
            continue;
        const std::size_t r = timeline::rowOf(e);
        const EventTable &t = *c.table;
        if (statusMask && !(statusMask & EventFilter::statusBit(t.status[r])))
            continue;
        if (severityMask && !(severityMask & EventFilter::severityBit(t.severity[r])))
            continue;
        if (c.hostId && t.host[r] != c.hostId)
            continue;
        if (!c.text.empty()) {
            const auto &m = c.text;
            if (!(m[t.path[r]] | m[t.client[r]] | m[t.agent[r]] | m[t.message[r]] | m[t.host[r]]))
                continue;
        }
        out.push_back(e);
    }
    return out;
}

} // namespace inquest
