#include "chartdata.h"
#include "siteevents.h"

#include "model/source.h"
#include "support/parallel.h"

#include <algorithm>
#include <array>
#include <optional>

namespace inquest {

std::shared_ptr<const CaseBins> CaseBins::build(const QList<Source> &sources, const SiteRule &rule)
{
    auto bins = std::make_shared<CaseBins>();
    const auto sites = SiteEvents::slicesBySite(sources, rule);
    // Sites are independent: index and bin them in parallel.
    bins->sites = parallel::mapped<std::vector<std::shared_ptr<const BinPyramid>>>(
        sites, [](const std::pair<QString, std::vector<EventSlice>> &site) {
            return std::shared_ptr<const BinPyramid>(
                std::make_shared<BinPyramid>(SiteEvents::fromSlices(site.first, site.second)));
        });
    bool first = true;
    for (const auto &p : bins->sites) {
        if (p->site().empty())
            continue;
        bins->minTime = first ? p->site().minTime() : std::min(bins->minTime, p->site().minTime());
        bins->maxTime = first ? p->site().maxTime() : std::max(bins->maxTime, p->site().maxTime());
        first = false;
    }
    return bins;
}

QString severityGroupName(int group)
{
    static const QString names[SeverityGroups] = {u"emerg\u2013err"_qs, u"warning"_qs, u"notice\u2013debug"_qs,
                                                  u"no severity"_qs};
    return group >= 0 && group < SeverityGroups ? names[group] : QString();
}

namespace {
bool hasCurves(const SiteEvents &s)
{
    return s.hasHttp() || s.clientCount() > 0 || s.hasResponseTimes() || !s.numericColumns().isEmpty();
}
} // namespace

QStringList CaseBins::curveSiteNames() const
{
    QStringList names;
    for (const auto &p : sites) {
        if (hasCurves(p->site()))
            names.append(p->site().name());
    }
    return names;
}

bool CaseBins::hasResponseTimes() const
{
    return std::any_of(sites.begin(), sites.end(), [](const auto &p) { return p->site().hasResponseTimes(); });
}

namespace {
// The sites drawn for a choice of `sites` (see buildChartData).
std::vector<const BinPyramid *> chosenSites(const CaseBins &bins, const QStringList &sites)
{
    std::vector<const BinPyramid *> chosen;
    for (const auto &p : bins.sites) {
        // A host seen only in system logs is no site to choose: its lane stays.
        if (sites.isEmpty() || sites.contains(p->site().name()) || !hasCurves(p->site()))
            chosen.push_back(p.get());
    }
    return chosen;
}
} // namespace

std::vector<NamedSeries> buildResponseSeries(const CaseBins &bins, int64_t widthUs, int64_t fromUs, int64_t toUs,
                                             const QStringList &sites)
{
    std::vector<const BinPyramid *> timed;
    for (const BinPyramid *p : chosenSites(bins, sites)) {
        if (p->site().hasResponseTimes())
            timed.push_back(p);
    }
    const TimeLimit lim{fromUs, toUs};
    auto perSite = parallel::mapped<std::vector<std::array<BinnedSeries, 3>>>(
        timed, [widthUs, lim](const BinPyramid *p) { return p->responsePercentiles(widthUs, lim); });
    std::vector<NamedSeries> out;
    for (std::size_t i = 0; i < timed.size(); ++i) {
        for (BinnedSeries &s : perSite[i])
            out.push_back({timed[i]->site().name(), std::move(s)});
    }
    return out;
}

std::vector<NamedSeries> ChartData::all() const
{
    std::vector<NamedSeries> list;
    for (const NamedSeries &s : traffic)
        list.push_back({s.name + u" requests"_qs, s.series});
    for (const NamedSeries &s : {status4xx, status5xx, noResponse, errorRate, newClients})
        if (!s.series.bins.empty())
            list.push_back(s);
    for (const NamedSeries &s : failed)
        list.push_back({s.name + u" failed (5xx or no response)"_qs, s.series});
    for (const NamedSeries &s : clients)
        list.push_back({s.name + u" unique clients"_qs, s.series});
    for (const NamedSeries &s : severity)
        list.push_back({u"syslog "_qs + s.name, s.series});
    for (const NamedSeries &s : response)
        list.push_back({s.name + u' ' + metricName(s.series.metric) + u" ms"_qs, s.series});
    for (const NamedSeries &s : metrics)
        list.push_back(s);
    return list;
}

ChartData buildChartData(const CaseBins &bins, int64_t widthUs, int64_t fromUs, int64_t toUs, const QStringList &sites,
                         ResponsePercentiles response)
{
    ChartData data;
    data.widthUs = widthUs;
    data.fromUs = fromUs;
    data.toUs = toUs;
    // What each site contributes, computed for all sites in parallel (distinct clients cost a
    // pass over the site's events in the range the first time a width is asked for).
    struct SiteSeries
    {
        const BinPyramid *pyramid = nullptr;
        std::optional<BinnedSeries> requests, errors4, errors5, noResponse, clients, fresh;
        std::vector<BinnedSeries> metrics, severity;
        std::optional<BinnedSeries> unrated;
    };
    std::vector<SiteSeries> parts;
    int metricSites = 0;
    for (const BinPyramid *p : chosenSites(bins, sites)) {
        parts.push_back({p, {}, {}, {}, {}, {}, {}, {}, {}, {}});
        metricSites += !p->site().numericColumns().isEmpty();
        data.systemLog = data.systemLog || p->site().hasSyslog() || !hasCurves(p->site());
    }
    const TimeLimit lim{fromUs, toUs};
    const auto compute = [widthUs, lim](SiteSeries &part) {
        const BinPyramid &p = *part.pyramid;
        if (p.site().hasHttp()) {
            part.requests = p.series(Metric::Requests, widthUs, lim);
            part.errors4 = p.series(Metric::Status4xx, widthUs, lim);
            part.errors5 = p.series(Metric::Status5xx, widthUs, lim);
            part.noResponse = p.series(Metric::NoResponse, widthUs, lim);
        }
        if (p.site().clientCount() > 0) {
            part.clients = p.series(Metric::UniqueClients, widthUs, lim);
            part.fresh = p.series(Metric::NewClients, widthUs, lim);
        }
        for (const QString &column : p.site().numericColumns())
            part.metrics.push_back(p.series(MetricKey::numeric(column), widthUs, lim));
        if (p.site().hasSyslog()) {
            for (int s = 0; s < 8; ++s)
                part.severity.push_back(p.series(MetricKey::severityOf(s), widthUs, lim));
        }
        if (p.site().hasUnratedSystemLines())
            part.unrated = p.series(MetricKey::severityOf(UnratedSeverity), widthUs, lim);
    };
    parallel::forEach(parts, compute);
    std::vector<BinnedSeries> all, errors4, errors5, noResponse, fresh;
    std::vector<BinnedSeries> sev[4]; // emerg–err, warning, notice–debug, none stated
    for (SiteSeries &part : parts) {
        const SiteEvents &site = part.pyramid->site();
        const QString &name = site.name();
        if (part.requests) {
            data.traffic.push_back({name, *part.requests});
            data.site4xx.push_back({name, *part.errors4});
            data.site5xx.push_back({name, *part.errors5});
            data.siteNoResponse.push_back({name, *part.noResponse});
            data.failed.push_back({name, sumSeries({*part.errors5, *part.noResponse})});
            all.push_back(std::move(*part.requests));
            errors4.push_back(std::move(*part.errors4));
            errors5.push_back(std::move(*part.errors5));
            noResponse.push_back(std::move(*part.noResponse));
        }
        if (part.clients) {
            data.clients.push_back({name, std::move(*part.clients)});
            fresh.push_back(std::move(*part.fresh));
        }
        const QStringList columns = site.numericColumns();
        for (qsizetype c = 0; c < columns.size(); ++c)
            data.metrics.push_back(
                {metricSites > 1 ? name + u": "_qs + columns[c] : columns[c], std::move(part.metrics[std::size_t(c)])});
        for (int s = 0; s < int(part.severity.size()); ++s)
            sev[s <= 3 ? 0 : s == 4 ? 1 : 2].push_back(std::move(part.severity[std::size_t(s)]));
        if (part.unrated)
            sev[3].push_back(std::move(*part.unrated));
    }
    if (!all.empty()) {
        data.status4xx = {u"4xx"_qs, sumSeries(errors4)};
        data.status5xx = {u"5xx"_qs, sumSeries(errors5)};
        data.noResponse = {u"no response"_qs, sumSeries(noResponse)};
        const BinnedSeries requests = sumSeries(all);
        BinnedSeries rate = data.status5xx.series;
        rate.metric = Metric::ErrorRate;
        // The sums start at the earliest site's first bin, so indices line up. Failures are
        // 5xx + no response (model/httpstatus.h isFailure).
        for (std::size_t i = 0; i < rate.size(); ++i) {
            const double n = requests.values[i];
            const double none = i < data.noResponse.series.size() ? data.noResponse.series.values[i] : 0;
            rate.values[i] = n > 0 ? (rate.values[i] + none) / n : std::numeric_limits<double>::quiet_NaN();
        }
        data.errorRate = {u"error rate"_qs, std::move(rate)};
    }
    if (!fresh.empty())
        data.newClients = {u"new clients"_qs, sumSeries(fresh)};
    if (response == ResponsePercentiles::Include)
        data.response = buildResponseSeries(bins, widthUs, fromUs, toUs, sites);
    else
        data.responsePending = bins.hasResponseTimes();
    for (int g = 0; g < 4; ++g) {
        if (!sev[g].empty()) {
            BinnedSeries s = sumSeries(sev[g]);
            data.severity.push_back({severityGroupName(g), std::move(s)});
        }
    }
    return data;
}

} // namespace inquest
