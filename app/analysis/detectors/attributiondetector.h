#pragma once

#include "detector.h"

#include "analysis/attribution.h"

namespace inquest {

// What each incident is made of: the dimension values (site, endpoint, status, client network,
// agent, referer, method, static/dynamic) that explain its change in failures (or, for a fall
// or rise of traffic, in requests), by Adtributor's explanatory power and surprise.
class AttributionDetector : public Detector
{
public:
    struct Parameters
    {
        AttributionParameters attribution;
        int baselineMinutes = 120;
        int maxDimensions = 3; // named in the reason
    };

    QString name() const override { return QStringLiteral("attribution"); }
    QString version() const override { return QStringLiteral("1"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    Parameters params;
};

} // namespace inquest
