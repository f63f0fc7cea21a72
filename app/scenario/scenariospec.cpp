#include "scenariospec.h"

#include "rng.h"

#include <QDateTime>
#include <QTimeZone>

#include <array>

namespace inquest::scenario {

namespace {

constexpr qint64 Second = 1'000'000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;

qint64 utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch() * 1000;
}

constexpr std::array<std::pair<IncidentKind, const char16_t *>, 7> Names{{
    {IncidentKind::None, u"quiet"},
    {IncidentKind::Hardware, u"hardware"},
    {IncidentKind::VolumetricDdos, u"volumetric-ddos"},
    {IncidentKind::AppFlood, u"app-flood"},
    {IncidentKind::FlashCrowd, u"flash-crowd"},
    {IncidentKind::BadDeploy, u"bad-deploy"},
    {IncidentKind::Upstream, u"upstream"},
}};

// Zones of plausible server rooms, so that offsets in the logs vary between scenarios.
const std::array<const char *, 9> Zones{
    "UTC",        "Europe/London",    "Europe/Berlin", "America/New_York", "America/Los_Angeles",
    "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata",  "America/Sao_Paulo"};
const std::array<const char *, 8> Domains{"shop",   "store",    "books",    "market",
                                          "outlet", "kaufhaus", "boutique", "tienda"};
const std::array<const char *, 8> Tlds{"example.co.uk", "example.de", "example.fr", "example.es",
                                       "example.com",   "example.it", "example.nl", "example.jp"};
const std::array<const char *, 6> Datacenters{"dub", "fra", "iad", "sfo", "nrt", "syd"};

} // namespace

