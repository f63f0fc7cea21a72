#pragma once
// Walking a site's events by time range and bin, at the cost of the events in the range: the
// binning passes share these so that a zoomed view or a new width reads only what it shows.

#include "siteevents.h"
#include "timebins.h"

#include <algorithm>
#include <utility>

namespace inquest {

// The bin of an event time, relative to firstIndex. Log times come nearly in order, so the
// current bin's bounds are kept and only a time outside them costs a division.
class BinCursor
{
public:
    BinCursor(int64_t widthUs, int64_t firstIndex)
        : m_width(widthUs)
        , m_first(firstIndex)
    {
    }

    std::size_t bin(int64_t timeUs)
    {
        if (timeUs < m_begin || timeUs >= m_end) {
            const int64_t k = floorDiv(timeUs, m_width);
            m_begin = k * m_width;
            m_end = m_begin + m_width;
            m_bin = std::size_t(k - m_first);
        }
        return m_bin;
    }

private:
    int64_t m_width;
    int64_t m_first;
    int64_t m_begin = 1; // an empty range: the first call divides
    int64_t m_end = 0;
    std::size_t m_bin = 0;
};

// Positions [first, second) within slice k (0..slice size) that may hold times in [lo, hi): a
// binary search when the slice is sorted, the whole slice otherwise (callers then check times).
inline std::pair<std::size_t, std::size_t> slicePositions(const SiteEvents &site, std::size_t k, int64_t lo, int64_t hi)
{
    const EventSlice &s = site.slices()[k];
    if (!site.sliceSorted(k))
        return {0, s.size()};
    const std::vector<int64_t> &time = s.table->time;
    if (s.allRows) {
        const auto b = std::lower_bound(time.begin(), time.end(), lo);
        const auto e = std::lower_bound(b, time.end(), hi);
        return {std::size_t(b - time.begin()), std::size_t(e - time.begin())};
    }
    const auto before = [&time](uint32_t row, int64_t t) { return time[row] < t; };
    const auto b = std::lower_bound(s.rows.begin(), s.rows.end(), lo, before);
    const auto e = std::lower_bound(b, s.rows.end(), hi, before);
    return {std::size_t(b - s.rows.begin()), std::size_t(e - s.rows.begin())};
}

// Calls f(eventNumber, table, row) for every event with time in [lo, hi), slice by slice, in
// numbering order within each slice.
template <typename F> void forEachInTimeRange(const SiteEvents &site, int64_t lo, int64_t hi, F &&f)
{
    for (std::size_t k = 0; k < site.slices().size(); ++k) {
        const EventSlice &s = site.slices()[k];
        const EventTable &t = *s.table;
        const auto [a, b] = slicePositions(site, k, lo, hi);
        const bool check = !site.sliceSorted(k);
        const uint32_t start = site.sliceStart(k);
        for (std::size_t i = a; i < b; ++i) {
            const uint32_t r = s.row(i);
            if (check && (t.time[r] < lo || t.time[r] >= hi))
                continue;
            f(uint32_t(start + i), t, r);
        }
    }
}

} // namespace inquest
