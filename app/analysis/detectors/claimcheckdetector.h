#pragma once

#include "detector.h"

namespace inquest {

// Compares the times in each statement ("down for more than 30 minutes until about 21:45")
// with the outage windows the logs show. A claim that matches lends its account weight; a
// claim the logs contradict takes weight from it. Times outside the logs' span are not judged.
class ClaimCheckDetector : public Detector
{
public:
    struct Parameters
    {
        int toleranceMinutes = 5;             // exact times
        int approximateToleranceMinutes = 10; // "about", "around", "more than"
    };

    QString name() const override { return QStringLiteral("claim-check"); }
    QString version() const override { return QStringLiteral("1"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    Parameters params;
};

} // namespace inquest
