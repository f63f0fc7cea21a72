#include "curveseries.h"
#include "filterexpression.h"

#include "model/source.h"

#include <algorithm>
#include <cmath>

namespace inquest {

std::optional<std::vector<uint64_t>> curveRows(const TimelineIndex &index, const QString &filter, QString *error)
{
    EventFilter f;
    if (!parseFilterExpression(filter, &f, error))
        return std::nullopt;
    return applyFilter(index, f);
}

BinnedSeries curveSeries(const TimelineIndex &index, const std::vector<uint64_t> &rows, const CurveSpec &curve,
                         int64_t widthUs, int64_t fromUs, int64_t toUs)
{
    BinnedSeries s;
    s.widthUs = std::max<int64_t>(1, widthUs);
    if (toUs <= fromUs) {
        if (rows.empty())
            return s;
        fromUs = index.timeOf(rows.front());
        toUs = index.timeOf(rows.back()) + 1;
    }
    s.firstIndex = floorDiv(fromUs, s.widthUs);
    const int64_t lastIndex = floorDiv(toUs - 1, s.widthUs);
    const std::size_t n = std::size_t(lastIndex - s.firstIndex + 1);
    s.bins.assign(n, Bin());
    const bool percentile = curve.aggregate == CurveAggregate::Percentile;
    std::vector<std::vector<double>> samples(percentile ? n : 0);

    const std::size_t begin = index.lowerBound(rows, s.firstIndex * s.widthUs);
    const std::size_t end = index.lowerBound(rows, (lastIndex + 1) * s.widthUs);
    for (std::size_t i = begin; i < end; ++i) {
        const uint64_t e = rows[i];
        const EventTable &t = *index.sourceOf(e).table;
        const std::size_t r = timeline::rowOf(e);
        double value = 1;
        if (curve.aggregate != CurveAggregate::Count) {
            if (curve.field == CurveField::Bytes) {
                value = double(t.bytes[r]);
            } else if (curve.field == CurveField::ResponseTime) {
                if (t.responseUs[r] == NoResponseTime)
                    continue;
                value = t.responseUs[r] / 1000.0;
            }
        }
        const std::size_t b = std::size_t(floorDiv(t.time[r], s.widthUs) - s.firstIndex);
        s.bins[b].add(value, uint32_t(std::min<std::size_t>(i, UINT32_MAX)));
        if (percentile)
            samples[b].push_back(value);
    }

    s.values.resize(n);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t b = 0; b < n; ++b) {
        const Bin &bin = s.bins[b];
        switch (curve.aggregate) {
        case CurveAggregate::Count:
            s.values[b] = bin.count;
            break;
        case CurveAggregate::Sum:
            s.values[b] = bin.sum;
            break;
        case CurveAggregate::Mean:
            s.values[b] = bin.count ? bin.sum / bin.count : nan;
            break;
        case CurveAggregate::Max:
            s.values[b] = bin.count ? bin.max : nan;
            break;
        case CurveAggregate::Percentile: {
            std::vector<double> &v = samples[b];
            if (v.empty()) {
                s.values[b] = nan;
                break;
            }
            // Nearest rank: the smallest value with at least p% of the bin's values at or below it.
            const auto rank = std::size_t(std::ceil(curve.percentile / 100.0 * double(v.size())));
            const std::size_t k = rank == 0 ? 0 : rank - 1;
            std::nth_element(v.begin(), v.begin() + qsizetype(k), v.end());
            s.values[b] = v[k];
            break;
        }
        }
    }
    return s;
}

std::optional<BinnedSeries> curveSeries(const QList<Source> &sources, const SiteRule &rule, const CurveSpec &curve,
                                        int64_t widthUs, int64_t fromUs, int64_t toUs, QString *error)
{
    const auto index = TimelineIndex::build(timelineSources(sources, rule));
    const auto rows = curveRows(*index, curve.filter, error);
    if (!rows)
        return std::nullopt;
    return curveSeries(*index, *rows, curve, widthUs, fromUs, toUs);
}

QString curveUnit(const CurveSpec &curve)
{
    if (curve.aggregate == CurveAggregate::Count)
        return QStringLiteral("events");
    return curve.field == CurveField::Bytes ? QStringLiteral("bytes") : QStringLiteral("ms");
}

bool curveIsPerBin(const CurveSpec &curve)
{
    return curve.aggregate == CurveAggregate::Count || curve.aggregate == CurveAggregate::Sum;
}

} // namespace inquest
