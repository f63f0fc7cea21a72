#pragma once

#include "figurerenderer.h"

#include "analysis/chartdata.h"

#include <memory>

namespace inquest {

// The view a chart figure is drawn at: its range (the spec's, else the whole case) and bin width
// (the spec's, else about one bin per canvas pixel), and the canvas it is laid out on, larger
// than the figure in points so that the plot's screen-sized fonts come out at a print size once
// scaled onto the page. The renderer draws this view and the remote sources are asked for it
// (remote/reportfigures), so both agree on every bin.
struct FigureView
{
    qint64 beginUs = 0;
    qint64 endUs = 0;
    int64_t widthUs = 0;
    int canvasWidth = 0;
    int canvasHeight = 0;
};

FigureView figureView(const ChartSpec &spec, const CaseBins &bins);

// The case's bins figures are drawn from: its local sources under its site names, with the
// time ranges of its remote sources (as recorded when they were added).
std::shared_ptr<const CaseBins> figureBins(const CaseData &data);

// The curves a figure draws: the local bins over its view, with what the remote sources
// answered for that view (spec.remote) joined as on the Charts dock (remote/remotechartbins),
// only the figure's sites. An answer for another view is not joined (its bins would not line up).
ChartData figureChartData(const ChartSpec &spec, const CaseBins &bins, const FigureView &view);

} // namespace inquest
