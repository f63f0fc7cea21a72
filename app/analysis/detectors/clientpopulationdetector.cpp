#include "clientpopulationdetector.h"

#include <boost/math/distributions/binomial.hpp>

#include <cmath>

namespace inquest {

namespace {

// The incident's affected sites pooled: sums, and request-weighted means of the shares.
struct Pooled
{
    double requests = 0, clients = 0, newClients = 0, top1 = 0, agentEntropy = 0;
    double newShare() const { return clients ? newClients / clients : 0; }
    double perClient() const { return clients ? requests / clients : 0; }
    void add(const WindowProfile &p)
    {
        requests += double(p.requests);
        clients += double(p.clients);
        newClients += double(p.newClients);
        top1 += p.top1Share * double(p.requests);
        agentEntropy += p.agentEntropy * double(p.requests);
    }
    void finish()
    {
        if (requests > 0) {
            top1 /= requests;
            agentEntropy /= requests;
        }
    }
};

} // namespace

QJsonObject ClientPopulationDetector::parameters() const
{
    return {{QStringLiteral("newShareRise"), params.newShareRise},
            {QStringLiteral("newShareFactor"), params.newShareFactor},
            {QStringLiteral("minNewClients"), params.minNewClients},
            {QStringLiteral("newCountFactor"), params.newCountFactor},
            {QStringLiteral("newCountAlpha"), params.newCountAlpha},
            {QStringLiteral("perClientRise"), params.perClientRise},
            {QStringLiteral("perClientFall"), params.perClientFall},
            {QStringLiteral("top1Rise"), params.top1Rise},
            {QStringLiteral("agentEntropyFall"), params.agentEntropyFall},
            {QStringLiteral("refererShare"), params.refererShare},
            {QStringLiteral("refererFactor"), params.refererFactor}};
}

void ClientPopulationDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    using K = HypothesisKind;
    using R = Rating;
    for (const Incident &inc : context.incidents) {
        // An equally long stretch before the window, so that per-client counts compare.
        const auto list = context.compare(inc, 0, true);
        Pooled w, b;
        // A client is "new" when the case has not seen it before; the stretch before the window
        // can only tell new from returning visitors with history of its own before it. With less
        // than a window's length (logs collected from shortly before the incident), nearly every
        // client of both looks new, and neither an influx nor "the usual visitors" can be read.
        int64_t history = INT64_MAX;
        QString spikeReferer;
        double spikeShare = 0, spikeBefore = 0;
        for (const auto &c : list) {
            w.add(*c.window);
            b.add(*c.baseline);
            history = std::min(history, c.history);
            SiteBins *site = context.site(c.site);
            for (const auto &[ref, count] : c.window->externalReferers) {
                const double share = c.window->refererShare(ref);
                const double before = c.baseline->refererShare(ref);
                if (share >= params.refererShare && share >= params.refererFactor * before && share > spikeShare) {
                    spikeShare = share;
                    spikeBefore = before;
                    spikeReferer = QString::fromUtf8(site->referer(ref).data(), qsizetype(site->referer(ref).size()));
                }
            }
        }
        w.finish();
        b.finish();
        if (w.requests <= 0 || b.requests <= 0)
            continue;
        const QString when = QStringLiteral("%1–%2").arg(formatUtc(inc.begin), formatUtc(inc.end, false));
        auto add = [&](const QString &title, const QString &reason, const QMap<HypothesisKind, Rating> &r) {
            Evidence e = suggest(
                title, reason + QStringLiteral(" (window %1, compared with the same length before it)").arg(when), r);
            e.provenance.timeBegin = inc.begin;
            e.provenance.timeEnd = inc.end;
            e.provenance.metric = QStringLiteral("clients");
            e.provenance.site = inc.affected.join(u',');
            context.citeLines(e, inc.affected, inc.begin, inc.end);
            out.evidence.append(e);
        };

        bool changed = false;
        const bool newnessKnown = history >= inc.end - inc.begin;
        const bool shareRose =
            w.newShare() >= b.newShare() + params.newShareRise && w.newShare() >= params.newShareFactor * b.newShare();
        // The window and the stretch before it are equally long: at one rate of arrival the
        // window's new clients are Bin(n_w + n_b, ½) (the conditional test of two Poisson counts).
        const auto countRose = [&] {
            if (w.newClients < params.newCountFactor * b.newClients)
                return false;
            const boost::math::binomial_distribution<double> equalRates(w.newClients + b.newClients, 0.5);
            return boost::math::cdf(boost::math::complement(equalRates, w.newClients - 1)) < params.newCountAlpha;
        };
        const bool influx = newnessKnown && w.newClients >= params.minNewClients && (shareRose || countRose());
        if (influx) {
            changed = true;
            add(QStringLiteral("Influx of new clients (%1 new, %2× the stretch before)")
                    .arg(qint64(w.newClients))
                    .arg(b.newClients > 0 ? QString::number(w.newClients / b.newClients, 'f', 1) : QStringLiteral("∞")),
                QStringLiteral("%1 clients never seen before came in the window (%2 of its %3 clients), against %4 "
                               "(%5) in the same length before it; a failing device or a release does not bring "
                               "new visitors")
                    .arg(qint64(w.newClients))
                    .arg(formatPercent(w.newShare()))
                    .arg(qint64(w.clients))
                    .arg(qint64(b.newClients))
                    .arg(formatPercent(b.newShare())),
                ratings({{K::Ddos, R::C},
                         {K::FlashCrowd, R::C},
                         {K::Hardware, R::I},
                         {K::Change, R::I},
                         {K::Network, R::I}}));
        }
        const double perClient = b.perClient() > 0 ? w.perClient() / b.perClient() : 1;
        if (perClient >= params.perClientRise) {
            changed = true;
            add(QStringLiteral("Clients send more requests each (%1×)").arg(perClient, 0, 'f', 1),
                QStringLiteral("%1 requests per client in the window against %2 before; people browsing do not "
                               "speed up, scripted clients do")
                    .arg(w.perClient(), 0, 'f', 1)
                    .arg(b.perClient(), 0, 'f', 1),
                ratings({{K::Ddos, R::C}, {K::FlashCrowd, R::I}}));
        } else if (influx && perClient <= params.perClientFall) {
            changed = true;
            add(QStringLiteral("Many new clients with few requests each (%1×)").arg(perClient, 0, 'f', 2),
                QStringLiteral("%1 requests per client in the window against %2 before: many visitors, each looking "
                               "briefly, as when a link is shared widely")
                    .arg(w.perClient(), 0, 'f', 1)
                    .arg(b.perClient(), 0, 'f', 1),
                ratings({{K::FlashCrowd, R::C}, {K::Ddos, R::I}}));
        }
        if (w.top1 >= b.top1 + params.top1Rise) {
            changed = true;
            add(QStringLiteral("Traffic concentrated on few clients (top 1%: %1)").arg(formatPercent(w.top1)),
                QStringLiteral("The top 1% of clients sent %1 of the requests in the window against %2 before")
                    .arg(formatPercent(w.top1), formatPercent(b.top1)),
                ratings({{K::Ddos, R::C}, {K::FlashCrowd, R::I}}));
        }
        if (w.agentEntropy <= b.agentEntropy - params.agentEntropyFall) {
            changed = true;
            add(QStringLiteral("User agents less diverse (%1 → %2 bits)")
                    .arg(b.agentEntropy, 0, 'f', 1)
                    .arg(w.agentEntropy, 0, 'f', 1),
                QStringLiteral("The entropy of user agents over requests fell from %1 to %2 bits: a few programs "
                               "dominate, where a crowd of people would bring the usual browser mix")
                    .arg(b.agentEntropy, 0, 'f', 2)
                    .arg(w.agentEntropy, 0, 'f', 2),
                ratings({{K::Ddos, R::C}, {K::FlashCrowd, R::I}}));
        }
        if (!spikeReferer.isEmpty()) {
            changed = true;
            add(QStringLiteral("Referer spike: %1").arg(spikeReferer),
                QStringLiteral("%1 of requests in the window came from %2 (%3 before): visitors followed a link, "
                               "as after a newsletter or a social-media post")
                    .arg(formatPercent(spikeShare), spikeReferer, formatPercent(spikeBefore)),
                ratings({{K::FlashCrowd, R::CC}, {K::Ddos, R::I}}));
        }
        if (!changed && newnessKnown && std::abs(w.newShare() - b.newShare()) < 0.1 &&
            std::abs(w.top1 - b.top1) < 0.1 && std::abs(w.agentEntropy - b.agentEntropy) < 0.5) {
            add(QStringLiteral("Client population unchanged"),
                QStringLiteral("New clients %1 (before %2), %3 requests per client (before %4), top 1% of clients %5 "
                               "(before %6), user-agent entropy %7 bits (before %8): the usual visitors, no flood "
                               "and no crowd")
                    .arg(formatPercent(w.newShare()), formatPercent(b.newShare()))
                    .arg(w.perClient(), 0, 'f', 1)
                    .arg(b.perClient(), 0, 'f', 1)
                    .arg(formatPercent(w.top1), formatPercent(b.top1))
                    .arg(w.agentEntropy, 0, 'f', 2)
                    .arg(b.agentEntropy, 0, 'f', 2),
                ratings({{K::Hardware, R::C}, {K::Change, R::C}, {K::Ddos, R::I}, {K::FlashCrowd, R::I}}));
        }
    }
}

} // namespace inquest
