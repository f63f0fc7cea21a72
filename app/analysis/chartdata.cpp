#include "chartdata.h"
#include "model/threadpoolloan.h"
#include "siteevents.h"

#include "model/source.h"

#include <QtConcurrent/QtConcurrentMap>

namespace inquest {

std::shared_ptr<const CaseBins> CaseBins::build(const QList<Source> &sources)
{
    auto bins = std::make_shared<CaseBins>();
    const auto sites = SiteEvents::bySite(sources);
    // Sites are independent: bin them in parallel.
    const ThreadPoolLoan loan; // see threadpoolloan.h
    bins->sites = QtConcurrent::blockingMapped<std::vector<std::shared_ptr<const BinPyramid>>>(
        sites, [](const std::shared_ptr<const SiteEvents> &site) {
            return std::shared_ptr<const BinPyramid>(std::make_shared<BinPyramid>(site));
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

std::vector<NamedSeries> ChartData::all() const
{
    std::vector<NamedSeries> list;
    for (const NamedSeries &s : traffic)
        list.push_back({s.name + u" requests"_qs, s.series});
    for (const NamedSeries &s : {status4xx, status5xx, errorRate, newClients})
        if (!s.series.bins.empty())
            list.push_back(s);
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

ChartData buildChartData(const CaseBins &bins, int64_t widthUs, int64_t fromUs, int64_t toUs, const QStringList &sites)
{
    ChartData data;
    data.widthUs = widthUs;
    data.fromUs = fromUs;
    data.toUs = toUs;
    std::vector<BinnedSeries> all, errors4, errors5, fresh;
    std::vector<BinnedSeries> sev[3];
    const TimeLimit lim{fromUs, toUs};
    int metricSites = 0;
    for (const auto &p : bins.sites)
        metricSites += !p->site().numericColumns().isEmpty() && (sites.isEmpty() || sites.contains(p->site().name()));
    for (const auto &p : bins.sites) {
        const QString &name = p->site().name();
        if (!sites.isEmpty() && !sites.contains(name) && hasCurves(p->site()))
            continue; // a host seen only in system logs is no site to choose: its lane stays
        if (p->site().hasHttp()) {
            BinnedSeries req = p->series(Metric::Requests, widthUs, lim);
            data.traffic.push_back({name, req});
            all.push_back(std::move(req));
            errors4.push_back(p->series(Metric::Status4xx, widthUs, lim));
            errors5.push_back(p->series(Metric::Status5xx, widthUs, lim));
        }
        if (p->site().clientCount() > 0) {
            data.clients.push_back({name, p->series(Metric::UniqueClients, widthUs, lim)});
            fresh.push_back(p->series(Metric::NewClients, widthUs, lim));
        }
        if (p->site().hasResponseTimes()) {
            for (BinnedSeries &s : p->responsePercentiles(widthUs, lim))
                data.response.push_back({name, std::move(s)});
        }
        for (const QString &column : p->site().numericColumns())
            data.metrics.push_back({metricSites > 1 ? name + u": "_qs + column : column,
                                    p->series(MetricKey::numeric(column), widthUs, lim)});
        if (p->site().hasSyslog()) {
            for (int s = 0; s < 8; ++s)
                sev[s <= 3 ? 0 : s == 4 ? 1 : 2].push_back(p->series(MetricKey::severityOf(s), widthUs, lim));
        }
    }
    if (!all.empty()) {
        data.status4xx = {u"4xx"_qs, sumSeries(errors4)};
        data.status5xx = {u"5xx"_qs, sumSeries(errors5)};
        const BinnedSeries requests = sumSeries(all);
        BinnedSeries rate = data.status5xx.series;
        rate.metric = Metric::ErrorRate;
        // Both sums start at the earliest site's first bin, so indices line up.
        for (std::size_t i = 0; i < rate.size(); ++i) {
            const double n = requests.values[i];
            rate.values[i] = n > 0 ? rate.values[i] / n : std::numeric_limits<double>::quiet_NaN();
        }
        data.errorRate = {u"error rate"_qs, std::move(rate)};
    }
    if (!fresh.empty())
        data.newClients = {u"new clients"_qs, sumSeries(fresh)};
    const QString groups[3] = {u"emerg\u2013err"_qs, u"warning"_qs, u"notice\u2013debug"_qs};
    for (int g = 0; g < 3; ++g) {
        if (!sev[g].empty()) {
            BinnedSeries s = sumSeries(sev[g]);
            data.severity.push_back({groups[g], std::move(s)});
        }
    }
    return data;
}

} // namespace inquest
