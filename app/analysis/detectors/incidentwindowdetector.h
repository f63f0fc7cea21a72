#pragma once

#include "detector.h"

namespace inquest {

// Finds outage windows per site from the 5xx rate and the request volume, each bin compared
// with a robust baseline (median and MAD) of the hours before it, then merges the windows of
// all sites into incidents and says which sites were affected and which were not.
class IncidentWindowDetector : public Detector
{
public:
    struct Parameters
    {
        int baselineBins = 120;          // bins before a bin that form its baseline
        int baselineGapBins = 3;         // skipped right before the bin (slow onsets)
        int minBaselineBins = 30;        // fewer usable bins: no judgement
        double madFactor = 6.0;          // robust z threshold
        double minErrorRate = 0.03;      // an error bin needs at least this 5xx share
        int minErrors = 5;               // … and this many 5xx
        double dropRatio = 0.5;          // a drop bin has at most this share of the baseline median …
        double dropFactor = 4.0;         // … and lies this many robust deviations below it
        double minBaselineRequests = 20; // drops are judged only where the median is at least this
        int maxGapBins = 2;              // flagged bins this close join one window
        int minFlaggedBins = 3;          // windows with fewer flagged bins are blips
        int mergeGapBins = 10;           // site windows this close merge into one incident
    };

    QString name() const override { return QStringLiteral("incident-window"); }
    QString version() const override { return QStringLiteral("1"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    // Per-site windows (exposed for tests).
    std::vector<Incident::SiteWindow> siteWindows(const SiteBins &site) const;

    Parameters params;
};

} // namespace inquest
