#include "incidentwindowdetector.h"

#include "analysis/windowprofile.h"

#include <algorithm>
#include <cmath>

namespace inquest {

QJsonObject IncidentWindowDetector::parameters() const
{
    const CusumParameters &c = params.cusum;
    return {{QStringLiteral("method"), QStringLiteral("cusum-negative-binomial")},
            {QStringLiteral("baselineBins"), c.baselineBins},
            {QStringLiteral("gapBins"), c.gapBins},
            {QStringLiteral("minBaselineBins"), c.minBaselineBins},
            {QStringLiteral("threshold"), c.threshold},
            {QStringLiteral("minBins"), c.minBins},
            {QStringLiteral("dropRatio"), c.dropRatio},
            {QStringLiteral("surgeRatio"), c.surgeRatio},
            {QStringLiteral("shareShift"), c.shareShift},
            {QStringLiteral("shareFactor"), c.shareFactor},
            {QStringLiteral("slowQuantile"), params.slowQuantile},
            {QStringLiteral("maxGapBins"), params.maxGapBins},
            {QStringLiteral("merge"), QStringLiteral("overlapping site windows")},
            {QStringLiteral("surgeLeadBins"), params.surgeLeadBins},
            {QStringLiteral("minImpact"), params.minImpact},
            {QStringLiteral("minImpactShare"), params.minImpactShare}};
}

std::vector<ChangeSegment> IncidentWindowDetector::slowResponses(const EventStore &store, const QString &site,
                                                                 int64_t from, int64_t to, int64_t width,
                                                                 const KnownBins &known) const
{
    // Latency as a share: each response is "slow" when it is slower than the site's 90th
    // percentile over the whole log, so a bin of n timed responses holds Bin(n, ~0.1) slow ones
    // as usual, and the same quasi-binomial CUSUM as the failing share finds where that share
    // rose. Quantile exceedances are robust (a few very slow requests weigh what any slow one
    // does; no mean or variance of heavy-tailed times is taken), need no unit or scale per site,
    // and an incident shorter than about half the log moves the 90th percentile little.
    const uint32_t threshold = store.responseQuantile(site, params.slowQuantile, from, to);
    if (threshold == UINT32_MAX)
        return {};
    const std::vector<double> timed = store.responseCounts(site, 0, from, to, width);
    const std::vector<double> slow = store.responseCounts(site, threshold, from, to, width);
    return detectShareRise(slow, timed, params.cusum, known);
}

std::vector<Incident::SiteWindow> IncidentWindowDetector::siteWindows(const EventStore &store, const QString &site,
                                                                      int64_t width) const
{
    const auto [first, last] = store.span();
    const int64_t from = (first >= 0 ? first / width : (first - width + 1) / width) * width;
    const int64_t to = (last / width) * width; // the last, partial bin says nothing about a fall
    if (to - from < 2 * width)
        return {};
    const std::vector<double> requests = store.counts(site, EventStore::Filter::All, from, to, width);
    const std::vector<double> failures = store.counts(site, EventStore::Filter::Failures, from, to, width);
    // Surges first: their bins are kept out of the baselines of the fall and slow tests (the
    // hour after a flood is no fall). Not out of the failing share's: a surge changes how many
    // requests come, not which share of them fails, and bins where that share rose are kept out
    // by the share test's own alarms. Logs that begin shortly before a flash crowd would
    // otherwise leave the share no baseline for the whole crowd.
    const int n = int(requests.size());
    KnownBins known;
    const auto surges = detectVolumeShift(requests, params.cusum.surgeRatio, params.cusum);
    markKnown(known, surges, n);
    const auto errors = detectShareRise(failures, requests, params.cusum);
    markKnown(known, errors, n);
    const auto drops = detectVolumeShift(requests, params.cusum.dropRatio, params.cusum, known);

    enum class What { Errors, Drop, Slow };
    struct Piece
    {
        ChangeSegment seg;
        What what;
    };
    std::vector<Piece> pieces;
    for (const auto &s : drops)
        pieces.push_back({s, What::Drop});
    for (const auto &s : errors)
        pieces.push_back({s, What::Errors});
    for (const auto &s : slowResponses(store, site, from, to, width, known))
        pieces.push_back({s, What::Slow});
    std::sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) { return a.seg.begin < b.seg.begin; });

    std::vector<Incident::SiteWindow> windows;
    int lastEnd = -1;
    for (const Piece &p : pieces) {
        if (windows.empty() || p.seg.begin > lastEnd + params.maxGapBins) {
            windows.push_back({site, from + p.seg.begin * width, from + p.seg.end * width});
            lastEnd = p.seg.end;
        } else {
            Incident::SiteWindow &w = windows.back();
            w.end = std::max(w.end, from + p.seg.end * width);
            lastEnd = std::max(lastEnd, p.seg.end);
        }
        Incident::SiteWindow &w = windows.back();
        const double excess = std::abs(p.seg.expected - p.seg.observed);
        switch (p.what) {
        case What::Errors:
            w.errors = true;
            w.excessFailures += excess;
            break;
        case What::Drop:
            w.drop = true;
            w.lost += excess;
            break;
        case What::Slow:
            w.slow = true;
            w.excessSlow += excess;
            break;
        }
        w.evidence = std::max(w.evidence, p.seg.evidence);
        if (p.what != What::Slow)
            w.unavailabilityEvidence = std::max(w.unavailabilityEvidence, p.seg.evidence);
    }
    const int64_t near = int64_t(params.surgeLeadBins) * width;
    for (Incident::SiteWindow &w : windows) {
        for (const auto &s : surges) {
            const int64_t b = from + s.begin * width, e = from + s.end * width;
            w.surge |= b < w.end && e + near > w.begin;
        }
    }
    return windows;
}

