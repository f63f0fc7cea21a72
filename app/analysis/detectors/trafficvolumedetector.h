#pragma once

#include "detector.h"

namespace inquest {

// Requests in each incident window against the baseline before it: a flood or a crowd raises
// them, an upstream (DNS/BGP) failure makes them fall with few errors, a failing datacenter
// returns errors at about the usual volume.
class TrafficVolumeDetector : public Detector
{
public:
    struct Parameters
    {
        double surgeRatio = 1.4;
        double strongSurgeRatio = 2.0;
        double dropRatio = 0.6;
        double errorShare = 0.03; // "errors at normal volume" needs at least this 5xx share
        int baselineMinutes = 120;
    };

    QString name() const override { return QStringLiteral("traffic-volume"); }
    QString version() const override { return QStringLiteral("3"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    // Requests per minute in the incident's window over those of the `baselineMinutes` before it,
    // summed over the affected sites; 0 without a baseline. What "the traffic rose" means for
    // every detector that asks (a surge at `surgeRatio` or more).
    static double requestRatio(AnalysisContext &context, const Incident &inc, int baselineMinutes);

    Parameters params;
};

// The Wilson score lower bound of a proportion (successes of trials) at normal quantile z
// (1.645: one-sided 95%); 0 without trials.
double wilsonLowerBound(double successes, double trials, double z = 1.645);

} // namespace inquest
