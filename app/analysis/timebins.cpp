#include "timebins.h"
#include "siteevents.h"

#include <algorithm>

namespace inquest {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct Range
{
    int64_t firstIndex = 0;
    std::size_t count = 0;
};

Range rangeOf(const SiteEvents &site, int64_t widthUs, TimeLimit limit = NoLimit)
{
    const int64_t lo = std::max(site.minTime(), limit.first);
    const int64_t hi = std::min(site.maxTime(), limit.second == NoLimit.second ? limit.second : limit.second - 1);
    if (site.empty() || lo > hi)
        return {};
    const int64_t first = floorDiv(lo, widthUs);
    return {first, std::size_t(floorDiv(hi, widthUs) - first + 1)};
}

int statusClassMetric(uint16_t status)
{
    switch (status / 100) {
    case 2:
        return int(Metric::Status2xx);
    case 3:
        return int(Metric::Status3xx);
    case 4:
        return int(Metric::Status4xx);
    case 5:
        return int(Metric::Status5xx);
    default:
        return -1;
    }
}

BinnedSeries withValues(MetricKey key, int64_t widthUs, int64_t firstIndex, std::vector<Bin> bins)
{
    BinnedSeries s;
    s.values.reserve(bins.size());
    for (const Bin &b : bins)
        s.values.push_back(binValue(key.metric, b));
    s.metric = std::move(key);
    s.widthUs = widthUs;
    s.firstIndex = firstIndex;
    s.bins = std::move(bins);
    return s;
}

} // namespace

BinnedSeries BinnedSeries::slice(int64_t fromUs, int64_t toUs) const
{
    BinnedSeries s;
    s.metric = metric;
    s.widthUs = widthUs;
    if (bins.empty() || widthUs <= 0) {
        s.firstIndex = firstIndex;
        return s;
    }
    const int64_t lo = std::clamp<int64_t>(floorDiv(fromUs, widthUs) - firstIndex, 0, int64_t(bins.size()));
    const int64_t hi = std::clamp<int64_t>(floorDiv(toUs - 1, widthUs) - firstIndex + 1, lo, int64_t(bins.size()));
    s.firstIndex = firstIndex + lo;
    s.bins.assign(bins.begin() + lo, bins.begin() + hi);
    s.values.assign(values.begin() + lo, values.begin() + hi);
    return s;
}

double binValue(Metric metric, const Bin &bin)
{
    if (isCount(metric))
        return bin.count;
    if (metric == Metric::Bytes)
        return bin.sum;
    return bin.count ? bin.sum / bin.count : NaN;
}

BinLevel BinLevel::coarsen(int64_t width) const
{
    Q_ASSERT(width % widthUs == 0);
    BinLevel out;
    out.widthUs = width;
    if (binCount == 0)
        return out;
    const int64_t ratio = width / widthUs;
    out.firstIndex = floorDiv(firstIndex, ratio);
    out.binCount = std::size_t(floorDiv(firstIndex + int64_t(binCount) - 1, ratio) - out.firstIndex + 1);
    for (const auto &[key, fine] : bins) {
        std::vector<Bin> &coarse = out.bins[key];
        coarse.resize(out.binCount);
        for (std::size_t i = 0; i < fine.size(); ++i)
            coarse[std::size_t(floorDiv(firstIndex + int64_t(i), ratio) - out.firstIndex)].merge(fine[i]);
    }
    return out;
}

