#include "timelineindex.h"

#include "model/source.h"
#include "support/parallel.h"

#include <QFileInfo>

#include <algorithm>
#include <numeric>

namespace inquest {

namespace {

constexpr std::size_t MaxHostSites = 500;

// Row numbers of one table in time order (stable, so equal times keep file order), or empty
// when the table is already sorted and the identity order will do.
std::vector<uint64_t> timeOrder(const EventTable &table)
{
    if (table.isSortedByTime())
        return {};
    // Sorting (time, row) pairs keeps file order on ties and needs no lookups while sorting.
    std::vector<std::pair<int64_t, uint64_t>> keyed(table.size());
    for (std::size_t r = 0; r < keyed.size(); ++r)
        keyed[r] = {table.time[r], r};
    std::sort(keyed.begin(), keyed.end());
    std::vector<uint64_t> order(keyed.size());
    for (std::size_t k = 0; k < keyed.size(); ++k)
        order[k] = keyed[k].second;
    return order;
}

// The sites of the access logs, then the hosts of the system logs (those capped: a list for
// a combo box; a log with thousands of hosts is filtered by text).
QStringList collectSites(const std::vector<TimelineSource> &sources)
{
    QStringList sites;
    std::size_t hosts = 0;
    for (const TimelineSource &s : sources) {
        std::vector<bool> seen(s.table->strings.size(), false);
        for (uint32_t id : s.table->host) {
            if (seen[id])
                continue;
            seen[id] = true;
            sites.append(s.rule.hostName(*s.table, s.site, s.system, id));
            if (s.system && ++hosts >= MaxHostSites)
                break;
        }
    }
    sites.sort(Qt::CaseInsensitive);
    sites.removeDuplicates();
    return sites;
}

} // namespace

std::vector<TimelineSource> timelineSources(const QList<Source> &sources, const SiteRule &rule)
{
    std::vector<TimelineSource> out;
    for (const Source &s : sources) {
        if (s.kind != SourceKind::Log || !s.table || s.table->empty())
            continue;
        const bool system = rule.namesHosts(s);
        const QString name = QFileInfo(s.path).fileName();
        out.push_back({s.id, name, s.path, system ? name : rule.sourceSite(s), s.size, s.table, system, rule});
    }
    return out;
}

std::shared_ptr<const TimelineIndex> TimelineIndex::build(std::vector<TimelineSource> sources, const Canceled &canceled)
{
    auto index = std::make_shared<TimelineIndex>();
    index->m_sources = std::move(sources);
    const auto &src = index->m_sources;
    Q_ASSERT(src.size() < (std::size_t(1) << (64 - timeline::RowBits)));

    // Each source's entries in time order, side by side in one buffer; then pairwise merges of
    // neighbouring runs into a second buffer, level by level (two allocations in all: fresh
    // pages are what costs most here). std::merge keeps the left run first on ties and the left
    // run always holds the lower source indices, so equal times end up in source order, then
    // file order.
    std::vector<std::size_t> bounds{0};
    for (const TimelineSource &s : src)
        bounds.push_back(bounds.back() + s.table->size());
    std::vector<uint64_t> from(bounds.back());
    std::vector<int> work(src.size());
    std::iota(work.begin(), work.end(), 0);
    parallel::forEach(work, [&](int s) {
        const std::vector<uint64_t> order = timeOrder(*src[std::size_t(s)].table);
        uint64_t *run = from.data() + bounds[std::size_t(s)];
        const std::size_t n = bounds[std::size_t(s) + 1] - bounds[std::size_t(s)];
        for (std::size_t k = 0; k < n; ++k)
            run[k] = timeline::pack(uint32_t(s), order.empty() ? k : order[k]);
    });
    std::vector<const int64_t *> times;
    for (const TimelineSource &s : src)
        times.push_back(s.table->time.data());
    auto earlier = [t = times.data()](uint64_t a, uint64_t b) {
        return t[timeline::sourceOf(a)][timeline::rowOf(a)] < t[timeline::sourceOf(b)][timeline::rowOf(b)];
    };
    std::vector<uint64_t> to(bounds.size() > 2 ? from.size() : 0);
    while (bounds.size() > 2) {
        if (canceled && canceled())
            return nullptr;
        const std::size_t runs = bounds.size() - 1;
        work.resize((runs + 1) / 2);
        std::iota(work.begin(), work.end(), 0);
        parallel::forEach(work, [&](int i) {
            const std::size_t b0 = bounds[std::size_t(2 * i)];
            const std::size_t b1 = bounds[std::size_t(2 * i + 1)];
            const std::size_t b2 = std::size_t(2 * i + 2) < bounds.size() ? bounds[std::size_t(2 * i + 2)] : b1;
            std::merge(from.begin() + qsizetype(b0), from.begin() + qsizetype(b1), from.begin() + qsizetype(b1),
                       from.begin() + qsizetype(b2), to.begin() + qsizetype(b0), earlier);
        });
        std::vector<std::size_t> merged;
        for (std::size_t i = 0; i < bounds.size(); i += 2)
            merged.push_back(bounds[i]);
        if (merged.back() != bounds.back())
            merged.push_back(bounds.back());
        bounds = std::move(merged);
        from.swap(to);
    }
    index->m_entries = std::move(from);
    if (canceled && canceled())
        return nullptr;
    index->m_sites = collectSites(src);
    return index;
}

QString TimelineIndex::siteOf(uint64_t entry) const
{
    return sourceOf(entry).siteOfRow(uint32_t(timeline::rowOf(entry)));
}

std::size_t TimelineIndex::lowerBound(const std::vector<uint64_t> &rows, int64_t t) const
{
    const auto it = std::partition_point(rows.begin(), rows.end(), [&](uint64_t e) { return timeOf(e) < t; });
    return std::size_t(it - rows.begin());
}

} // namespace inquest
