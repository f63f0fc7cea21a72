#pragma once

#include "reportscores.h"

#include <functional>
#include <memory>

namespace inquest {

struct CaseData;
class FigureRenderer;

// The report (CLI command and export dialog) prints what others compute: scores come from app/scoring and figures
// from ui's chart renderer. Both are plugged in here at start-up so that app/ never depends
// on ui/ and the command works (with "not scored" and no charts) before they are.
using ReportScoring = std::function<ReportScores(const CaseData &)>;
using FigureRendererFactory = std::function<std::unique_ptr<FigureRenderer>()>;

void setReportScoring(ReportScoring scoring);
void setFigureRendererFactory(FigureRendererFactory factory);
ReportScores scoresForReport(const CaseData &data);        // the case's own scores unless a hook is set
std::unique_ptr<FigureRenderer> figureRendererForReport(); // null when no factory is set

} // namespace inquest
