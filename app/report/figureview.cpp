#include "figureview.h"

#include "analysis/binpyramid.h"
#include "model/casedata.h"
#include "remote/remotechartbins.h"

namespace inquest {

namespace {
constexpr qreal Canvas = 1.6;
}

FigureView figureView(const ChartSpec &spec, const CaseBins &bins)
{
    FigureView v;
    v.canvasWidth = qRound(spec.size.width() * Canvas);
    v.canvasHeight = qRound(spec.size.height() * Canvas);
    v.beginUs = spec.endUs > spec.beginUs ? spec.beginUs : bins.minTime;
    v.endUs = spec.endUs > spec.beginUs ? spec.endUs : bins.maxTime + 1;
    v.widthUs = spec.binWidthUs > 0 ? spec.binWidthUs
                                    : BinPyramid::widthFor(v.endUs - v.beginUs, std::size_t(qMax(100, v.canvasWidth)));
    return v;
}

std::shared_ptr<const CaseBins> figureBins(const CaseData &data)
{
    return remote::withRemoteSpans(CaseBins::build(data.sources, SiteRule::of(data.meta)), data.remoteSources);
}

ChartData figureChartData(const ChartSpec &spec, const CaseBins &bins, const FigureView &view)
{
    ChartData data = buildChartData(bins, view.widthUs, view.beginUs, view.endUs, spec.sites);
    if (!spec.remote || !(spec.remote->key == remote::ChartViewKey{view.widthUs, view.beginUs, view.endUs, {}}))
        return data;
    remote::RemoteChartBins mine = *spec.remote;
    if (!spec.sites.isEmpty()) {
        std::erase_if(mine.sites,
                      [&spec](const remote::RemoteChartBins::Site &s) { return !spec.sites.contains(s.name); });
    }
    remote::addRemoteBins(data, mine);
    return data;
}

} // namespace inquest
