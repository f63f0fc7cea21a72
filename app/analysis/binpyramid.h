#pragma once

#include "timebins.h"

#include <QMutex>

#include <map>
#include <memory>
#include <vector>

namespace inquest {

class SiteEvents;

// Multi-resolution bins of one site (the "min/max pyramid"): the mergeable metrics are binned
// once at a base width and merged upward along a ladder of round widths from 1 s to 1 day, so
// any zoom level is drawn from a few thousand precomputed bins. Distinct counts and percentiles
// cannot be merged; they are computed from the events the first time a width asks for them
// and cached. Thread-safe for concurrent series() calls.
class BinPyramid
{
public:
    // Base width: the finest ladder width that keeps the base level under maxBaseBins.
    explicit BinPyramid(std::shared_ptr<const SiteEvents> site, std::size_t maxBaseBins = 1u << 20);

    // 1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, … 12 h, 1 day (µs).
    static const std::vector<int64_t> &ladder();
    // The finest ladder width with at most maxBins bins across spanUs (at least minWidth).
    static int64_t widthFor(int64_t spanUs, std::size_t maxBins, int64_t minWidthUs = UsPerSecond);

    const SiteEvents &site() const { return *m_site; }
    std::shared_ptr<const SiteEvents> sitePtr() const { return m_site; }
    int64_t baseWidth() const { return m_levels.empty() ? 0 : m_levels.front().widthUs; }
    std::vector<int64_t> widths() const;
    bool hasWidth(int64_t widthUs) const { return level(widthUs) != nullptr; }
    const BinLevel *level(int64_t widthUs) const;
    // Mergeable metrics present at every level.
    std::vector<MetricKey> metrics() const;

    // The metric at a level width (ladder widths ≥ the base width). Widths the pyramid does not
    // hold are binned directly from the events (and not cached). With a limit, the bins
    // overlapping [limit.first, limit.second); distinct counts and percentiles for a small part
    // of the site's span are then computed for that part only.
    BinnedSeries series(const MetricKey &metric, int64_t widthUs, TimeLimit limit = NoLimit) const;
    // p50, p95 and p99 of the response times at once (as series() would give them, three
    // times cheaper); cached like series().
    std::array<BinnedSeries, 3> responsePercentiles(int64_t widthUs, TimeLimit limit = NoLimit) const;

private:
    std::shared_ptr<const SiteEvents> m_site;
    std::vector<BinLevel> m_levels; // ascending width
    mutable QMutex m_cacheMutex;
    mutable std::map<std::pair<MetricKey, int64_t>, std::shared_ptr<const BinnedSeries>> m_cache;
};

} // namespace inquest
