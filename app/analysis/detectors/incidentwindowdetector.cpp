#include "incidentwindowdetector.h"

#include "analysis/windowprofile.h"

#include <algorithm>
#include <cmath>

namespace inquest {

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// Median and scaled median absolute deviation (≈ σ for normal data).
std::pair<double, double> robust(const std::vector<double> &v)
{
    const double m = median(v);
    std::vector<double> dev;
    dev.reserve(v.size());
    for (double x : v)
        dev.push_back(std::abs(x - m));
    return {m, 1.4826 * median(dev)};
}

} // namespace

QJsonObject IncidentWindowDetector::parameters() const
{
    return {{QStringLiteral("baselineBins"), params.baselineBins},
            {QStringLiteral("baselineGapBins"), params.baselineGapBins},
            {QStringLiteral("minBaselineBins"), params.minBaselineBins},
            {QStringLiteral("madFactor"), params.madFactor},
            {QStringLiteral("minErrorRate"), params.minErrorRate},
            {QStringLiteral("minErrors"), params.minErrors},
            {QStringLiteral("dropRatio"), params.dropRatio},
            {QStringLiteral("dropFactor"), params.dropFactor},
            {QStringLiteral("minBaselineRequests"), params.minBaselineRequests},
            {QStringLiteral("maxGapBins"), params.maxGapBins},
            {QStringLiteral("minFlaggedBins"), params.minFlaggedBins},
            {QStringLiteral("mergeGapBins"), params.mergeGapBins}};
}

std::vector<Incident::SiteWindow> IncidentWindowDetector::siteWindows(const SiteBins &site) const
{
    const int n = site.bins();
    std::vector<uint8_t> flag(std::size_t(n), 0); // bit 1: errors, bit 2: drop
    std::vector<double> req, rate;
    for (int i = 0; i < n; ++i) {
        req.clear();
        rate.clear();
        // Causal baseline: earlier bins not already flagged. The last (partial) bin of the data is skipped.
        for (int j = std::max(0, i - params.baselineBins); j < i - params.baselineGapBins; ++j) {
            if (!flag[std::size_t(j)] && site.requests[std::size_t(j)] > 0) {
                req.push_back(site.requests[std::size_t(j)]);
                rate.push_back(double(site.failures[std::size_t(j)]) / site.requests[std::size_t(j)]);
            }
        }
        if (int(req.size()) < params.minBaselineBins || i == n - 1)
            continue;
        const auto [reqMed, reqMad] = robust(req);
        const auto [rateMed, rateMad] = robust(rate);
        const double r = site.requests[std::size_t(i)];
        const double e = site.failures[std::size_t(i)]; // 5xx + no response
        const double share = r > 0 ? e / r : 0;
        // Errors: the share must stand out robustly and binomially from the baseline rate.
        const double p0 = std::max(rateMed, 0.002);
        const double z = (e - r * p0) / std::sqrt(r * p0 * (1 - p0) + 1);
        if (share >= std::max({rateMed + params.madFactor * rateMad, 4 * rateMed, params.minErrorRate}) &&
            e >= params.minErrors && z >= params.madFactor)
            flag[std::size_t(i)] |= 1;
        if (reqMed >= params.minBaselineRequests && r <= params.dropRatio * reqMed &&
            reqMed - r >= params.dropFactor * std::max(reqMad, std::sqrt(reqMed)))
            flag[std::size_t(i)] |= 2;
    }

    std::vector<Incident::SiteWindow> windows;
    int i = 0;
    while (i < n) {
        if (!flag[std::size_t(i)]) {
            ++i;
            continue;
        }
        int last = i;
        int flagged = 0;
        uint8_t kinds = 0;
        for (int j = i; j < n && j <= last + params.maxGapBins + 1; ++j) {
            if (flag[std::size_t(j)]) {
                last = j;
                ++flagged;
                kinds |= flag[std::size_t(j)];
            }
        }
        if (flagged >= params.minFlaggedBins)
            windows.push_back(
                {site.site, site.binStart(i), site.binStart(last + 1), (kinds & 1) != 0, (kinds & 2) != 0});
        i = last + 1;
    }
    return windows;
}

void IncidentWindowDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    std::vector<Incident::SiteWindow> all;
    for (const SiteBins &site : context.sites) {
        const auto w = siteWindows(site);
        all.insert(all.end(), w.begin(), w.end());
    }
    if (all.empty())
        return;
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.begin < b.begin; });
    const int64_t mergeGap = int64_t(params.mergeGapBins) * context.sites.front().width;
    std::vector<Incident> incidents;
    for (const auto &w : all) {
        if (incidents.empty() || w.begin > incidents.back().end + mergeGap)
            incidents.push_back({w.begin, w.end, {}, {}, {}});
        Incident &inc = incidents.back();
        inc.end = std::max(inc.end, w.end);
        inc.windows.push_back(w);
        if (!inc.affected.contains(w.site))
            inc.affected.append(w.site);
    }

    context.incidents = incidents; // baselines stop at earlier incidents
    for (Incident &inc : incidents) {
        QStringList lines;
        for (const auto &w : inc.windows) {
            SiteBins *site = context.site(w.site);
            const auto [bb, be] = context.baselineFor(inc, 2 * 3600 * int64_t(1'000'000), 5 * 60 * int64_t(1'000'000));
            const WindowProfile &win = context.profile(*site, w.begin, w.end, w.begin);
            const WindowProfile &base = context.profile(*site, bb, be, bb);
            const double ratio = base.perMinute() > 0 ? win.perMinute() / base.perMinute() : 0;
            lines.append(QStringLiteral("%1: %2–%3, 5xx %4 of requests (baseline %5), requests %6× baseline%7")
                             .arg(w.site, formatUtc(w.begin, false), formatUtc(w.end, false),
                                  formatPercent(win.errorRate()), formatPercent(base.errorRate()),
                                  QString::number(ratio, 'f', 2),
                                  w.drop ? QStringLiteral(" (traffic fell)") : QString()));
        }
        for (const SiteBins &site : context.sites) {
            if (!inc.affected.contains(site.site) && site.start <= inc.begin && site.end() >= inc.end) {
                inc.unaffected.append(site.site);
                lines.append(QStringLiteral("%1: no anomaly").arg(site.site));
            }
        }
        const int total = int(inc.affected.size() + inc.unaffected.size());
        const QString title = QStringLiteral("Outage %1–%2 at %3 of %4 site(s)")
                                  .arg(formatUtc(inc.begin), formatUtc(inc.end, false))
                                  .arg(inc.affected.size())
                                  .arg(total);
        QString reason =
            QStringLiteral("Per-minute 5xx share and requests compared with the median/MAD of the "
                           "preceding %1 minutes. Affected: %2%3. %4.")
                .arg(params.baselineBins)
                .arg(inc.affected.join(QStringLiteral(", ")),
                     inc.unaffected.isEmpty()
                         ? QString()
                         : QStringLiteral("; not affected: %1").arg(inc.unaffected.join(QStringLiteral(", "))),
                     lines.join(QStringLiteral("; ")));
        // The window itself favours no explanation; the other detectors read it.
        Evidence e = suggest(title, reason, ratings({}));
        e.provenance.timeBegin = inc.begin;
        e.provenance.timeEnd = inc.end;
        e.provenance.metric = QStringLiteral("error-rate");
        e.provenance.site = inc.affected.join(u',');
        context.citeLines(e, inc.affected, inc.begin, inc.end);
        e.relevance = Relevance::High;
        out.evidence.append(e);

        Marker m;
        m.kind = MarkerKind::Outage;
        m.begin = inc.begin;
        m.end = inc.end;
        m.label = QStringLiteral("Outage: %1").arg(inc.affected.join(QStringLiteral(", ")));
        m.origin = QStringLiteral("detector:%1").arg(name());
        out.markers.append(m);
    }
    context.incidents = std::move(incidents);
}

} // namespace inquest
