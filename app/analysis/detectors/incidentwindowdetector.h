#pragma once

#include "detector.h"

#include "analysis/changedetect.h"

namespace inquest {

// Finds outage windows per site — a rise of the failing share (5xx and no response), a fall of
// requests (collapse, or no lines at all), a rise of the share of slow responses where response
// times are logged — by CUSUM change detection on per-minute counts
// (analysis/changedetect: negative-binomial volumes, quasi-binomial shares, baselines from the
// preceding hours), notes surges, then merges the windows of all sites into incidents and says
// which sites were affected and which were not: windows of different sites are one incident
// where they overlap in time (a site's evidence of change running while another's does), not
// because they came within some minutes of each other. Incidents far smaller than another
// with at least their evidence of unavailability (a burst of errors on one widget beside a
// collapse of every site) are left out, and so
// are incidents of a handful of requests; a handful on each of several sites at once is kept. A fall of requests
// on every site together in the last minutes of the logs is reported as the logs ending (collected
// up to a moment, they taper as sessions stop being logged), not as an outage.
class IncidentWindowDetector : public Detector
{
public:
    struct Parameters
    {
        CusumParameters cusum;
        int maxGapBins = 2;           // segments of a site this close join one window
        int surgeLeadBins = 10;       // a surge this shortly before a window is part of it
        double minImpact = 8;         // an incident's lost requests + excess failures below this: no outage
        double minImpactShare = 0.15; // incidents below this share of one with at least their evidence are left out
        double slowQuantile = 0.9;    // a response slower than this quantile of the site's is "slow"
    };

    QString name() const override { return QStringLiteral("incident-window"); }
    QString version() const override { return QStringLiteral("6"); }
    QJsonObject parameters() const override;
    void run(AnalysisContext &context, DetectorOutput &out) const override;

    // Per-site windows on a grid of `width` (exposed for tests).
    std::vector<Incident::SiteWindow> siteWindows(const EventStore &store, const QString &site,
                                                  int64_t width = 60'000'000) const;
    // Segments where the share of responses slower than the site's usual slowQuantile rose
    // (none when the site logs no response times).
    std::vector<ChangeSegment> slowResponses(const EventStore &store, const QString &site, int64_t from, int64_t to,
                                             int64_t width, const KnownBins &known) const;
    // Incidents from site windows of the case's sites (all of them, by impact filter). Falls in
    // requests on every site at once that run into the last complete bin of the data are the
    // logs ending, not an outage: they go to `endOfLogs` (when given) instead.
    std::vector<Incident> incidents(const EventStore &store, int64_t width = 60'000'000,
                                    std::vector<Incident> *endOfLogs = nullptr) const;
    // The outage window drawn on the chart for an incident.
    Marker marker(const Incident &incident) const;
    // The finding for an incident: its windows per site, with figures against each site's baseline
    // where the site's events are in `context` (a remote table's site has its window's only).
    Evidence outageEvidence(const Incident &incident, AnalysisContext &context) const;
    // The finding that says why a fall on every site at the end of the logs is not an outage.
    Evidence endOfLogsEvidence(const Incident &tail) const;

    Parameters params;
};

} // namespace inquest
