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
// any zoom level is drawn from a few thousand bins. A level is merged the first time it is asked
// for (from the coarsest level already there whose width divides it): opening a chart needs one
// or two, and building all of them for every site cost more than the first view. Distinct
// counts and percentiles cannot be merged; they are computed from the events the first time a
// width asks for them and cached. Thread-safe for concurrent level() and series() calls.
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
    int64_t baseWidth() const { return m_base.widthUs; }
    // The base width and every ladder width it divides, ascending.
    const std::vector<int64_t> &widths() const { return m_widths; }
    bool hasWidth(int64_t widthUs) const;
    // The level of a width in widths() (merged now if it was not yet), else null.
    const BinLevel *level(int64_t widthUs) const;
    // Mergeable metrics present at every level.
    std::vector<MetricKey> metrics() const;

    // Views spanning fewer base bins than this are merged from the base when asked for.
    static constexpr int64_t MergeOnTheFlyBins = 1 << 16;

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
    BinLevel m_base;
    std::vector<int64_t> m_widths;
    mutable QMutex m_levelMutex;
    mutable std::map<int64_t, std::unique_ptr<const BinLevel>> m_levels; // merged so far, by width
    mutable QMutex m_cacheMutex;
    mutable std::map<std::pair<MetricKey, int64_t>, std::shared_ptr<const BinnedSeries>> m_cache;
};

} // namespace inquest
