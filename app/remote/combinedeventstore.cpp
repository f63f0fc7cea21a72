#include "combinedeventstore.h"

#include "model/eventtable.h"

#include <algorithm>
#include <map>

namespace inquest::remote {

CombinedEventStore::CombinedEventStore(std::vector<const EventStore *> stores)
    : m_stores(std::move(stores))
{
}

std::vector<const EventStore *> CombinedEventStore::holding(const QString &site) const
{
    std::vector<const EventStore *> out;
    for (const EventStore *s : m_stores) {
        if (site.isEmpty() || s->sites().contains(site))
            out.push_back(s);
    }
    return out;
}

QStringList CombinedEventStore::sites() const
{
    QStringList names;
    for (const EventStore *s : m_stores) {
        for (const QString &name : s->sites()) {
            if (!names.contains(name))
                names << name;
        }
    }
    return names;
}

std::pair<int64_t, int64_t> CombinedEventStore::span() const { return span(QString()); }

std::pair<int64_t, int64_t> CombinedEventStore::span(const QString &site) const
{
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (const EventStore *s : holding(site)) {
        const auto [b, e] = s->span(site);
        if (b < e)
            first = std::min(first, b), last = std::max(last, e);
    }
    return first < last ? std::pair{first, last} : std::pair<int64_t, int64_t>{0, 0};
}

std::vector<double> CombinedEventStore::counts(const QString &site, Filter filter, int64_t from, int64_t to,
                                               int64_t width) const
{
    std::vector<double> sum;
    for (const EventStore *s : holding(site)) {
        const auto part = s->counts(site, filter, from, to, width);
        sum.resize(std::max(sum.size(), part.size()), 0.0);
        for (std::size_t i = 0; i < part.size(); ++i)
            sum[i] += part[i];
    }
    return sum;
}

std::vector<double> CombinedEventStore::responseCounts(const QString &site, uint32_t slowerThanUs, int64_t from,
                                                       int64_t to, int64_t width) const
{
    std::vector<double> sum;
    for (const EventStore *s : holding(site)) {
        const auto part = s->responseCounts(site, slowerThanUs, from, to, width);
        sum.resize(std::max(sum.size(), part.size()), 0.0);
        for (std::size_t i = 0; i < part.size(); ++i)
            sum[i] += part[i];
    }
    return sum;
}

// One store: its own answer. Several: the same element (floor(q·(n−1)) of the merged sorted
// times) found exactly by bisection on the value, counting in every store how many are slower.
uint32_t CombinedEventStore::responseQuantile(const QString &site, double q, int64_t from, int64_t to) const
{
    const auto stores = holding(site);
    if (stores.size() == 1)
        return stores.front()->responseQuantile(site, q, from, to);
    const auto total = [&](uint32_t slowerThan) {
        double n = 0;
        for (const EventStore *s : stores) {
            for (double c : s->responseCounts(site, slowerThan, from, to, to - from))
                n += c;
        }
        return uint64_t(n);
    };
    const uint64_t n = total(0);
    if (!n || to <= from)
        return NoResponseTime;
    const auto k = uint64_t(std::clamp(q, 0.0, 1.0) * double(n - 1));
    // The smallest v with at most n − k − 1 times slower than v.
    uint32_t lo = 1, hi = NoResponseTime - 1;
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (total(mid) <= n - k - 1)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

std::vector<EventStore::ValueCount> CombinedEventStore::topValues(const QString &site, Dimension dimension,
                                                                  Filter filter, int64_t from, int64_t to, int n) const
{
    std::map<QString, double> byValue;
    for (const EventStore *s : holding(site)) {
        for (const ValueCount &v : s->topValues(site, dimension, filter, from, to, 0))
            byValue[v.value] += v.count;
    }
    return rankValueCounts(byValue, n);
}

uint64_t CombinedEventStore::distinct(const QString &site, Dimension dimension, int64_t from, int64_t to) const
{
    const auto stores = holding(site);
    if (stores.size() == 1)
        return stores.front()->distinct(site, dimension, from, to);
    return topValues(site, dimension, Filter::All, from, to, 0).size();
}

std::vector<EventStore::ClientSummary> CombinedEventStore::clients(const QString &site, int64_t from, int64_t to) const
{
    std::vector<ClientSummary> out;
    for (const EventStore *s : holding(site)) {
        auto part = s->clients(site, from, to);
        out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    return out;
}

} // namespace inquest::remote
