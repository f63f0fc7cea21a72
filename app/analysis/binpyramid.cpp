#include "binpyramid.h"
#include "siteevents.h"

#include <QMutexLocker>

#include <algorithm>

namespace inquest {

BinPyramid::BinPyramid(std::shared_ptr<const SiteEvents> site, std::size_t maxBaseBins)
    : m_site(std::move(site))
{
    const int64_t span = m_site->empty() ? 0 : m_site->maxTime() - m_site->minTime() + 1;
    const int64_t base = widthFor(span, maxBaseBins);
    m_base = binMergeable(*m_site, base);
    m_widths.push_back(base);
    for (int64_t w : ladder()) {
        if (w > base && w % base == 0)
            m_widths.push_back(w);
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

bool BinPyramid::hasWidth(int64_t widthUs) const
{
    return std::find(m_widths.begin(), m_widths.end(), widthUs) != m_widths.end();
}

const BinLevel *BinPyramid::level(int64_t widthUs) const
{
    if (widthUs == m_base.widthUs)
        return &m_base;
    if (!hasWidth(widthUs))
        return nullptr;
    QMutexLocker lock(&m_levelMutex);
    if (const auto it = m_levels.find(widthUs); it != m_levels.end())
        return it->second.get();
    // Merge from the coarsest level there whose width divides this one (exact merge).
    const BinLevel *from = &m_base;
    for (const auto &[w, l] : m_levels) {
        if (w < widthUs && widthUs % w == 0)
            from = l.get();
    }
    auto merged = std::make_unique<const BinLevel>(from->coarsen(widthUs));
    return m_levels.emplace(widthUs, std::move(merged)).first->second.get();
}

std::vector<MetricKey> BinPyramid::metrics() const
{
    std::vector<MetricKey> keys;
    for (const auto &[key, bins] : m_base.bins)
        keys.push_back(key);
    return keys;
}

std::array<BinnedSeries, 3> BinPyramid::responsePercentiles(int64_t widthUs, TimeLimit limit) const
{
    const Metric metrics[3] = {Metric::ResponseP50, Metric::ResponseP95, Metric::ResponseP99};
    auto sliced = [&](const BinnedSeries &s) { return limit == NoLimit ? s : s.slice(limit.first, limit.second); };
    if (hasWidth(widthUs)) {
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
    if (!hasWidth(widthUs) || (limit != NoLimit && covered < span / 2))
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
    if (!hasWidth(widthUs))
        return binSeries(*m_site, metric, widthUs, limit);
    if (isMergeable(metric.metric) || metric.metric == Metric::ErrorRate) {
        // A view spanning few base bins merges just those for this metric: a stored level costs
        // every metric over the whole span, in fresh memory (page faults were most of a first
        // use of a width). Wide views use, and keep, the level.
        const int64_t from = std::max(limit.first, m_site->minTime());
        const int64_t to = std::min(limit.second, m_site->maxTime() + 1);
        if (widthUs != m_base.widthUs && (to - from) / m_base.widthUs < MergeOnTheFlyBins)
            return mergeSeries(m_base, metric, widthUs, limit);
        return seriesFromLevel(*level(widthUs), metric, limit);
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
