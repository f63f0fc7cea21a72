#include "reporthooks.h"

#include "figurerenderer.h"
#include "reportscoring.h"

namespace inquest {

namespace {

ReportScoring &scoringHook()
{
    static ReportScoring hook;
    return hook;
}

FigureRendererFactory &figuresHook()
{
    static FigureRendererFactory hook;
    return hook;
}

} // namespace

void setReportScoring(ReportScoring scoring) { scoringHook() = std::move(scoring); }
void setFigureRendererFactory(FigureRendererFactory factory) { figuresHook() = std::move(factory); }

ReportScores scoresForReport(const CaseData &data)
{
    return scoringHook() ? scoringHook()(data) : scoreCaseForReport(data);
}

std::unique_ptr<FigureRenderer> figureRendererForReport()
{
    return figuresHook() ? figuresHook()() : nullptr;
}

} // namespace inquest
