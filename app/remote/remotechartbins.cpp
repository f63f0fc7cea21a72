#include "remotechartbins.h"

#include "remotesql.h"

#include "analysis/timebins.h"

#include <QElapsedTimer>
#include <QSet>

#include <limits>
#include <map>

namespace inquest::remote {

namespace {

BinnedSeries emptySeries(Metric metric, int64_t widthUs, int64_t firstIndex, int64_t count)
{
    BinnedSeries s;
    s.metric = metric;
    s.widthUs = widthUs;
    s.firstIndex = firstIndex;
    s.bins.assign(std::size_t(count), Bin{});
    s.values.assign(std::size_t(count), 0.0);
    return s;
}

void setCount(BinnedSeries &s, std::size_t i, double value)
{
    s.bins[i].count = uint32_t(value);
    s.bins[i].sum = value;
    s.values[i] = value;
}

} // namespace

RemoteChartBins fetchChartBins(const std::vector<SourceAccess> &sources, const ChartViewKey &key,
                               const std::shared_ptr<QueryCanceller> &canceller, const SiteRule &rule,
                               bool responseTimes)
{
    RemoteChartBins out;
    out.key = key;
    if (key.widthUs <= 0 || key.toUs <= key.fromUs)
        return out;
    const int64_t firstIndex = floorDiv(key.fromUs, key.widthUs);
    const int64_t from = firstIndex * key.widthUs;
    const int64_t count = floorDiv(key.toUs - from + key.widthUs - 1, key.widthUs);
    std::map<QString, std::size_t> at; // site → index in out.sites
    std::map<QString, Id> answeredBy;  // site → the first source that answered for it
    QSet<QString> shared;
    std::map<QString, Id> responseOf; // site → the source whose percentiles it has
    QSet<QString> sharedResponse;
    for (const SourceAccess &rs : sources) {
        if (canceller && canceller->isCancelled()) {
            out.cancelled = true;
            return out;
        }
        RemoteSql sql(rs.source.table, ColumnMapping::fromJson(rs.source.mapping), rs.source.name);
        sql.setSiteNames(rule); // the server answers under the case's names (merged sites grouped as one)
        ClickHouseClient client(rs.access);
        if (canceller)
            canceller->attach(&client);
        QueryRun run = client.run(sql.chartBins(from, from + count * key.widthUs, key.widthUs), 7);
        if (canceller)
            canceller->detach();
        if (run.killed && canceller && canceller->isCancelled()) {
            out.cancelled = true;
            return out;
        }
        if (!run.ok()) {
            out.errors
                << QStringLiteral("remote source #%1 \"%2\": %3").arg(rs.source.id).arg(rs.source.name, run.error());
            out.runs.push_back(std::move(run));
            out.runSources.push_back(rs.source.id);
            continue;
        }
        for (const auto &row : run.reply.rows) {
            const QString name = rule.name(row[0]); // as the server named it (chains resolved: no change)
            if (!key.sites.isEmpty() && !key.sites.contains(name))
                continue;
            const qint64 b = row[1].toLongLong();
            if (b < 0 || b >= count)
                continue;
            auto [it, added] = at.try_emplace(name, out.sites.size());
            if (added) {
                out.sites.push_back({name, emptySeries(Metric::Requests, key.widthUs, firstIndex, count),
                                     emptySeries(Metric::Status4xx, key.widthUs, firstIndex, count),
                                     emptySeries(Metric::Status5xx, key.widthUs, firstIndex, count),
                                     emptySeries(Metric::NoResponse, key.widthUs, firstIndex, count),
                                     emptySeries(Metric::UniqueClients, key.widthUs, firstIndex, count)});
                answeredBy[row[0]] = rs.source.id;
            } else if (answeredBy[row[0]] != rs.source.id) {
                shared.insert(row[0]); // in two sources: their distinct clients do not add up
            }
            RemoteChartBins::Site &site = out.sites[it->second];
            const auto i = std::size_t(b);
            // Two sources with the same site (or sites merged into one) add up.
            setCount(site.requests, i, site.requests.values[i] + row[2].toDouble());
            setCount(site.status4xx, i, site.status4xx.values[i] + row[3].toDouble());
            setCount(site.status5xx, i, site.status5xx.values[i] + row[4].toDouble());
            setCount(site.noResponse, i, site.noResponse.values[i] + row[5].toDouble());
            setCount(site.clients, i, row[6].toDouble());
        }
        run.reply.rows.clear();
        out.runs.push_back(std::move(run));
        out.runSources.push_back(rs.source.id);
        if (!responseTimes)
            continue;

        // The response-time pane: a query of its own (a percentile takes every value of a bin).
        if (canceller)
            canceller->attach(&client);
        QueryRun times = client.run(sql.chartResponse(from, from + count * key.widthUs, key.widthUs), 5);
        if (canceller)
            canceller->detach();
        if (times.killed && canceller && canceller->isCancelled()) {
            out.cancelled = true;
            return out;
        }
        if (!times.ok()) {
            out.errors << QStringLiteral("remote source #%1 \"%2\" (response times): %3")
                              .arg(rs.source.id)
                              .arg(rs.source.name, times.error());
        } else {
            for (const auto &row : times.reply.rows) {
                const QString name = rule.name(row[0]); // as the server named it (chains resolved: no change)
                const auto it = at.find(name);
                const qint64 b = row[1].toLongLong();
                if (it == at.end() || b < 0 || b >= count)
                    continue;
                const auto [by, added] = responseOf.try_emplace(name, rs.source.id);
                if (!added && by->second != rs.source.id) {
                    sharedResponse.insert(name); // two sources: no percentile of both
                    continue;
                }
                RemoteChartBins::Site &site = out.sites[it->second];
                if (site.response.empty()) {
                    for (Metric m : {Metric::ResponseP50, Metric::ResponseP95, Metric::ResponseP99}) {
                        site.response.push_back(emptySeries(m, key.widthUs, firstIndex, count));
                        site.response.back().values.assign(std::size_t(count),
                                                           std::numeric_limits<double>::quiet_NaN());
                    }
                }
                for (std::size_t k = 0; k < 3; ++k) {
                    bool number = false;
                    const double v = row[2 + int(k)].toDouble(&number);
                    site.response[k].values[std::size_t(b)] = number ? v : std::numeric_limits<double>::quiet_NaN();
                }
            }
        }
        times.reply.rows.clear();
        out.runs.push_back(std::move(times));
        out.runSources.push_back(rs.source.id);
    }
    for (RemoteChartBins::Site &site : out.sites) {
        if (shared.contains(site.name))
            site.clients = {};
        if (sharedResponse.contains(site.name))
            site.response.clear();
    }
    return out;
}

std::shared_ptr<const CaseBins> withRemoteSpans(const std::shared_ptr<const CaseBins> &bins,
                                                const QList<RemoteSource> &sources)
{
    if (sources.isEmpty())
        return bins;
    auto out = std::make_shared<CaseBins>(*bins);
    bool first = bins->sites.empty();
    for (const RemoteSource &s : sources) {
        out->minTime = first ? s.firstTime : std::min<int64_t>(out->minTime, s.firstTime);
        out->maxTime = first ? s.lastTime : std::max<int64_t>(out->maxTime, s.lastTime);
        first = false;
    }
    out->remoteSources = int(sources.size());
    return out;
}

void addRemoteBins(ChartData &data, const RemoteChartBins &remote)
{
    if (remote.sites.empty())
        return;
    for (const RemoteChartBins::Site &site : remote.sites) {
        std::size_t i = 0;
        while (i < data.traffic.size() && data.traffic[i].name != site.name)
            ++i;
        if (i == data.traffic.size()) {
            if (site.clients.size() > 0)
                data.clients.push_back({site.name, site.clients});
            for (const BinnedSeries &p : site.response)
                data.response.push_back({site.name, p});
            data.traffic.push_back({site.name, site.requests});
            data.site4xx.push_back({site.name, site.status4xx});
            data.site5xx.push_back({site.name, site.status5xx});
            data.siteNoResponse.push_back({site.name, site.noResponse});
        } else {
            data.traffic[i].series = sumSeries({data.traffic[i].series, site.requests});
            data.site4xx[i].series = sumSeries({data.site4xx[i].series, site.status4xx});
            data.site5xx[i].series = sumSeries({data.site5xx[i].series, site.status5xx});
            data.siteNoResponse[i].series = sumSeries({data.siteNoResponse[i].series, site.noResponse});
        }
    }
    // Failures and the all-site curves again, over local and remote sites alike.
    data.failed.clear();
    std::vector<BinnedSeries> all, e4, e5, none;
    for (std::size_t i = 0; i < data.traffic.size(); ++i) {
        data.failed.push_back(
            {data.traffic[i].name, sumSeries({data.site5xx[i].series, data.siteNoResponse[i].series})});
        all.push_back(data.traffic[i].series);
        e4.push_back(data.site4xx[i].series);
        e5.push_back(data.site5xx[i].series);
        none.push_back(data.siteNoResponse[i].series);
    }
    data.status4xx = {QStringLiteral("4xx"), sumSeries(e4)};
    data.status5xx = {QStringLiteral("5xx"), sumSeries(e5)};
    data.noResponse = {QStringLiteral("no response"), sumSeries(none)};
    const BinnedSeries requests = sumSeries(all);
    BinnedSeries rate = data.status5xx.series;
    rate.metric = Metric::ErrorRate;
    for (std::size_t i = 0; i < rate.size(); ++i) {
        const double n = i < requests.size() ? requests.values[i] : 0;
        const double failed =
            rate.values[i] + (i < data.noResponse.series.size() ? data.noResponse.series.values[i] : 0);
        rate.values[i] = n > 0 ? failed / n : std::numeric_limits<double>::quiet_NaN();
    }
    data.errorRate = {QStringLiteral("error rate"), std::move(rate)};
}

} // namespace inquest::remote
