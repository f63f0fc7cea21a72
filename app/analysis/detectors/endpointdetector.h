#pragma once

#include "detector.h"

namespace inquest {

// Where the requests and the errors of each incident went: one endpoint hammered (an
// application-layer flood, or a crowd following a link), errors spread over every path (the
// serving side as a whole failed) or confined to a few paths whose traffic did not change
// (a broken release).
class EndpointDetector : public Detector
{
public:
    struct Parameters
    {
        double hammeredShare = 0.2;  // the endpoint's share of requests in the window …
        double hammeredFactor = 3.0; // … and its rise over the baseline share
        int minRequests = 100;
        double linkedShare = 0.3; // share of its requests arriving with an external referer
        int minErrors = 30;
        double errorCoverage = 0.8;      // the endpoints holding this share of the errors …
        double confinedTraffic = 0.35;   // … carry at most this share of traffic: confined
        double spreadTraffic = 0.5;      // … or at least this: spread
        double confinedRateFactor = 5.0; // error rate inside vs outside, for confined
        int baselineMinutes = 120;
    };

    QString name() const override { return QStringLiteral("endpoints"); }
    QString version() const override { return QStringLiteral("1"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    Parameters params;
};

} // namespace inquest
