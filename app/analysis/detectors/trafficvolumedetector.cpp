#include "trafficvolumedetector.h"

#include <algorithm>
#include <cmath>

namespace inquest {

namespace {

double baselineRate(const std::vector<AnalysisContext::Comparison> &list)
{
    double rate = 0;
    for (const auto &c : list)
        rate += c.baseline->perMinute();
    return rate;
}

} // namespace

double TrafficVolumeDetector::requestRatio(AnalysisContext &context, const Incident &inc, int baselineMinutes)
{
    const auto list = context.compare(inc, int64_t(baselineMinutes) * 60'000'000, false);
    double window = 0;
    for (const auto &c : list)
        window += c.window->perMinute();
    const double base = baselineRate(list);
    return base > 0 ? window / base : 0;
}

double wilsonLowerBound(double successes, double trials, double z)
{
    if (trials <= 0)
        return 0;
    const double p = successes / trials, z2 = z * z;
    const double centre = p + z2 / (2 * trials);
    const double spread = z * std::sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials));
    return std::max(0.0, (centre - spread) / (1 + z2 / trials));
}

QJsonObject TrafficVolumeDetector::parameters() const
{
    return {{QStringLiteral("surgeRatio"), params.surgeRatio},
            {QStringLiteral("strongSurgeRatio"), params.strongSurgeRatio},
            {QStringLiteral("dropRatio"), params.dropRatio},
            {QStringLiteral("errorShare"), params.errorShare},
            {QStringLiteral("errorShareBound"), QStringLiteral("wilson-lower-95")},
            {QStringLiteral("baselineMinutes"), params.baselineMinutes}};
}

void TrafficVolumeDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    using K = HypothesisKind;
    using R = Rating;
    for (const Incident &inc : context.incidents) {
        const auto list = context.compare(inc, int64_t(params.baselineMinutes) * 60'000'000, false);
        const double baseRate = baselineRate(list);
        uint64_t requests = 0, errors = 0;
        QStringList perSite;
        for (const auto &c : list) {
            requests += c.window->requests;
            errors += c.window->errors;
            perSite.append(QStringLiteral("%1 %2/min vs %3/min")
                               .arg(c.site, QString::number(c.window->perMinute(), 'f', 0),
                                    QString::number(c.baseline->perMinute(), 'f', 0)));
        }
        if (baseRate <= 0)
            continue;
        const double ratio = requestRatio(context, inc, params.baselineMinutes);
        const double share = requests ? double(errors) / double(requests) : 0;
        // "Many of those failed" must hold beyond chance: on a collapse to 1% of the traffic,
        // three early timeouts among the 75 requests that still came are 4% by count but no
        // evidence of a failing service. The share is judged by its Wilson score lower bound
        // (one-sided 95%), which is the share itself on large counts.
        const bool failing = wilsonLowerBound(double(errors), double(requests)) >= params.errorShare;
        const QString numbers =
            QStringLiteral("requests %1× the %2 minutes before (%3); failed (5xx or no response) %4 of requests")
                .arg(QString::number(ratio, 'f', 2))
                .arg(params.baselineMinutes)
                .arg(perSite.join(QStringLiteral("; ")), formatPercent(share));
        Evidence e;
        if (ratio >= params.surgeRatio) {
            const bool strong = ratio >= params.strongSurgeRatio;
            e = suggest(QStringLiteral("Traffic surge during the outage (%1×)").arg(ratio, 0, 'f', 1),
                        QStringLiteral("Requests rose during the outage: %1. A flood or a crowd adds requests; a "
                                       "failing device or a release does not.")
                            .arg(numbers),
                        ratings({{K::Ddos, R::C},
                                 {K::FlashCrowd, R::C},
                                 {K::Hardware, strong ? R::II : R::I},
                                 {K::Change, R::I},
                                 {K::Network, R::II}}));
        } else if (ratio <= params.dropRatio && failing) {
            // Fewer requests, and many of those that came failed: the requests reached a service
            // that was failing (clients give up, retry less, or get no answer). Expected of a
            // failed device or a broken release; possible under a flood that fills the links
            // (legitimate requests fall and time out) or a partly lost path; a crowd adds
            // requests rather than losing half of them.
            e = suggest(QStringLiteral("Traffic fell and failed during the outage (%1×)").arg(ratio, 0, 'f', 2),
                        QStringLiteral("Fewer requests came during the outage and many of those failed: %1. The "
                                       "requests reached a service that was failing, rather than never arriving.")
                            .arg(numbers),
                        ratings({{K::Hardware, R::C},
                                 {K::Change, R::C},
                                 {K::Ddos, R::N},
                                 {K::FlashCrowd, R::I},
                                 {K::Network, R::N}}));
        } else if (ratio <= params.dropRatio) {
            e = suggest(QStringLiteral("Traffic fell during the outage (%1×)").arg(ratio, 0, 'f', 2),
                        QStringLiteral("Requests fell during the outage: %1. Requests that never arrive point "
                                       "upstream (DNS, routing); an attack or a crowd would add requests.")
                            .arg(numbers),
                        ratings({{K::Network, R::CC},
                                 {K::Hardware, R::I},
                                 {K::Ddos, R::II},
                                 {K::FlashCrowd, R::II},
                                 {K::Change, R::I}}));
        } else if (failing) {
            e = suggest(QStringLiteral("Errors at normal traffic volume (%1×)").arg(ratio, 0, 'f', 2),
                        QStringLiteral("The sites answered about as many requests as before, but with errors: %1. "
                                       "Something on the serving side failed; no flood and no lost traffic.")
                            .arg(numbers),
                        // A crowd at a saturated server is not II: a server at its worker limit logs
                        // about what it can serve, and the excess waits in the listen queue or is
                        // refused before it is logged, so the volume logged may barely rise.
                        ratings({{K::Hardware, R::C},
                                 {K::Change, R::C},
                                 {K::Ddos, R::I},
                                 {K::FlashCrowd, R::I},
                                 {K::Network, R::I}}));
        } else {
            continue;
        }
        e.provenance.timeBegin = inc.begin;
        e.provenance.timeEnd = inc.end;
        e.provenance.metric = QStringLiteral("requests");
        e.provenance.site = inc.affected.join(u',');
        context.citeLines(e, inc.affected, inc.begin, inc.end);
        out.evidence.append(e);
    }
}

} // namespace inquest
