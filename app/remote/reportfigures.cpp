#include "reportfigures.h"

#include "remotesources.h"

#include "report/figureview.h"
#include "report/reportbuilder.h"

namespace inquest::remote {

ReportFigureAnswers askForReportFigures(const CaseData &data, const ReportOptions &options,
                                        const std::vector<SourceAccess> &sources, const QStringList &unreachable,
                                        const std::shared_ptr<QueryCanceller> &canceller)
{
    ReportFigureAnswers out;
    out.errors = unreachable;
    if (sources.empty())
        return out;
    // Every site figure is drawn at the all-sites figure's view: one query per source serves them all.
    const FigureView view = figureView(ReportBuilder::siteFigure(data, options, {}), *figureBins(data));
    if (view.widthUs <= 0 || view.endUs <= view.beginUs)
        return out;
    RemoteChartBins bins = fetchChartBins(sources, ChartViewKey{view.widthUs, view.beginUs, view.endUs, {}}, canceller,
                                          SiteRule::of(data.meta), false);
    out.cancelled = bins.cancelled;
    out.errors += bins.errors;
    for (std::size_t i = 0; i < bins.runs.size(); ++i) {
        QueryRun &run = bins.runs[i];
        const auto source = std::find_if(sources.begin(), sources.end(), [&](const SourceAccess &s) {
            return i < bins.runSources.size() && s.source.id == bins.runSources[i];
        });
        if (run.ok() && source != sources.end())
            out.queries.append(provenance(source->source, run, source->source.serverVersion));
        run.body.clear(); // the figures draw the parsed bins; the provenance keeps the hash
    }
    if (!bins.cancelled)
        out.bins = std::make_shared<const RemoteChartBins>(std::move(bins));
    return out;
}

QStringList answeredSites(const ReportFigureAnswers &answers)
{
    QStringList names;
    if (answers.bins) {
        for (const RemoteChartBins::Site &s : answers.bins->sites)
            names << s.name;
    }
    names.sort();
    return names;
}

} // namespace inquest::remote
