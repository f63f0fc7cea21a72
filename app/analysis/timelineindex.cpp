#include "timelineindex.h"

#include "model/source.h"

#include <QFileInfo>

#include <algorithm>
#include <numeric>
#include <queue>

namespace inquest {

namespace {

constexpr std::size_t CancelCheckEvery = 1 << 16;
// A site list is for a combo box; a log with thousands of virtual hosts is filtered by text.
constexpr std::size_t MaxHostSites = 500;

// Row numbers of one table in time order (stable, so equal times keep file order), or empty
// when the table is already sorted and the identity order will do.
std::vector<uint64_t> timeOrder(const EventTable &table)
{
    if (table.isSortedByTime())
        return {};
    std::vector<uint64_t> order(table.size());
    std::iota(order.begin(), order.end(), uint64_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&t = table.time](uint64_t a, uint64_t b) { return t[a] < t[b]; });
    return order;
}

QStringList collectSites(const std::vector<TimelineSource> &sources)
{
    QStringList sites;
    for (const TimelineSource &s : sources) {
        if (!s.site.isEmpty()) {
            sites.append(s.site);
            continue;
        }
        std::vector<bool> seen(s.table->strings.size(), false);
        std::size_t distinct = 0;
        for (uint32_t id : s.table->host) {
            if (id == 0 || seen[id])
                continue;
            seen[id] = true;
            sites.append(QString::fromUtf8(s.table->strings.bytes(id)));
            if (++distinct >= MaxHostSites)
                break;
        }
    }
    sites.sort(Qt::CaseInsensitive);
    sites.removeDuplicates();
    return sites;
}

} // namespace

std::vector<TimelineSource> timelineSources(const QList<Source> &sources)
{
    std::vector<TimelineSource> out;
    for (const Source &s : sources) {
        if (s.kind != SourceKind::Log || !s.table || s.table->empty())
            continue;
        out.push_back({s.id, QFileInfo(s.path).fileName(), s.path, s.site, s.size, s.table});
    }
    return out;
}

std::shared_ptr<const TimelineIndex> TimelineIndex::build(std::vector<TimelineSource> sources,
                                                          const Canceled &canceled)
{
    auto index = std::make_shared<TimelineIndex>();
    index->m_sources = std::move(sources);
    const auto &src = index->m_sources;
    Q_ASSERT(src.size() < (std::size_t(1) << (64 - timeline::RowBits)));

    std::vector<std::vector<uint64_t>> orders(src.size());
    std::size_t total = 0;
    for (std::size_t s = 0; s < src.size(); ++s) {
        if (canceled && canceled())
            return nullptr;
        orders[s] = timeOrder(*src[s].table);
        total += src[s].table->size();
    }

    // Heap of (time, source) heads; the source index breaks ties so the merge is stable.
    struct Head
    {
        int64_t time;
        uint32_t source;
        bool operator>(const Head &o) const { return time != o.time ? time > o.time : source > o.source; }
    };
    std::vector<uint64_t> next(src.size(), 0);
    auto rowAt = [&](uint32_t s, uint64_t k) { return orders[s].empty() ? k : orders[s][k]; };
    std::priority_queue<Head, std::vector<Head>, std::greater<>> heap;
    for (uint32_t s = 0; s < src.size(); ++s) {
        if (!src[s].table->empty())
            heap.push({src[s].table->time[rowAt(s, 0)], s});
    }

    auto &entries = index->m_entries;
    entries.reserve(total);
    while (!heap.empty()) {
        const Head head = heap.top();
        heap.pop();
        const auto &time = src[head.source].table->time;
        const std::size_t n = time.size();
        uint64_t k = next[head.source];
        // Take the whole run of this source that stays before the next head.
        const bool haveOther = !heap.empty();
        const Head other = haveOther ? heap.top() : Head{};
        do {
            entries.push_back(timeline::pack(head.source, rowAt(head.source, k)));
            ++k;
            if ((entries.size() % CancelCheckEvery) == 0 && canceled && canceled())
                return nullptr;
        } while (k < n && (!haveOther || !(Head{time[rowAt(head.source, k)], head.source} > other)));
        next[head.source] = k;
        if (k < n)
            heap.push({time[rowAt(head.source, k)], head.source});
    }
    index->m_sites = collectSites(src);
    return index;
}

QString TimelineIndex::siteOf(uint64_t entry) const
{
    const TimelineSource &s = sourceOf(entry);
    if (!s.site.isEmpty())
        return s.site;
    return QString::fromUtf8(s.table->strings.bytes(s.table->host[timeline::rowOf(entry)]));
}

std::size_t TimelineIndex::lowerBound(const std::vector<uint64_t> &rows, int64_t t) const
{
    const auto it = std::partition_point(rows.begin(), rows.end(), [&](uint64_t e) { return timeOf(e) < t; });
    return std::size_t(it - rows.begin());
}

} // namespace inquest
