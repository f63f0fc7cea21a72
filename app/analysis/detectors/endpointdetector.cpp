#include "endpointdetector.h"

#include <algorithm>

namespace inquest {

namespace {

QString text(std::string_view v) { return QString::fromUtf8(v.data(), qsizetype(v.size())); }

} // namespace

QJsonObject EndpointDetector::parameters() const
{
    return {{QStringLiteral("hammeredShare"), params.hammeredShare},
            {QStringLiteral("hammeredFactor"), params.hammeredFactor},
            {QStringLiteral("minRequests"), params.minRequests},
            {QStringLiteral("linkedShare"), params.linkedShare},
            {QStringLiteral("minErrors"), params.minErrors},
            {QStringLiteral("errorCoverage"), params.errorCoverage},
            {QStringLiteral("confinedTraffic"), params.confinedTraffic},
            {QStringLiteral("spreadTraffic"), params.spreadTraffic},
            {QStringLiteral("confinedRateFactor"), params.confinedRateFactor},
            {QStringLiteral("baselineMinutes"), params.baselineMinutes}};
}

void EndpointDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    using K = HypothesisKind;
    using R = Rating;
    for (const Incident &inc : context.incidents) {
        const auto list = context.compare(inc, int64_t(params.baselineMinutes) * 60'000'000, false);
        QStringList hammered, linked, confined, spread;
        bool anyFlood = false, anyLinked = false;
        for (const auto &c : list) {
            SiteBins &site = *context.site(c.site);
            const WindowProfile &w = *c.window;
            const WindowProfile &b = *c.baseline;
            // The endpoint whose share rose most.
            uint32_t top = 0;
            double rise = 0;
            for (const auto &[id, count] : w.endpoints) {
                const double r = w.endpointShare(id) - b.endpointShare(id);
                if (r > rise) {
                    rise = r;
                    top = id;
                }
            }
            bool isHammered = false;
            if (rise > 0) {
                const auto &count = w.endpoints.at(top);
                const double share = w.endpointShare(top);
                const double before = b.endpointShare(top);
                if (share >= params.hammeredShare && share >= params.hammeredFactor * before &&
                    count.requests >= uint64_t(params.minRequests)) {
                    isHammered = true;
                    const double referred = double(count.externalReferred) / double(count.requests);
                    const QString line =
                        QStringLiteral("%1 %2: %3 of requests (before %4), %5 of them 5xx, %6 with an external referer")
                            .arg(c.site, text(site.endpoint(top)), formatPercent(share), formatPercent(before),
                                 formatPercent(count.requests ? double(count.errors) / double(count.requests) : 0),
                                 formatPercent(referred));
                    if (referred >= params.linkedShare) {
                        anyLinked = true;
                        linked.append(line);
                    } else {
                        anyFlood = true;
                        hammered.append(line);
                    }
                }
            }
            // How the errors fall over the endpoints.
            if (w.errors < uint64_t(params.minErrors) || w.errorRate() < 3 * b.errorRate())
                continue;
            std::vector<std::pair<uint64_t, uint32_t>> byErrors;
            for (const auto &[id, count] : w.endpoints) {
                if (count.errors)
                    byErrors.push_back({count.errors, id});
            }
            std::sort(byErrors.begin(), byErrors.end(), std::greater<>());
            uint64_t covered = 0, traffic = 0, trafficBefore = 0;
            QStringList names;
            int coveredEndpoints = 0;
            bool includesTop = false;
            for (const auto &[errors, id] : byErrors) {
                if (double(covered) >= params.errorCoverage * double(w.errors))
                    break;
                covered += errors;
                ++coveredEndpoints;
                traffic += w.endpoints.at(id).requests;
                trafficBefore += b.endpoints.count(id) ? b.endpoints.at(id).requests : 0;
                includesTop |= isHammered && id == top;
                if (names.size() < 5)
                    names.append(text(site.endpoint(id)));
            }
            const double share = double(traffic) / double(w.requests);
            const double shareBefore = b.requests ? double(trafficBefore) / double(b.requests) : 0;
            const double inside = traffic ? double(covered) / double(traffic) : 0;
            const double outside = w.requests > traffic ? double(w.errors - covered) / double(w.requests - traffic) : 0;
            if (includesTop)
                continue; // the errors follow the hammered endpoint; reported with it
            if (share <= params.confinedTraffic && inside >= params.confinedRateFactor * std::max(outside, 1e-4) &&
                share <= 1.5 * shareBefore + 0.02) {
                confined.append(
                    QStringLiteral("%1: %2 of 5xx on %3 endpoint(s) (%4) that carry %5 of requests (before %6); "
                                   "5xx rate there %7, elsewhere %8")
                        .arg(c.site, formatPercent(double(covered) / double(w.errors)))
                        .arg(coveredEndpoints)
                        .arg(names.join(QStringLiteral(", ")), formatPercent(share), formatPercent(shareBefore),
                             formatPercent(inside), formatPercent(outside)));
            } else if (share >= params.spreadTraffic) {
                spread.append(QStringLiteral("%1: 5xx on %2 endpoints carrying %3 of requests, rate %4 (elsewhere %5)")
                                  .arg(c.site)
                                  .arg(byErrors.size())
                                  .arg(formatPercent(share), formatPercent(inside), formatPercent(outside)));
            }
        }

        auto add = [&](const QString &title, const QString &reason, const QMap<HypothesisKind, Rating> &r,
                       const QString &metric) {
            Evidence e = suggest(title, reason, r);
            e.provenance.timeBegin = inc.begin;
            e.provenance.timeEnd = inc.end;
            e.provenance.metric = metric;
            e.provenance.site = inc.affected.join(u',');
            context.citeLines(e, inc.affected, inc.begin, inc.end);
            out.evidence.append(e);
        };
        if (anyFlood)
            add(QStringLiteral("One endpoint hammered"),
                QStringLiteral("A single endpoint took a large and new share of the requests, without a "
                               "referring link: %1. "
                               "Typical of an application-layer flood.")
                    .arg(hammered.join(QStringLiteral("; "))),
                ratings({{K::Ddos, R::CC},
                         {K::FlashCrowd, R::I},
                         {K::Hardware, R::I},
                         {K::Change, R::I},
                         {K::Network, R::I}}),
                QStringLiteral("requests-by-path"));
        if (anyLinked)
            add(QStringLiteral("Visitors converge on a linked page"),
                QStringLiteral(
                    "A single page took a large and new share of the requests, most of them arriving from an "
                    "external link: %1. Typical of a crowd following a link.")
                    .arg(linked.join(QStringLiteral("; "))),
                ratings({{K::FlashCrowd, R::C}, {K::Hardware, R::I}, {K::Change, R::I}, {K::Network, R::I}}),
                QStringLiteral("requests-by-path"));
        if (!confined.isEmpty())
            add(QStringLiteral("Errors confined to a few endpoints"),
                QStringLiteral("The 5xx responses fall on a few endpoints whose traffic did not change: %1. A broken "
                               "release or configuration breaks some paths; a failing network breaks all of them.")
                    .arg(confined.join(QStringLiteral("; "))),
                ratings({{K::Change, R::C}, {K::Hardware, R::I}, {K::Network, R::I}, {K::FlashCrowd, R::I}}),
                QStringLiteral("errors-by-path"));
        else if (!spread.isEmpty() && !anyFlood && !anyLinked)
            add(QStringLiteral("Errors spread over all endpoints"),
                QStringLiteral(
                    "The 5xx responses fall on endpoints carrying most of the traffic, at similar rates: %1. "
                    "The serving side failed as a whole rather than one feature.")
                    .arg(spread.join(QStringLiteral("; "))),
                ratings({{K::Hardware, R::C}, {K::Change, R::I}}), QStringLiteral("errors-by-path"));
    }
}

} // namespace inquest