BinLevel binMergeable(const SiteEvents &site, int64_t widthUs)
{
    Q_ASSERT(widthUs > 0);
    BinLevel level;
    level.widthUs = widthUs;
    const Range range = rangeOf(site, widthUs);
    level.firstIndex = range.firstIndex;
    level.binCount = range.count;
    if (range.count == 0)
        return level;

    // Pointers per metric so the hot loop does no map lookups.
    Bin *http[int(Metric::Status5xx) + 1] = {};
    Bin *bytes = nullptr, *response = nullptr;
    Bin *severity[8] = {};
    auto vec = [&](const MetricKey &k) { return (level.bins[k] = std::vector<Bin>(range.count)).data(); };
    if (site.hasHttp()) {
        for (Metric m : {Metric::Requests, Metric::Status2xx, Metric::Status3xx, Metric::Status4xx, Metric::Status5xx})
            http[int(m)] = vec(m);
        bytes = vec(Metric::Bytes);
    }
    if (site.hasResponseTimes())
        response = vec(Metric::ResponseMean);
    if (site.hasSyslog()) {
        for (int s = 0; s < 8; ++s)
            severity[s] = vec(MetricKey::severityOf(s));
    }
    // Numeric columns: per table, the column index for each name (tables may differ).
    const QStringList &columns = site.numericColumns();
    std::vector<Bin *> numeric;
    for (const QString &c : columns)
        numeric.push_back(vec(MetricKey::numeric(c)));

    const EventTable *current = nullptr;
    bool currentHttp = false;
    std::vector<std::pair<const std::vector<double> *, Bin *>> currentNumeric;
    const int64_t first = range.firstIndex;
    uint32_t sliceEnd = 0;
    std::size_t sliceIndex = 0;
    site.forEach([&](uint32_t g, const EventTable &t, uint32_t r) {
        if (&t != current || g >= sliceEnd) {
            // Entering a new slice: refresh its properties.
            while (g >= sliceEnd) {
                sliceEnd += uint32_t(site.slices()[sliceIndex].size());
                currentHttp = site.slices()[sliceIndex].http;
                ++sliceIndex;
            }
            current = &t;
            currentNumeric.clear();
            for (const NumericColumn &c : t.numeric)
                currentNumeric.emplace_back(&c.values, numeric[std::size_t(columns.indexOf(c.name))]);
        }
        const std::size_t b = std::size_t(floorDiv(t.time[r], widthUs) - first);
        if (currentHttp) {
            http[int(Metric::Requests)][b].add(1, g);
            if (const int m = statusClassMetric(t.status[r]); m >= 0)
                http[m][b].add(1, g);
            bytes[b].add(double(t.bytes[r]), g);
        }
        if (response && t.responseUs[r] != NoResponseTime)
            response[b].add(t.responseUs[r] / 1000.0, g);
        if (severity[0] && t.severity[r] < 8)
            severity[t.severity[r]][b].add(1, g);
        for (const auto &[values, bins] : currentNumeric) {
            const double v = (*values)[r];
            if (!std::isnan(v))
                bins[b].add(v, g);
        }
    });

    if (site.clientCount() > 0) {
        Bin *fresh = vec(Metric::NewClients);
        for (std::size_t c = 0; c < site.clientCount(); ++c)
            fresh[floorDiv(site.clientFirstTime()[c], widthUs) - first].add(1, site.clientFirstEvent()[c]);
    }
    return level;
}

BinnedSeries seriesFromLevel(const BinLevel &level, const MetricKey &metric)
{
    if (metric.metric == Metric::ErrorRate) {
        const auto errors = level.bins.find(MetricKey(Metric::Status5xx));
        const auto all = level.bins.find(MetricKey(Metric::Requests));
        BinnedSeries s;
        s.metric = metric;
        s.widthUs = level.widthUs;
        s.firstIndex = level.firstIndex;
        if (errors == level.bins.end() || all == level.bins.end())
            return s;
        s.bins = errors->second;
        s.values.resize(s.bins.size());
        for (std::size_t i = 0; i < s.bins.size(); ++i) {
            const uint32_t n = all->second[i].count;
            s.values[i] = n ? double(s.bins[i].count) / n : NaN;
        }
        return s;
    }
    const auto it = level.bins.find(metric);
    if (it == level.bins.end()) {
        BinnedSeries s;
        s.metric = metric;
        s.widthUs = level.widthUs;
        s.firstIndex = level.firstIndex;
        return s;
    }
    return withValues(metric, level.widthUs, level.firstIndex, it->second);
}

BinnedSeries binSeries(const SiteEvents &site, const MetricKey &metric, int64_t widthUs, TimeLimit limit)
{
    switch (metric.metric) {
    case Metric::UniqueClients:
        return binUniqueClients(site, widthUs, limit);
    case Metric::ResponseP50:
        return binResponsePercentile(site, widthUs, 50, limit);
    case Metric::ResponseP95:
        return binResponsePercentile(site, widthUs, 95, limit);
    case Metric::ResponseP99:
        return binResponsePercentile(site, widthUs, 99, limit);
    default: {
        BinnedSeries s = seriesFromLevel(binMergeable(site, widthUs), metric);
        return limit == NoLimit ? s : s.slice(limit.first, limit.second);
    }
    }
}

namespace {

// Groups a per-event value by bin (counting sort), so each bin's values are contiguous.
template <typename T, typename Take>
void groupByBin(const SiteEvents &site, int64_t widthUs, const Range &range, std::vector<Bin> &bins,
                std::vector<uint32_t> &offsets, std::vector<T> &grouped, Take take)
{
    bins.assign(range.count, Bin{});
    offsets.assign(range.count + 1, 0);
    std::size_t total = 0;
    const int64_t lo = range.firstIndex * widthUs, hi = (range.firstIndex + int64_t(range.count)) * widthUs;
    site.forEach([&](uint32_t g, const EventTable &t, uint32_t r) {
        T v;
        if (t.time[r] < lo || t.time[r] >= hi || !take(g, t, r, v))
            return;
        const std::size_t b = std::size_t(floorDiv(t.time[r], widthUs) - range.firstIndex);
        bins[b].add(double(v), g);
        ++offsets[b + 1];
        ++total;
    });
    for (std::size_t b = 0; b < range.count; ++b)
        offsets[b + 1] += offsets[b];
    grouped.resize(total);
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    site.forEach([&](uint32_t g, const EventTable &t, uint32_t r) {
        T v;
        if (t.time[r] < lo || t.time[r] >= hi || !take(g, t, r, v))
            return;
        grouped[fill[std::size_t(floorDiv(t.time[r], widthUs) - range.firstIndex)]++] = v;
    });
}

} // namespace

