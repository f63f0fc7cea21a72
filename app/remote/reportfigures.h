#pragma once

#include "remotechartbins.h"

#include "model/casedata.h"
#include "report/reportoptions.h"

namespace inquest::remote {

// The remote part of the findings report's traffic figures. Drawing a page must not wait on a
// server, so before the report is built (`inquest report`, the Export dialog) the case's remote
// sources are asked the Charts dock's query (fetchChartBins, RemoteSql::chartBins) once, for
// the view the figures are drawn at (report/figureview); each figure takes its sites from that
// answer, and Appendix C lists the queries beside the answers the case keeps.
struct ReportFigureAnswers
{
    std::shared_ptr<const RemoteChartBins> bins; // every site; null when no source was asked
    QList<RemoteResult> queries;                 // the provenance of each query that ran
    QStringList errors;                          // sources not asked or that failed, named
    bool cancelled = false;
};

// `sources` are the remote sources that can be reached (a password known); `unreachable` names
// the others (they go into `errors`). Blocks; off the GUI thread.
ReportFigureAnswers askForReportFigures(const CaseData &data, const ReportOptions &options,
                                        const std::vector<SourceAccess> &sources, const QStringList &unreachable = {},
                                        const std::shared_ptr<QueryCanceller> &canceller = {});

// The remote sites in an answer, under the case's names (sorted).
QStringList answeredSites(const ReportFigureAnswers &answers);

} // namespace inquest::remote