namespace {

// The logs ending, not an outage: only falls in requests (no errors, no slow responses), on
// every site (no control left to compare with), running into the last complete bin. A cause of
// an outage does not make every log fall in the same last minutes; a collection that stops at
// one moment does, and an outage still under way when the logs end shows its errors or begins
// well before their end on some site.
bool endsWithTheLogs(const Incident &inc, qsizetype sites, int64_t lastBinEnd, int64_t width)
{
    if (sites < 2 || inc.affected.size() < sites || inc.end < lastBinEnd - width)
        return false;
    return std::all_of(inc.windows.begin(), inc.windows.end(), [&](const Incident::SiteWindow &w) {
        return w.drop && !w.errors && !w.slow && w.end >= lastBinEnd - width;
    });
}

} // namespace

std::vector<Incident> IncidentWindowDetector::incidents(const EventStore &store, int64_t width,
                                                        std::vector<Incident> *endOfLogs) const
{
    std::vector<Incident::SiteWindow> all;
    for (const QString &site : store.sites()) {
        const auto w = siteWindows(store, site, width);
        all.insert(all.end(), w.begin(), w.end());
    }
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.begin < b.begin; });
    // One incident is the windows whose evidence overlaps in time. A fixed gap would merge what
    // is near by chance (a widget failing on another site eight minutes after a flash crowd
    // ends) and still split what a longer gap separates; each window's edges are already where
    // its own evidence of change begins and ends.
    std::vector<Incident> list;
    for (const auto &w : all) {
        if (list.empty() || w.begin > list.back().end)
            list.push_back({w.begin, w.end, {}, {}, {}, {}});
        Incident &inc = list.back();
        inc.end = std::max(inc.end, w.end);
        inc.windows.push_back(w);
        if (!inc.affected.contains(w.site))
            inc.affected.append(w.site);
    }
    // The floor on impact is the incident's: a bad deploy that fails five requests on one small
    // shop and eight on another, each beyond doubt a change of its failing share, is thirteen
    // failed requests, not two windows each too small to keep.
    std::erase_if(list, [&](const Incident &inc) { return inc.impact() < params.minImpact; });
    // "Far smaller" is judged against incidents with at least as much evidence of failures and
    // lost requests (Incident::unavailabilityEvidence, summed over sites): an incident is left
    // out when one of those had more than 1/minImpactShare times its requests. On small traffic
    // counts alone mislead: a lull of one bursty shop, barely past the threshold, "loses" ninety
    // requests against a baseline it never reached, while a bad deploy fails thirteen carts on
    // two shops at once with twice the evidence; the share of the largest count alone left the
    // deploy out. A widget failing beside a collapse of every site is still left out: the
    // collapse has both the requests and the evidence.
    std::vector<uint8_t> dominated(list.size(), 0);
    for (std::size_t i = 0; i < list.size(); ++i) {
        for (const Incident &other : list) {
            dominated[i] |= other.unavailabilityEvidence() >= list[i].unavailabilityEvidence() &&
                            list[i].impact() < params.minImpactShare * other.impact();
        }
    }
    for (std::size_t i = list.size(); i-- > 0;) {
        if (dominated[i])
            list.erase(list.begin() + std::ptrdiff_t(i));
    }
    for (Incident &inc : list) {
        for (const QString &site : store.sites()) {
            const auto [b, e] = store.span(site);
            if (!inc.affected.contains(site) && b <= inc.begin && e >= inc.end)
                inc.unaffected.append(site);
        }
    }
    for (Incident &inc : list) {
        for (const Incident::SiteWindow &w : inc.windows) {
            if (!w.errors)
                continue;
            const std::vector<double> failed =
                store.counts(w.site, EventStore::Filter::Failures, w.begin, w.end, width);
            const auto first = std::find_if(failed.begin(), failed.end(), [](double n) { return n > 0; });
            if (first == failed.end())
                continue;
            const int64_t t = w.begin + int64_t(first - failed.begin()) * width;
            inc.firstFailure = std::min(inc.firstFailure.value_or(t), t);
        }
    }
    const int64_t lastBinEnd = (store.span().second / width) * width; // as in siteWindows
    const qsizetype sites = store.sites().size();
    std::erase_if(list, [&](const Incident &inc) {
        if (!endsWithTheLogs(inc, sites, lastBinEnd, width))
            return false;
        if (endOfLogs)
            endOfLogs->push_back(inc);
        return true;
    });
    return list;
}

