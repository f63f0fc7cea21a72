#include "timebins.h"
#include "binscan.h"
#include "model/httpstatus.h"
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
    switch (statusClass(status)) {
    case StatusClass::Success:
        return int(Metric::Status2xx);
    case StatusClass::Redirect:
        return int(Metric::Status3xx);
    case StatusClass::ClientError:
        return int(Metric::Status4xx);
    case StatusClass::ServerError:
        return int(Metric::Status5xx);
    case StatusClass::NoResponse:
        return int(Metric::NoResponse);
    default:
        return -1;
    }
}

// The error rate's numerator: failures, 5xx + no response (model/httpstatus.h isFailure).
uint32_t failuresIn(const std::vector<Bin> *serverErrors, const std::vector<Bin> *noResponse, std::size_t i)
{
    return (serverErrors ? (*serverErrors)[i].count : 0) + (noResponse ? (*noResponse)[i].count : 0);
}

// Bin::add(1, event) for events that come in ascending event order (one slice at a time): the
// hot binning loop keeps count, first and last only, finishCounts() sets sum, min and max after.
inline void countInOrder(Bin &bin, uint32_t event)
{
    if (bin.count++ == 0)
        bin.first = event;
    bin.last = event;
}

// Bin::add for events in ascending event order: first and last need no comparison.
inline void addInOrder(Bin &bin, double value, uint32_t event)
{
    if (bin.count++ == 0)
        bin.first = event;
    bin.last = event;
    bin.sum += value;
    bin.min = std::min(bin.min, value);
    bin.max = std::max(bin.max, value);
}

void finishCounts(Bin *bins, std::size_t n)
{
    if (!bins)
        return;
    for (std::size_t i = 0; i < n; ++i) {
        if (bins[i].count > 0) {
            bins[i].sum = bins[i].count;
            bins[i].min = bins[i].max = 1;
        }
    }
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
    Bin *http[int(Metric::NoResponse) + 1] = {};
    Bin *bytes = nullptr, *response = nullptr;
    Bin *severity[8] = {};
    Bin *unrated = nullptr; // system-log lines with no severity
    auto vec = [&](const MetricKey &k) { return (level.bins[k] = std::vector<Bin>(range.count)).data(); };
    if (site.hasHttp()) {
        for (Metric m : {Metric::Requests, Metric::Status2xx, Metric::Status3xx, Metric::Status4xx, Metric::Status5xx,
                         Metric::NoResponse})
            http[int(m)] = vec(m);
        bytes = vec(Metric::Bytes);
    }
    if (site.hasResponseTimes())
        response = vec(Metric::ResponseMean);
    if (site.hasSyslog()) {
        for (int s = 0; s < 8; ++s)
            severity[s] = vec(MetricKey::severityOf(s));
    }
    if (site.hasUnratedSystemLines())
        unrated = vec(MetricKey::severityOf(UnratedSeverity));
    // Numeric columns: per table, the column index for each name (tables may differ).
    const QStringList &columns = site.numericColumns();
    std::vector<Bin *> numeric;
    for (const QString &c : columns)
        numeric.push_back(vec(MetricKey::numeric(c)));

    // Slice by slice, so each slice's properties are looked up once, not per event.
    const int64_t first = range.firstIndex;
    std::vector<std::pair<const double *, Bin *>> numericOf;
    for (std::size_t k = 0; k < site.slices().size(); ++k) {
        const EventSlice &slice = site.slices()[k];
        const EventTable &t = *slice.table;
        numericOf.clear();
        for (const NumericColumn &c : t.numeric)
            numericOf.emplace_back(c.values.data(), numeric[std::size_t(columns.indexOf(c.name))]);
        const bool sliceHttp = slice.http;
        Bin *const sliceUnrated = slice.systemLog ? unrated : nullptr;
        BinCursor cursor(widthUs, first);
        uint32_t g = site.sliceStart(k);
        const auto visit = [&](uint32_t r) {
            const std::size_t b = cursor.bin(t.time[r]);
            if (sliceHttp) {
                countInOrder(http[int(Metric::Requests)][b], g);
                if (const int m = statusClassMetric(t.status[r]); m >= 0)
                    countInOrder(http[m][b], g);
                addInOrder(bytes[b], double(t.bytes[r]), g);
            }
            if (response && t.responseUs[r] != NoResponseTime)
                addInOrder(response[b], t.responseUs[r] / 1000.0, g);
            if (const uint8_t level = severityLevel(t.severity[r]); severity[0] && level < 8)
                countInOrder(severity[level][b], g);
            else if (sliceUnrated && level == NoSeverity)
                countInOrder(sliceUnrated[b], g);
            for (const auto &[values, bins] : numericOf) {
                const double v = values[r];
                if (!std::isnan(v))
                    bins[b].add(v, g);
            }
            ++g;
        };
        slice.forEachRow(visit);
    }

    // The counts above kept count, first and last only; an add(1) would have set these too.
    for (Bin *bins : {http[int(Metric::Requests)], http[int(Metric::Status2xx)], http[int(Metric::Status3xx)],
                      http[int(Metric::Status4xx)], http[int(Metric::Status5xx)], http[int(Metric::NoResponse)]})
        finishCounts(bins, range.count);
    for (Bin *bins : severity)
        finishCounts(bins, range.count);
    finishCounts(unrated, range.count);
    if (site.clientCount() > 0) {
        Bin *fresh = vec(Metric::NewClients);
        for (std::size_t c = 0; c < site.clientCount(); ++c)
            fresh[floorDiv(site.clientFirstTime()[c], widthUs) - first].add(1, site.clientFirstEvent()[c]);
    }
    return level;
}

