// The findings report's Charts section: an all-sites traffic figure, then one per site, local
// and remote sites alike (remote/reportfigures asks the remote sources before the report is built).
#include "reportbuilder.h"
#include "reportformat.h"

#include "model/casedata.h"
#include "model/sites.h"
#include "remote/reportfigures.h"

namespace inquest {

using namespace reportformat;

ChartSpec ReportBuilder::siteFigure(const CaseData &data, const ReportOptions &options, const QString &site)
{
    const auto [begin, end] = incidentRange(data);
    ChartSpec f;
    f.caseData = &data;
    if (!site.isEmpty())
        f.sites = {site};
    f.metrics = {MetricKey(Metric::Requests), MetricKey(Metric::Status5xx)};
    f.beginUs = begin;
    f.endUs = end;
    f.timeZone = options.timeZone.isEmpty() ? QStringLiteral("UTC") : options.timeZone;
    f.size = QSizeF(480, 300);
    // "Failed" as the detectors count it: 5xx or no response (model/httpstatus isFailure).
    f.title = site.isEmpty() ? QStringLiteral("Requests and failed (5xx or no response), all sites")
                             : QStringLiteral("Requests and failed (5xx or no response): %1").arg(site);
    return f;
}

void ReportBuilder::charts()
{
    const auto [begin, end] = incidentRange(m_data);
    add(ReportBlock::paragraph(begin == end
                                   ? QStringLiteral("The case marks no outage window: the charts show the whole case.")
                                   : QStringLiteral("Zoomed to the outage window with as much context before and after "
                                                    "(%1). Shaded: outage windows; vertical marks: statements.")
                                         .arg(range(begin, end))));
    if (!m_figures) {
        add(ReportBlock::paragraph(
            QStringLiteral("Charts are not drawn: no figure renderer is available in this build."), false, true));
        return;
    }
    // One traffic figure per site (model/sites: a system log's hosts are not sites), local or remote.
    QStringList sites = SiteRule::of(m_data.meta).sites(m_data.sources);
    const remote::ReportFigureAnswers *remote = m_options.remoteFigures.get();
    if (!m_data.remoteSources.isEmpty()) {
        if (!remote) {
            add(ReportBlock::paragraph(QStringLiteral("The case's %1 remote source(s) were not asked for these "
                                                      "figures: their sites are not drawn.")
                                           .arg(m_data.remoteSources.size()),
                                       false, true));
        } else {
            for (const QString &site : remote::answeredSites(*remote)) {
                if (!sites.contains(site))
                    sites.append(site);
            }
            sites.sort();
            if (!remote->queries.isEmpty())
                add(ReportBlock::paragraph(
                    QStringLiteral("Remote sites are drawn from what their servers answered when this report was made "
                                   "(%1 quer%2, the Charts dock's; listed in Appendix C).")
                        .arg(remote->queries.size())
                        .arg(remote->queries.size() == 1 ? QStringLiteral("y") : QStringLiteral("ies"))));
            if (remote->cancelled)
                add(ReportBlock::paragraph(
                    QStringLiteral("Asking the remote sources was cancelled: their sites are not drawn."), false,
                    true));
            for (const QString &e : remote->errors)
                add(ReportBlock::paragraph(QStringLiteral("Not drawn, %1").arg(e), false, true));
        }
    }
    // All sites first when there are several: the failures pane splits them by site, each in
    // its colour, so which sites failed together is seen at a glance; then one figure per site.
    QList<QString> each = sites;
    if (sites.size() != 1)
        each.prepend(QString());
    for (const QString &site : each) {
        ReportBlock f;
        f.type = ReportBlock::Figure;
        f.chart = siteFigure(m_data, m_options, site);
        if (remote)
            f.chart.remote = remote->bins;
        f.text = f.chart.title;
        add(f);
    }
}

} // namespace inquest