BinnedSeries binUniqueClients(const SiteEvents &site, int64_t widthUs, TimeLimit limit)
{
    const Range range = rangeOf(site, widthUs, limit);
    std::vector<Bin> bins;
    std::vector<uint32_t> offsets;
    std::vector<uint32_t> clients;
    const auto &ids = site.clients();
    groupByBin<uint32_t>(site, widthUs, range, bins, offsets, clients,
                         [&ids](uint32_t g, const EventTable &, uint32_t, uint32_t &v) {
                             v = ids[g];
                             return v != SiteEvents::NoClient;
                         });
    BinnedSeries s;
    s.metric = Metric::UniqueClients;
    s.widthUs = widthUs;
    s.firstIndex = range.firstIndex;
    s.values.assign(range.count, 0);
    // lastSeen[c] = 1 + the last bin the client was counted in.
    std::vector<uint32_t> lastSeen(site.clientCount(), 0);
    for (std::size_t b = 0; b < range.count; ++b) {
        uint32_t unique = 0;
        for (uint32_t i = offsets[b]; i < offsets[b + 1]; ++i) {
            uint32_t &seen = lastSeen[clients[i]];
            if (seen != b + 1) {
                seen = uint32_t(b + 1);
                ++unique;
            }
        }
        s.values[b] = unique;
    }
    s.bins = std::move(bins);
    return s;
}

BinnedSeries binResponsePercentile(const SiteEvents &site, int64_t widthUs, int p, TimeLimit limit)
{
    Q_ASSERT(p == 50 || p == 95 || p == 99);
    auto all = binResponsePercentiles(site, widthUs, limit);
    return std::move(all[p == 50 ? 0 : p == 95 ? 1 : 2]);
}

std::array<BinnedSeries, 3> binResponsePercentiles(const SiteEvents &site, int64_t widthUs, TimeLimit limit)
{
    const Range range = rangeOf(site, widthUs, limit);
    std::vector<Bin> bins;
    std::vector<uint32_t> offsets;
    std::vector<double> times;
    groupByBin<double>(site, widthUs, range, bins, offsets, times,
                       [](uint32_t, const EventTable &t, uint32_t r, double &v) {
                           if (t.responseUs[r] == NoResponseTime)
                               return false;
                           v = t.responseUs[r] / 1000.0;
                           return true;
                       });
    constexpr std::size_t Percent[3] = {50, 95, 99};
    const Metric metrics[3] = {Metric::ResponseP50, Metric::ResponseP95, Metric::ResponseP99};
    std::array<BinnedSeries, 3> out;
    for (std::size_t k = 0; k < 3; ++k) {
        out[k].metric = metrics[k];
        out[k].widthUs = widthUs;
        out[k].firstIndex = range.firstIndex;
        out[k].values.assign(range.count, NaN);
    }
    for (std::size_t b = 0; b < range.count; ++b) {
        const std::size_t n = offsets[b + 1] - offsets[b];
        if (n == 0)
            continue;
        auto begin = times.begin() + offsets[b];
        std::size_t done = 0; // values before this index are already at most the previous rank's
        for (std::size_t k = 0; k < 3; ++k) {
            // Nearest rank: the smallest value with at least p% of the values at or below it.
            const std::size_t rank = std::max<std::size_t>(1, (n * Percent[k] + 99) / 100);
            std::nth_element(begin + std::ptrdiff_t(done), begin + std::ptrdiff_t(rank - 1), begin + std::ptrdiff_t(n));
            out[k].values[b] = *(begin + std::ptrdiff_t(rank - 1));
            done = rank - 1;
        }
    }
    out[0].bins = bins;
    out[1].bins = bins;
    out[2].bins = std::move(bins);
    return out;
}

BinnedSeries sumSeries(const std::vector<BinnedSeries> &parts)
{
    BinnedSeries out;
    if (parts.empty())
        return out;
    out.metric = parts.front().metric;
    out.widthUs = parts.front().widthUs;
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
    for (const BinnedSeries &p : parts) {
        Q_ASSERT(p.widthUs == out.widthUs);
        if (p.bins.empty())
            continue;
        lo = std::min(lo, p.firstIndex);
        hi = std::max(hi, p.firstIndex + int64_t(p.size()));
    }
    if (lo >= hi) {
        out.firstIndex = 0;
        return out;
    }
    out.firstIndex = lo;
    out.bins.resize(std::size_t(hi - lo));
    for (const BinnedSeries &p : parts) {
        for (std::size_t i = 0; i < p.size(); ++i) {
            Bin b = p.bins[i];
            b.first = std::numeric_limits<uint32_t>::max(); // event numbers are per site
            b.last = 0;
            out.bins[std::size_t(p.firstIndex - lo) + i].merge(b);
        }
    }
    out.values.reserve(out.bins.size());
    for (const Bin &b : out.bins)
        out.values.push_back(binValue(out.metric.metric, b));
    return out;
}

} // namespace inquest
