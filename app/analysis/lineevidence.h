#pragma once

#include "model/curvespec.h"
#include "model/evidence.h"
#include "model/source.h"

#include <vector>

namespace inquest {

// One event of a log source: the source's id and the row in its EventTable.
struct EventRef
{
    Id sourceId = 0;
    std::size_t row = 0;
};

// Evidence items from log lines the analyst picked: one suggested item per source, citing the
// lines from the first to the last picked (numbers, byte offsets and the time they span).
QList<Evidence> evidenceFromLines(const QList<Source> &sources, const std::vector<EventRef> &events);

// A suggested evidence item from a user curve over [begin, end): the curve's aggregate and
// filter in its provenance (the filter's site as the provenance's site). The CLI's
// `new-evidence --curve` and the Curves dialog both make it here.
Evidence evidenceFromCurve(const CurveSpec &curve, qint64 begin, qint64 end);

} // namespace inquest
