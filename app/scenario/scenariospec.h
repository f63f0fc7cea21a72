#pragma once

#include "model/kinds.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace inquest::scenario {

// What goes wrong in a scenario. Each maps onto the hypothesis kind it is an instance of.
enum class IncidentKind { None, Hardware, VolumetricDdos, AppFlood, FlashCrowd, BadDeploy, Upstream };

QString toString(IncidentKind kind);
HypothesisKind hypothesisKindOf(IncidentKind kind);
QList<IncidentKind> allIncidentKinds(); // without None

struct SiteSpec
{
    QString name;                  // "amazon.co.uk"
    double peakRate = 5.0;         // requests per second at the daily peak
    bool affected = false;         // hit by the incident
    QString timeZone;              // the servers' zone when it differs from the scenario's (empty = same)
    bool logsResponseTime = false; // append Apache's %D (µs) to each line, as many shops configure
};

// Things that happen in a scenario but are not the incident.
enum class DecoyKind {
    CrawlerBurst,
    DiskWarning,
    ConfigReload,
    ErrorBlip,
    SingleEccError,
    Deploy,        // a release rolled out that breaks nothing
    LinkFlap,      // one port down and back up within a minute
    RouteReset,    // one BGP session reset and re-established
    RateLimitBurst // a scanner tripping the rate limit for a few minutes
};

struct DecoySpec
{
    DecoyKind kind = DecoyKind::CrawlerBurst;
    qint64 at = 0; // µs UTC
    int site = 0;  // index into ScenarioSpec::sites (traffic decoys)
};

struct ScenarioSpec
{
    uint64_t seed = 1;
    qint64 begin = 0; // µs UTC, whole seconds
    qint64 end = 0;
    QString timeZone = QStringLiteral("UTC");   // zone of the servers' clocks (log offsets, syslog)
    QString datacenter = QStringLiteral("dub"); // short name used in syslog host names
    QList<SiteSpec> sites;

    IncidentKind kind = IncidentKind::None;
    qint64 incidentBegin = 0;
    qint64 incidentEnd = 0;
    double intensity = 1.0; // scenario-specific strength (error share, traffic multiplier, …)

    QList<DecoySpec> decoys;
    bool syslog = true; // write a system log for the datacenter
};

// The reference incident: Sunday 12 December 2010, 19:00–23:30 GMT; four European storefronts
// fail from about 21:10 to 21:45 GMT, amazon.com is not affected.
ScenarioSpec referenceIncident(uint64_t seed = 20101212);

// A scenario of the given kind with its date, zone, site count, volume, timing, intensity and
// decoys drawn from plausible ranges by the seed. kind None gives a quiet day with decoys.
ScenarioSpec randomScenario(IncidentKind kind, uint64_t seed, double volumeScale = 1.0);

} // namespace inquest::scenario