QString toString(IncidentKind kind)
{
    for (const auto &[k, name] : Names) {
        if (k == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

HypothesisKind hypothesisKindOf(IncidentKind kind)
{
    switch (kind) {
    case IncidentKind::Hardware:
        return HypothesisKind::Hardware;
    case IncidentKind::VolumetricDdos:
    case IncidentKind::AppFlood:
        return HypothesisKind::Ddos;
    case IncidentKind::FlashCrowd:
        return HypothesisKind::FlashCrowd;
    case IncidentKind::BadDeploy:
        return HypothesisKind::Change;
    case IncidentKind::Upstream:
        return HypothesisKind::Network;
    case IncidentKind::None:
        break;
    }
    return HypothesisKind::Other;
}

QList<IncidentKind> allIncidentKinds()
{
    return {IncidentKind::Hardware,   IncidentKind::VolumetricDdos, IncidentKind::AppFlood,
            IncidentKind::FlashCrowd, IncidentKind::BadDeploy,      IncidentKind::Upstream};
}

ScenarioSpec referenceIncident(uint64_t seed)
{
    ScenarioSpec s;
    s.seed = seed;
    s.begin = utc(2010, 12, 12, 19, 0);
    s.end = utc(2010, 12, 12, 23, 30);
    s.timeZone = QStringLiteral("Europe/Dublin");
    s.datacenter = QStringLiteral("dub");
    s.sites = {
        {QStringLiteral("amazon.co.uk"), 4.0, true, {}},
        {QStringLiteral("amazon.de"), 3.5, true, {}},
        {QStringLiteral("amazon.fr"), 2.2, true, {}},
        {QStringLiteral("amazon.es"), 1.4, true, {}},
        {QStringLiteral("amazon.com"), 5.0, false, QStringLiteral("America/New_York")},
    };
    s.kind = IncidentKind::Hardware;
    s.incidentBegin = utc(2010, 12, 12, 21, 10, 20);
    s.incidentEnd = utc(2010, 12, 12, 21, 44, 50);
    s.intensity = 0.85;
    s.decoys = {
        {DecoyKind::ConfigReload, utc(2010, 12, 12, 19, 5, 12), 0},
        {DecoyKind::DiskWarning, utc(2010, 12, 12, 19, 30, 41), 0},
        {DecoyKind::CrawlerBurst, utc(2010, 12, 12, 19, 48, 0), 1},
        {DecoyKind::ErrorBlip, utc(2010, 12, 12, 20, 21, 5), 2},
        {DecoyKind::SingleEccError, utc(2010, 12, 12, 22, 52, 30), 0},
    };
    return s;
}

ScenarioSpec randomScenario(IncidentKind kind, uint64_t seed, double volumeScale)
{
    Rng rng(seed * 7919 + uint64_t(kind));
    ScenarioSpec s;
    s.seed = seed;
    s.kind = kind;
    s.timeZone = QString::fromLatin1(Zones[rng.below(Zones.size())]);
    s.datacenter = QString::fromLatin1(Datacenters[rng.below(Datacenters.size())]);
    const QTimeZone zone(s.timeZone.toLatin1());

    // A date between 2009 and 2016; the incident starts at a local hour with real traffic.
    const QDate day = QDate(2009, 1, 1).addDays(qint64(rng.below(8 * 365)));
    const int onsetHour = 9 + int(rng.below(14));
    const QDateTime onsetLocal(day, QTime(onsetHour, int(rng.below(60)), int(rng.below(60))), zone);
    const qint64 onset = onsetLocal.toMSecsSinceEpoch() * 1000;
    const qint64 duration = (15 + qint64(rng.below(46))) * Minute + qint64(rng.below(60)) * Second;
    const qint64 before = qint64(rng.uniform(2.5, 4.0) * double(Hour)) / Second * Second;
    const qint64 after = qint64(rng.uniform(1.0, 2.0) * double(Hour)) / Second * Second;
    s.begin = onset - before;
    s.end = onset + duration + after;
    s.incidentBegin = onset;
    s.incidentEnd = onset + duration;

    const int siteCount = 1 + int(rng.below(6));
    const int affectedCount = kind == IncidentKind::None ? 0 : 1 + int(rng.below(uint64_t(siteCount)));
    for (int i = 0; i < siteCount; ++i) {
        SiteSpec site;
        site.name = QStringLiteral("%1.%2").arg(QString::fromLatin1(Domains[rng.below(Domains.size())]),
                                                QString::fromLatin1(Tlds[size_t(i) % Tlds.size()]));
        site.peakRate = rng.uniform(2.5, 10.0) * volumeScale;
        site.affected = i < affectedCount;
        s.sites.append(site);
    }

    switch (kind) {
    case IncidentKind::Hardware:
        s.intensity = rng.uniform(0.45, 0.95); // share of requests failing
        break;
    case IncidentKind::VolumetricDdos:
        s.intensity = rng.uniform(3.0, 15.0); // traffic multiplier
        break;
    case IncidentKind::AppFlood:
        s.intensity = rng.uniform(1.6, 4.0);
        break;
    case IncidentKind::FlashCrowd:
        s.intensity = rng.uniform(2.5, 8.0);
        break;
    case IncidentKind::BadDeploy:
        s.intensity = rng.uniform(0.6, 1.0); // share failing on the broken paths
        break;
    case IncidentKind::Upstream:
        s.intensity = rng.uniform(0.05, 0.4); // share of traffic still arriving
        break;
    case IncidentKind::None:
        break;
    }

    // Decoys keep an hour away from the incident so that each one is tested on its own.
    const int decoyCount = 2 + int(rng.below(3));
    const std::array decoyKinds{DecoyKind::CrawlerBurst, DecoyKind::DiskWarning,    DecoyKind::ConfigReload,
                                DecoyKind::ErrorBlip,    DecoyKind::SingleEccError, DecoyKind::Deploy,
                                DecoyKind::LinkFlap,     DecoyKind::RouteReset,     DecoyKind::RateLimitBurst};
    for (int i = 0, tries = 0; i < decoyCount && tries < 50; ++tries) {
        DecoySpec d;
        d.kind = decoyKinds[rng.below(decoyKinds.size())];
        d.at = s.begin + 20 * Minute + qint64(rng.uniform() * double(s.end - s.begin - 50 * Minute)) / Second * Second;
        d.site = int(rng.below(uint64_t(siteCount)));
        if (kind != IncidentKind::None && d.at > s.incidentBegin - Hour && d.at < s.incidentEnd + Hour)
            continue;
        s.decoys.append(d);
        ++i;
    }
    // And decoys close to the incident, drawn last so that the draws above stay as they were:
    // none, one or two system-log events from 45 to 8 minutes before the onset or within the
    // hour after the end — the things that happen near outages without causing them.
    const std::array nearKinds{DecoyKind::DiskWarning,   DecoyKind::ConfigReload, DecoyKind::SingleEccError,
                               DecoyKind::Deploy,        DecoyKind::LinkFlap,     DecoyKind::RouteReset,
                               DecoyKind::RateLimitBurst};
    const int nearCount = kind == IncidentKind::None ? 0 : int(rng.below(3));
    for (int i = 0; i < nearCount; ++i) {
        DecoySpec d;
        d.kind = nearKinds[rng.below(nearKinds.size())];
        d.at = rng.chance(0.6) ? s.incidentBegin - qint64(rng.uniform(8, 45) * double(Minute)) / Second * Second
                               : s.incidentEnd + qint64(rng.uniform(5, 60) * double(Minute)) / Second * Second;
        if (d.at > s.begin && d.at < s.end)
            s.decoys.append(d);
    }
    return s;
}

} // namespace inquest::scenario