void IncidentWindowDetector::run(AnalysisContext &context, DetectorOutput &out) const
{
    if (context.sites.empty())
        return;
    std::vector<Incident> tails;
    std::vector<Incident> list = incidents(*context.events, context.sites.front().width, &tails);
    for (const Incident &tail : tails)
        out.evidence.append(endOfLogsEvidence(tail));
    context.incidents = list; // baselines stop at earlier incidents
    for (const Incident &inc : list) {
        out.evidence.append(outageEvidence(inc, context));
        out.markers.append(marker(inc));
    }
    context.incidents = std::move(list);
}

Evidence IncidentWindowDetector::endOfLogsEvidence(const Incident &tail) const
{
    // Said, so that the analyst sees why the fall is not an outage, and can disagree.
    QStringList lines;
    for (const auto &w : tail.windows)
        lines.append(QStringLiteral("%1 from %2 (%3 requests missing)")
                         .arg(w.site, formatUtc(w.begin, false))
                         .arg(qRound64(w.lost)));
    Evidence e = suggest(QStringLiteral("Requests fall on every site as the logs end (%1–%2; not taken as an "
                                        "outage)")
                             .arg(formatUtc(tail.begin), formatUtc(tail.end, false)),
                         QStringLiteral("Every site's requests fall in the last minutes of the logs, with no "
                                        "rise in failures or slow responses: %1. Logs collected up to a moment "
                                        "taper as sessions stop being logged, and no site is left to compare "
                                        "with, so this is read as the end of the logs, not an outage. If the "
                                        "logs were cut while the site was failing, mark the window as an outage "
                                        "by hand.")
                             .arg(lines.join(QStringLiteral("; "))),
                         ratings({}));
    e.provenance.timeBegin = tail.begin;
    e.provenance.timeEnd = tail.end;
    e.provenance.metric = QStringLiteral("requests");
    e.relevance = Relevance::Low;
    return e;
}

Evidence IncidentWindowDetector::outageEvidence(const Incident &inc, AnalysisContext &context) const
{
    QStringList lines;
    for (const auto &w : inc.windows) {
        QStringList what;
        if (w.errors)
            what.append(QStringLiteral("%1 failures above the baseline share").arg(qRound64(w.excessFailures)));
        if (w.drop)
            what.append(QStringLiteral("%1 requests missing").arg(qRound64(w.lost)));
        if (w.surge)
            what.append(QStringLiteral("a surge of requests"));
        if (w.slow)
            what.append(QStringLiteral("%1 responses slower than the site's usual 90th percentile above the "
                                       "baseline share")
                            .arg(qRound64(w.excessSlow)));
        QString line =
            QStringLiteral("%1: %2–%3, %4 (evidence %5 nats)")
                .arg(w.site, formatUtc(w.begin, false), formatUtc(w.end, false), what.join(QStringLiteral(", ")))
                .arg(w.evidence, 0, 'f', 0);
        // Against the site's baseline where its events are in the case (a remote table's site
        // has its window's figures only).
        if (SiteBins *site = context.site(w.site)) {
            const auto [bb, be] = context.baselineFor(inc, 2 * 3600 * int64_t(1'000'000), 5 * 60 * int64_t(1'000'000));
            const WindowProfile &win = context.profile(*site, w.begin, w.end, w.begin);
            const WindowProfile &base = context.profile(*site, bb, be, bb);
            const double ratio = base.perMinute() > 0 ? win.perMinute() / base.perMinute() : 0;
            line += QStringLiteral("; failed (5xx or no response) %1 of requests (baseline %2), requests %3× baseline")
                        .arg(formatPercent(win.errorRate()), formatPercent(base.errorRate()),
                             QString::number(ratio, 'f', 2));
        }
        lines.append(line);
    }
    for (const QString &site : inc.unaffected)
        lines.append(QStringLiteral("%1: no anomaly").arg(site));
    const int total = int(inc.affected.size() + inc.unaffected.size());
    const QString title = QStringLiteral("Outage %1–%2 at %3 of %4 site(s)")
                              .arg(formatUtc(inc.begin), formatUtc(inc.end, false))
                              .arg(inc.affected.size())
                              .arg(total);
    const QString reason =
        QStringLiteral("Per-minute requests, failing share and, where response times are logged, the share "
                       "of slow responses tested for change against the preceding %1 minutes (CUSUM of "
                       "negative-binomial and quasi-binomial likelihood ratios, threshold %2 nats). Affected: "
                       "%3%4. %5.")
            .arg(params.cusum.baselineBins)
            .arg(params.cusum.threshold)
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
    return e;
}

Marker IncidentWindowDetector::marker(const Incident &inc) const
{
    Marker m;
    m.kind = MarkerKind::Outage;
    m.begin = inc.begin;
    m.end = inc.end;
    m.label = QStringLiteral("Outage: %1").arg(inc.affected.join(QStringLiteral(", ")));
    m.origin = QStringLiteral("detector:%1").arg(name());
    return m;
}

} // namespace inquest
