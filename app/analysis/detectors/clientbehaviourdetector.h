#pragma once

#include "detector.h"

#include "analysis/clientfeatures.h"

namespace inquest {

// How the clients of each incident behave against the same length of time before it: the
// cadence of their requests (machine or human), whether pages' assets are fetched, where they
// came from, and whether they retried. Each finding rates every hypothesis kind.
class ClientBehaviourDetector : public Detector
{
public:
    struct Parameters
    {
        double machineShare = 0.25;    // requests from machine-cadence clients in the window …
        double machineRise = 0.1;      // … above the share before
        double assetsFall = 0.35;      // assets per page of new clients below this share of before
        double assetsKept = 0.6;       // … at least this share: browsers
        double minAssetsPerPage = 0.3; // judged only where the baseline fetched assets
        int minNewClients = 30;
        double retryRise = 0.05;
    };

    QString name() const override { return QStringLiteral("client-behaviour"); }
    QString version() const override { return QStringLiteral("2"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    Parameters params;
};

} // namespace inquest
