#pragma once

#include "reportscores.h"

namespace inquest {

struct CaseData;

// The case's scores (app/scoring, with the weights saved in the case) as the report prints them.
ReportScores scoreCaseForReport(const CaseData &data);

} // namespace inquest
