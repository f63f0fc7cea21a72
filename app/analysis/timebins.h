#pragma once

#include "metric.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <vector>

namespace inquest {

class SiteEvents;

constexpr int64_t UsPerSecond = 1'000'000;

// Floor division for bin indices: bins are [k·w, (k+1)·w) in UTC epoch microseconds, so they
// never move with a display zone or a DST change.
constexpr int64_t floorDiv(int64_t a, int64_t b)
{
    const int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// One time bucket: how many events fell in it, the sum/min/max of their values and the first
// and last event number (SiteEvents numbering), so a click on a spike finds the exact lines.
struct Bin
{
    uint32_t count = 0;
    uint32_t first = std::numeric_limits<uint32_t>::max();
    uint32_t last = 0;
    double sum = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();

    void add(double value, uint32_t event)
    {
        ++count;
        sum += value;
        min = std::min(min, value);
        max = std::max(max, value);
        first = std::min(first, event);
        last = std::max(last, event);
    }
    void merge(const Bin &o)
    {
        count += o.count;
        sum += o.sum;
        min = std::min(min, o.min);
        max = std::max(max, o.max);
        first = std::min(first, o.first);
        last = std::max(last, o.last);
    }
    bool operator==(const Bin &) const = default;
};

// A metric binned at one width over a dense run of bins starting at bin index firstIndex.
// values[i] is what a curve shows (count, sum, mean, ratio, distinct count, percentile; NaN
// when the bin has nothing to measure).
struct BinnedSeries
{
    MetricKey metric;
    int64_t widthUs = 0;
    int64_t firstIndex = 0;
    std::vector<Bin> bins;
    std::vector<double> values;

    std::size_t size() const { return bins.size(); }
    int64_t start(std::size_t i) const { return (firstIndex + int64_t(i)) * widthUs; }
    // Bins overlapping [from, to), as a new series.
    BinnedSeries slice(int64_t fromUs, int64_t toUs) const;
};

// All mergeable metrics of a site binned at one width, over the site's whole time range.
struct BinLevel
{
    int64_t widthUs = 0;
    int64_t firstIndex = 0;
    std::size_t binCount = 0;
    std::map<MetricKey, std::vector<Bin>> bins;

    // Merges into a coarser width (a multiple of this one).
    BinLevel coarsen(int64_t widthUs) const;
};

// A time range [first, second) in µs that a computation may be limited to.
using TimeLimit = std::pair<int64_t, int64_t>;
constexpr TimeLimit NoLimit{std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};

// The value a curve shows for a bin of a mergeable metric.
double binValue(Metric metric, const Bin &bin);

// One pass over the events: every mergeable metric the site has, at `widthUs`.
BinLevel binMergeable(const SiteEvents &site, int64_t widthUs);
// Any metric at any width, straight from the events (the reference the pyramid must equal).
BinnedSeries binSeries(const SiteEvents &site, const MetricKey &metric, int64_t widthUs, TimeLimit limit = NoLimit);
// A series from a level that holds the metric (ErrorRate from 5xx and requests); with a limit,
// the bins overlapping [limit.first, limit.second).
BinnedSeries seriesFromLevel(const BinLevel &level, const MetricKey &metric, TimeLimit limit = NoLimit);
// The same as seriesFromLevel(fine.coarsen(widthUs), metric, limit), merging only the bins of the
// metric the limit needs (no level is built).
BinnedSeries mergeSeries(const BinLevel &fine, const MetricKey &metric, int64_t widthUs, TimeLimit limit);
// Distinct clients and response-time percentiles at `widthUs`, aligned to the same bins.
// With a limit, only the bins overlapping [limit.first, limit.second) are computed (a zoomed
// view then costs one scan of the time column, not a pass over every event's client).
BinnedSeries binUniqueClients(const SiteEvents &site, int64_t widthUs, TimeLimit limit = NoLimit);
// p is 50, 95 or 99: nearest-rank percentile of the response times (ms) in each bin.
BinnedSeries binResponsePercentile(const SiteEvents &site, int64_t widthUs, int p, TimeLimit limit = NoLimit);
// p50, p95 and p99 together: the response times are grouped by bin once, not three times.
std::array<BinnedSeries, 3> binResponsePercentiles(const SiteEvents &site, int64_t widthUs, TimeLimit limit = NoLimit);

// Element-wise sum of series of the same metric and width (e.g. all sites); values re-derived
// for counts and sums, NaN-aware for the rest is not meaningful and so not offered.
BinnedSeries sumSeries(const std::vector<BinnedSeries> &parts);

} // namespace inquest