BinnedSeries seriesFromLevel(const BinLevel &level, const MetricKey &metric, TimeLimit limit)
{
    BinnedSeries s;
    s.metric = metric;
    s.widthUs = level.widthUs;
    s.firstIndex = level.firstIndex;
    const bool rate = metric.metric == Metric::ErrorRate;
    const auto it = level.bins.find(rate ? MetricKey(Metric::Status5xx) : metric);
    const auto all = level.bins.find(MetricKey(Metric::Requests));
    const auto none = level.bins.find(MetricKey(Metric::NoResponse));
    const std::vector<Bin> *noResponse = none == level.bins.end() ? nullptr : &none->second;
    if (it == level.bins.end() || (rate && all == level.bins.end()))
        return s;
    // Only the bins overlapping the limit are copied (as BinnedSeries::slice picks them): a
    // level holds the site's whole span, a view usually a small part of it.
    const auto n = int64_t(it->second.size());
    const int64_t lo = std::clamp<int64_t>(floorDiv(limit.first, level.widthUs) - level.firstIndex, 0, n);
    const int64_t hi = std::clamp<int64_t>(floorDiv(limit.second - 1, level.widthUs) - level.firstIndex + 1, lo, n);
    s.firstIndex = level.firstIndex + lo;
    s.bins.assign(it->second.begin() + lo, it->second.begin() + hi);
    s.values.resize(s.bins.size());
    for (std::size_t i = 0; i < s.bins.size(); ++i) {
        if (rate) {
            const uint32_t requests = all->second[std::size_t(lo) + i].count;
            const uint32_t failed = failuresIn(&it->second, noResponse, std::size_t(lo) + i);
            s.values[i] = requests ? double(failed) / requests : NaN;
        } else {
            s.values[i] = binValue(metric.metric, s.bins[i]);
        }
    }
    return s;
}

BinnedSeries mergeSeries(const BinLevel &fine, const MetricKey &metric, int64_t widthUs, TimeLimit limit)
{
    Q_ASSERT(widthUs % fine.widthUs == 0);
    BinnedSeries s;
    s.metric = metric;
    s.widthUs = widthUs;
    const bool rate = metric.metric == Metric::ErrorRate;
    const auto it = fine.bins.find(rate ? MetricKey(Metric::Status5xx) : metric);
    const auto all = fine.bins.find(MetricKey(Metric::Requests));
    const auto none = fine.bins.find(MetricKey(Metric::NoResponse));
    const std::vector<Bin> *noResponse = none == fine.bins.end() ? nullptr : &none->second;
    const int64_t ratio = widthUs / fine.widthUs;
    // The coarse level's extent, as coarsen() would make it.
    const int64_t first = fine.binCount ? floorDiv(fine.firstIndex, ratio) : 0;
    const int64_t count = fine.binCount ? floorDiv(fine.firstIndex + int64_t(fine.binCount) - 1, ratio) - first + 1 : 0;
    s.firstIndex = first;
    if (it == fine.bins.end() || (rate && all == fine.bins.end()))
        return s;
    const int64_t lo = std::clamp<int64_t>(floorDiv(limit.first, widthUs) - first, 0, count);
    const int64_t hi = std::clamp<int64_t>(floorDiv(limit.second - 1, widthUs) - first + 1, lo, count);
    s.firstIndex = first + lo;
    s.bins.resize(std::size_t(hi - lo));
    s.values.resize(s.bins.size());
    const int64_t fineEnd = fine.firstIndex + int64_t(fine.binCount);
    for (int64_t c = first + lo; c < first + hi; ++c) {
        const int64_t a = std::max(c * ratio, fine.firstIndex), b = std::min((c + 1) * ratio, fineEnd);
        Bin &bin = s.bins[std::size_t(c - first - lo)];
        uint32_t requests = 0, failed = 0;
        for (int64_t f = a; f < b; ++f) {
            bin.merge(it->second[std::size_t(f - fine.firstIndex)]);
            if (rate) {
                requests += all->second[std::size_t(f - fine.firstIndex)].count;
                failed += failuresIn(&it->second, noResponse, std::size_t(f - fine.firstIndex));
            }
        }
        s.values[std::size_t(c - first - lo)] =
            rate ? (requests ? double(failed) / requests : NaN) : binValue(metric.metric, bin);
    }
    return s;
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
    default:
        return seriesFromLevel(binMergeable(site, widthUs), metric, limit);
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
    BinCursor cursor(widthUs, range.firstIndex);
    forEachInTimeRange(site, lo, hi, [&](uint32_t g, const EventTable &t, uint32_t r) {
        T v;
        if (!take(g, t, r, v))
            return;
        const std::size_t b = cursor.bin(t.time[r]);
        bins[b].add(double(v), g);
        ++offsets[b + 1];
        ++total;
    });
    for (std::size_t b = 0; b < range.count; ++b)
        offsets[b + 1] += offsets[b];
    grouped.resize(total);
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    forEachInTimeRange(site, lo, hi, [&](uint32_t g, const EventTable &t, uint32_t r) {
        T v;
        if (take(g, t, r, v))
            grouped[fill[cursor.bin(t.time[r])]++] = v;
    });
}

} // namespace

