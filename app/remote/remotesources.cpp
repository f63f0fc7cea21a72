#include "remotesources.h"

#include <cmath>

namespace inquest::remote {

ServerAccess accessFor(const RemoteSource &source, QString *error)
{
    ServerAccess access;
    access.url = QUrl(source.url);
    access.user = source.user.isEmpty() ? QStringLiteral("default") : source.user;
    if (!source.passwordEnv.isEmpty()) {
        if (!qEnvironmentVariableIsSet(source.passwordEnv.toLocal8Bit().constData())) {
            *error = QStringLiteral("remote source #%1 \"%2\" takes its password from $%3, which is not set")
                         .arg(source.id)
                         .arg(source.name, source.passwordEnv);
            return {};
        }
        access.password = qEnvironmentVariable(source.passwordEnv.toLocal8Bit().constData());
    }
    return access;
}

std::unique_ptr<RemoteEventStore> openStore(const RemoteSource &source, QString *error, const SiteRule &rule)
{
    const ServerAccess access = accessFor(source, error);
    if (access.url.isEmpty())
        return nullptr;
    auto store =
        std::make_unique<RemoteEventStore>(access, source.table, ColumnMapping::fromJson(source.mapping), source.name);
    store->setSiteNames(rule);
    if (!store->open()) {
        *error = QStringLiteral("remote source #%1 \"%2\": %3").arg(source.id).arg(source.name, store->lastError());
        return nullptr;
    }
    return store;
}

RemoteResult provenance(const RemoteSource &source, const QueryRun &run, const QString &serverVersion, bool approximate)
{
    RemoteResult r;
    r.sourceId = source.id;
    r.server = source.url;
    r.serverVersion = serverVersion;
    r.table = source.table;
    r.sql = run.sql;
    r.queryId = run.queryId;
    r.started = run.started;
    r.finished = run.finished;
    r.rowsRead = run.rowsRead;
    r.sha256 = QString::fromLatin1(run.sha256);
    r.approximate = approximate;
    return r;
}

std::optional<BinnedSeries> remoteSeries(const RemoteEventStore &store, const QString &site, const MetricKey &metric,
                                         int64_t widthUs, int64_t firstIndex, int64_t count, QString *error)
{
    const QString expression = store.sql().metricExpression(int(metric.metric));
    if (expression.isEmpty()) {
        *error = QStringLiteral("the metric \"%1\" cannot be asked of a remote source (remote metrics: requests, "
                                "errors, 2xx, 3xx, 4xx, 5xx, no-response, error-rate, clients, bytes, response-mean, "
                                "response-p50, response-p95, response-p99)")
                     .arg(metricName(metric));
        return std::nullopt;
    }
    BinnedSeries s;
    s.metric = metric;
    s.widthUs = widthUs;
    s.firstIndex = firstIndex;
    s.bins.assign(std::size_t(count), Bin{});
    // Counts are 0 in an empty bin; means and ratios have nothing to measure there.
    const bool zeroWhenEmpty = isCount(metric.metric) || metric.metric == Metric::Bytes;
    s.values.assign(std::size_t(count), zeroWhenEmpty ? 0.0 : std::nan(""));
    const int64_t from = firstIndex * widthUs;
    const auto rows = store.query(store.sql().series(site, expression, from, from + count * widthUs, widthUs), 2);
    if (store.failed()) {
        *error = store.lastError();
        return std::nullopt;
    }
    for (const auto &row : rows) {
        const qint64 b = row[0].toLongLong();
        bool number = false;
        const double v = row[1].toDouble(&number);
        if (b >= 0 && b < count)
            s.values[std::size_t(b)] = number ? v : std::nan(""); // "nan": no response time in the bin
    }
    return s;
}

BinnedSeries sumSeries(const std::vector<BinnedSeries> &parts, int64_t firstIndex, int64_t count)
{
    BinnedSeries sum;
    sum.metric = parts.front().metric;
    sum.widthUs = parts.front().widthUs;
    sum.firstIndex = firstIndex;
    sum.bins.assign(std::size_t(count), Bin{});
    sum.values.assign(std::size_t(count), 0.0);
    for (const BinnedSeries &p : parts) {
        for (std::size_t i = 0; i < p.values.size(); ++i) {
            const int64_t at = p.firstIndex + int64_t(i) - firstIndex;
            if (at >= 0 && at < count && !std::isnan(p.values[i]))
                sum.values[std::size_t(at)] += p.values[i];
            if (at >= 0 && at < count && i < p.bins.size())
                sum.bins[std::size_t(at)].merge(p.bins[i]);
        }
    }
    return sum;
}

} // namespace inquest::remote
