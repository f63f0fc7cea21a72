#include "clientbehaviourdetector.h"

#include "trafficvolumedetector.h"

namespace inquest {

QJsonObject ClientBehaviourDetector::parameters() const
{
    return {{QStringLiteral("machineShare"), params.machineShare},
            {QStringLiteral("machineRise"), params.machineRise},
            {QStringLiteral("assetsFall"), params.assetsFall},
            {QStringLiteral("assetsKept"), params.assetsKept},
            {QStringLiteral("minAssetsPerPage"), params.minAssetsPerPage},
            {QStringLiteral("minNewClients"), params.minNewClients},
            {QStringLiteral("retryRise"), params.retryRise}};
}

void ClientBehaviourDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    using K = HypothesisKind;
    using R = Rating;
    for (const Incident &inc : context.incidents) {
        const int64_t length = inc.end - inc.begin;
        const auto [bb, be] = context.baselineFor(inc, length, 5 * 60'000'000LL);
        if (be - bb < length / 2)
            continue;
        std::vector<EventStore::ClientSummary> win, base;
        for (const QString &site : inc.affected) {
            auto w = context.events->clients(site, inc.begin, inc.end);
            auto b = context.events->clients(site, bb, be);
            win.insert(win.end(), w.begin(), w.end());
            base.insert(base.end(), b.begin(), b.end());
        }
        const ClientFeatures w = clientFeatures(win), b = clientFeatures(base);
        const ClientFeatures fresh = clientFeatures(win, true);
        if (w.requests <= 0 || b.requests <= 0)
            continue;
        // A surge as the traffic-volume finding calls it (mean requests per minute up by its
        // ratio), or a site whose change detection flagged a rise: a crowd of 1.4x the evening's
        // traffic is a surge to the analyst even where no single minute crossed the CUSUM's
        // alternative (2.5x).
        const TrafficVolumeDetector::Parameters volume;
        bool surge = TrafficVolumeDetector::requestRatio(context, inc, volume.baselineMinutes) >= volume.surgeRatio;
        for (const auto &sw : inc.windows)
            surge |= sw.surge;
        auto add = [&](const QString &title, const QString &reason, const QMap<HypothesisKind, Rating> &r) {
            Evidence e = suggest(title,
                                 reason + QStringLiteral(" (window %1–%2, compared with the same length before it)")
                                              .arg(formatUtc(inc.begin), formatUtc(inc.end, false)),
                                 r);
            e.provenance.timeBegin = inc.begin;
            e.provenance.timeEnd = inc.end;
            e.provenance.metric = QStringLiteral("clients");
            e.provenance.site = inc.affected.join(u',');
            context.citeLines(e, inc.affected, inc.begin, inc.end);
            out.evidence.append(e);
        };

        // Cadence. P(many clients at a fixed rhythm | flood) is high: scripts loop. Under a crowd
        // it is low: people read between clicks. A failing device, a release or a network fault
        // change no client's rhythm, so they do not explain it either.
        if (w.machineShare >= params.machineShare && w.machineShare >= b.machineShare + params.machineRise) {
            add(QStringLiteral("Clients at a machine cadence (%1 of requests)").arg(formatPercent(w.machineShare)),
                QStringLiteral("%1 of requests came from clients whose gaps between requests vary little "
                               "(coefficient of variation < %2 over ≥ %3 requests), against %4 before; requests "
                               "per client: median %5, spread (CV) %6; most asked-for endpoint %7 (%8 of requests)")
                    .arg(formatPercent(w.machineShare))
                    .arg(ClientFeatures::MachineCv)
                    .arg(ClientFeatures::MinCadenceRequests)
                    .arg(formatPercent(b.machineShare))
                    .arg(w.perClientMedian, 0, 'f', 0)
                    .arg(w.perClientCv, 0, 'f', 2)
                    .arg(w.topEndpoint, formatPercent(w.topEndpointShare)),
                ratings({{K::Ddos, R::CC},
                         {K::FlashCrowd, R::II},
                         {K::Hardware, R::I},
                         {K::Change, R::I},
                         {K::Network, R::I}}));
        } else if (surge && fresh.clients >= params.minNewClients && w.machineShare < params.machineShare) {
            // A surge with people's rhythm: a crowd fits. Floods with randomised timers exist, so
            // this speaks for a crowd without speaking against a flood.
            add(QStringLiteral("The surge has a human cadence"),
                QStringLiteral("%1 new clients; %2 of requests at a machine cadence (before %3); %4 pages each, "
                               "%5 with an external referer, %6 without any")
                    .arg(qint64(fresh.clients))
                    .arg(formatPercent(w.machineShare), formatPercent(b.machineShare))
                    .arg(fresh.pagesPerClient, 0, 'f', 1)
                    .arg(formatPercent(fresh.externalReferred), formatPercent(fresh.noReferer)),
                ratings({{K::FlashCrowd, R::C}}));
        }

        // Assets. A browser fetches a page's stylesheets, scripts and images; a flood tool asks for
        // the page alone. Judged on the clients new in the window, against everyone before.
        if (fresh.clients >= params.minNewClients && b.assetsPerPage >= params.minAssetsPerPage && surge) {
            const double kept = fresh.assetsPerPage / b.assetsPerPage;
            if (kept < params.assetsFall)
                add(QStringLiteral("New clients do not fetch page assets"),
                    QStringLiteral("%1 asset requests per page from the %2 new clients against %3 from all clients "
                                   "before: programs, not browsers")
                        .arg(fresh.assetsPerPage, 0, 'f', 2)
                        .arg(qint64(fresh.clients))
                        .arg(b.assetsPerPage, 0, 'f', 2),
                    ratings({{K::Ddos, R::C}, {K::FlashCrowd, R::I}}));
            else if (kept >= params.assetsKept)
                add(QStringLiteral("New clients fetch page assets like browsers"),
                    QStringLiteral("%1 asset requests per page from the %2 new clients against %3 before; %4 arrived "
                                   "from a search, social, webmail or other site")
                        .arg(fresh.assetsPerPage, 0, 'f', 2)
                        .arg(qint64(fresh.clients))
                        .arg(b.assetsPerPage, 0, 'f', 2)
                        .arg(formatPercent(fresh.externalReferred)),
                    ratings({{K::FlashCrowd, R::C}, {K::Ddos, R::I}}));
        }

        // Retries: people retry when a request fails, whatever made it fail — said, not weighed.
        if (w.retryShare >= b.retryShare + params.retryRise)
            add(QStringLiteral("Clients retried (%1 of requests)").arg(formatPercent(w.retryShare)),
                QStringLiteral("%1 of requests repeated the client's previous request within 10 s, against %2 "
                               "before: visitors met failures; every cause of an outage brings retries")
                    .arg(formatPercent(w.retryShare), formatPercent(b.retryShare)),
                ratings({}));
    }
}

} // namespace inquest