namespace {

// Every slice sorted: their events are merged bin by bin (a cursor per slice) and a client's
// stamp, the last bin it was counted in, tells in O(1) whether it is new to the bin. One pass
// over the events in the range, no grouping, no hashing.
void uniqueClientsInOrder(const SiteEvents &site, int64_t widthUs, const Range &range, std::vector<Bin> &bins,
                          std::vector<double> &values)
{
    struct Run
    {
        const int64_t *time;
        const uint32_t *rows; // null: every row of the table
        std::size_t at, end;
        uint32_t start;
    };
    const int64_t lo = range.firstIndex * widthUs, hi = (range.firstIndex + int64_t(range.count)) * widthUs;
    std::vector<Run> runs;
    for (std::size_t k = 0; k < site.slices().size(); ++k) {
        const EventSlice &s = site.slices()[k];
        const auto [a, b] = slicePositions(site, k, lo, hi);
        if (a < b)
            runs.push_back({s.table->time.data(), s.allRows ? nullptr : s.rows.data(), a, b, site.sliceStart(k)});
    }
    const std::vector<uint32_t> &ids = site.clients();
    std::vector<uint32_t> stamp(site.clientCount(), 0);
    for (std::size_t b = 0; b < range.count; ++b) {
        const int64_t end = lo + int64_t(b + 1) * widthUs;
        const auto mark = uint32_t(b + 1);
        uint32_t unique = 0;
        Bin &bin = bins[b];
        for (Run &run : runs) {
            for (; run.at < run.end; ++run.at) {
                const uint32_t r = run.rows ? run.rows[run.at] : uint32_t(run.at);
                if (run.time[r] >= end)
                    break;
                const uint32_t g = run.start + uint32_t(run.at);
                const uint32_t c = ids[g];
                if (c == SiteEvents::NoClient)
                    continue;
                bin.add(double(c), g);
                if (stamp[c] != mark) {
                    stamp[c] = mark;
                    ++unique;
                }
            }
        }
        values[b] = unique;
    }
}

// Any order: group the events' clients by bin first (counting sort), then stamp as above.
void uniqueClientsGrouped(const SiteEvents &site, int64_t widthUs, const Range &range, std::vector<Bin> &bins,
                          std::vector<double> &values)
{
    std::vector<uint32_t> offsets;
    std::vector<uint32_t> clients;
    const auto &ids = site.clients();
    groupByBin<uint32_t>(site, widthUs, range, bins, offsets, clients,
                         [&ids](uint32_t g, const EventTable &, uint32_t, uint32_t &v) {
                             v = ids[g];
                             return v != SiteEvents::NoClient;
                         });
    std::vector<uint32_t> stamp(site.clientCount(), 0);
    for (std::size_t b = 0; b < range.count; ++b) {
        uint32_t unique = 0;
        for (uint32_t i = offsets[b]; i < offsets[b + 1]; ++i) {
            uint32_t &seen = stamp[clients[i]];
            if (seen != b + 1) {
                seen = uint32_t(b + 1);
                ++unique;
            }
        }
        values[b] = unique;
    }
}

} // namespace

BinnedSeries binUniqueClients(const SiteEvents &site, int64_t widthUs, TimeLimit limit)
{
    const Range range = rangeOf(site, widthUs, limit);
    BinnedSeries s;
    s.metric = Metric::UniqueClients;
    s.widthUs = widthUs;
    s.firstIndex = range.firstIndex;
    s.values.assign(range.count, 0);
    s.bins.assign(range.count, Bin{});
    if (range.count == 0)
        return s;
    if (site.allSorted())
        uniqueClientsInOrder(site, widthUs, range, s.bins, s.values);
    else
        uniqueClientsGrouped(site, widthUs, range, s.bins, s.values);
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
