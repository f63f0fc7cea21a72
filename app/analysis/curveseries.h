#pragma once

#include "timebins.h"
#include "timelineindex.h"

#include "model/curvespec.h"

#include <optional>

namespace inquest {

// The events a user curve's filter keeps, in time order (entries of `index`); nothing, with
// the reason in *error, when the filter cannot be read.
std::optional<std::vector<uint64_t>> curveRows(const TimelineIndex &index, const QString &filter, QString *error);

// A user curve binned at `widthUs` over [fromUs, toUs) (bins aligned to UTC epoch multiples;
// from == to: the span of `rows`). Count is the number of events; Sum/Mean/Max/Percentile read
// bytes, or the response time in milliseconds (rows without one are left out of those).
// Bins without a value to show are NaN (Mean, Max, Percentile); Count and Sum show 0.
BinnedSeries curveSeries(const TimelineIndex &index, const std::vector<uint64_t> &rows, const CurveSpec &curve,
                         int64_t widthUs, int64_t fromUs = 0, int64_t toUs = 0);

// The same from the sources of a case (the index built here): for the CLI and the report.
std::optional<BinnedSeries> curveSeries(const QList<Source> &sources, const SiteRule &rule, const CurveSpec &curve,
                                        int64_t widthUs, int64_t fromUs, int64_t toUs, QString *error);

// The unit of a curve's values, for axis titles: "events", "bytes", "ms".
QString curveUnit(const CurveSpec &curve);
// Whether a curve's values grow with the bin width (count and sum: "events per minute"), so
// that a sum of bytes and a mean of bytes are not read against one scale.
bool curveIsPerBin(const CurveSpec &curve);

} // namespace inquest
