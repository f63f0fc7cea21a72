#include "binpyramid.h"
#include "siteevents.h"

#include <QMutexLocker>

namespace inquest {

BinPyramid::BinPyramid(std::shared_ptr<const SiteEvents> site, std::size_t maxBaseBins)
    : m_site(std::move(site))
{
    const int64_t span = m_site->empty() ? 0 : m_site->maxTime() - m_site->minTime() + 1;
    const int64_t base = widthFor(span, maxBaseBins);
    m_levels.push_back(binMergeable(*m_site, base));
    // Each level merges from the coarsest finer level whose width divides it (exact merge).
    for (int64_t w : ladder()) {
        if (w <= base || w % base != 0)
            continue;
        const BinLevel *from = &m_levels.front();
        for (const BinLevel &l : m_levels) {
            if (w % l.widthUs == 0)
                from = &l;
        }
        BinLevel next = from->coarsen(w);
        m_levels.push_back(std::move(next));
    }
}

const std::vector<int64_t> &BinPyramid::ladder()
{
    static const std::vector<int64_t> widths = [] {
        std::vector<int64_t> w;
        for (int64_t s : {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400})
            w.push_back(s * UsPerSecond);
        return w;
    }();
    return widths;
}

int64_t BinPyramid::widthFor(int64_t spanUs, std::size_t maxBins, int64_t minWidthUs)
{
    for (int64_t w : ladder()) {
        if (w >= minWidthUs && std::size_t(spanUs / w) + 1 <= maxBins)
            return w;
    }
    return ladder().back();
}

std::vector<int64_t> BinPyramid::widths() const
{
    std::vector<int64_t> w;
    for (const BinLevel &l : m_levels)
        w.push_back(l.widthUs);
    return w;
}

const BinLevel *BinPyramid::level(int64_t widthUs) const
{
    for (const BinLevel &l : m_levels) {
        if (l.widthUs == widthUs)
            return &l;
    }
    return nullptr;
}

std::vector<MetricKey> BinPyramid::metrics() const
{
    std::vector<MetricKey> keys;
    if (!m_levels.empty()) {
        for (const auto &[key, bins] : m_levels.front().bins)
            keys.push_back(key);
    }
    return keys;
}

std::array<BinnedSeries, 3> BinPyramid::responsePercentiles(int64_t widthUs, TimeLimit limit) const
{
    const Metric metrics[3] = {Metric::ResponseP50, Metric::ResponseP95, Metric::ResponseP99};
    auto sliced = [&](const BinnedSeries &s) { return limit == NoLimit ? s : s.slice(limit.first, limit.second); };
    if (level(widthUs)) {
        QMutexLocker lock(&m_cacheMutex);
        auto p50 = m_cache.find({metrics[0], widthUs}), p95 = m_cache.find({metrics[1], widthUs}),
             p99 = m_cache.find({metrics[2], widthUs});
        if (p50 != m_cache.end() && p95 != m_cache.end() && p99 != m_cache.end())
            return {sliced(*p50->second), sliced(*p95->second), sliced(*p99->second)};
    }
    // The same rule as series(): a small part of the site, or a width the pyramid does not
    // hold, is computed for the limit only and not kept.
    const int64_t span = m_site->maxTime() - m_site->minTime() + 1;
    const int64_t covered = std::min(limit.second, m_site->maxTime() + 1) - std::max(limit.first, m_site->minTime());
    if (!level(widthUs) || (limit != NoLimit && covered < span / 2))
        return binResponsePercentiles(*m_site, widthUs, limit);
    auto all = binResponsePercentiles(*m_site, widthUs);
    std::array<BinnedSeries, 3> out;
    QMutexLocker lock(&m_cacheMutex);
    for (std::size_t k = 0; k < 3; ++k) {
        auto computed = std::make_shared<const BinnedSeries>(std::move(all[k]));
        m_cache.emplace(std::make_pair(MetricKey(metrics[k]), widthUs), computed);
        out[k] = sliced(*computed);
    }
    return out;
}

BinnedSeries BinPyramid::series(const MetricKey &metric, int64_t widthUs, TimeLimit limit) const
{
    const BinLevel *l = level(widthUs);
    if (!l)
        return binSeries(*m_site, metric, widthUs, limit);
    if (isMergeable(metric.metric) || metric.metric == Metric::ErrorRate) {
        BinnedSeries s = seriesFromLevel(*l, metric);
        return limit == NoLimit ? s : s.slice(limit.first, limit.second);
    }
    const auto key = std::make_pair(metric, widthUs);
    {
        QMutexLocker lock(&m_cacheMutex);
        if (auto it = m_cache.find(key); it != m_cache.end())
            return limit == NoLimit ? *it->second : it->second->slice(limit.first, limit.second);
    }
    // A view of a small part of the site: compute just that part, uncached (cheap).
    const int64_t span = m_site->maxTime() - m_site->minTime() + 1;
    const int64_t covered = std::min(limit.second, m_site->maxTime() + 1) - std::max(limit.first, m_site->minTime());
    if (limit != NoLimit && covered < span / 2)
        return binSeries(*m_site, metric, widthUs, limit);
    auto computed = std::make_shared<const BinnedSeries>(binSeries(*m_site, metric, widthUs));
    QMutexLocker lock(&m_cacheMutex);
    m_cache.emplace(key, computed);
    return limit == NoLimit ? *computed : computed->slice(limit.first, limit.second);
}

} // namespace inquest
