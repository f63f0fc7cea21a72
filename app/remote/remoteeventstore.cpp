#include "remoteeventstore.h"

#include "model/eventtable.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace inquest::remote {

RemoteEventStore::RemoteEventStore(ServerAccess access, QString table, ColumnMapping mapping, QString name)
    : m_access(std::move(access))
    , m_sql(std::move(table), std::move(mapping), std::move(name))
{
}

std::vector<std::vector<QString>> RemoteEventStore::query(const QString &sql, int columns) const
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_error.isEmpty())
            return {};
    }
    // A client per query: a network manager belongs to its thread, and detectors may ask from any.
    ClickHouseClient client(m_access);
    QueryRun run;
    if (m_canceller)
        m_canceller->attach(&client);
    if (m_canceller && m_canceller->isCancelled()) {
        run.sql = sql;
        run.reply.error = QStringLiteral("cancelled");
    } else {
        run = client.run(sql, columns);
    }
    if (m_canceller)
        m_canceller->detach();
    if (m_observer)
        m_observer(run);
    std::vector<std::vector<QString>> rows = std::move(run.reply.rows);
    run.reply.rows.clear();
    QMutexLocker lock(&m_mutex);
    if (!run.ok() && m_error.isEmpty())
        m_error = run.error();
    m_runs.push_back(std::move(run));
    return m_error.isEmpty() ? rows : std::vector<std::vector<QString>>{};
}

bool RemoteEventStore::open()
{
    m_sites.clear();
    m_rows = 0;
    for (const auto &row : query(m_sql.sitesAndSpans(), 4)) {
        const uint64_t n = row[3].toULongLong();
        if (n == 0)
            continue;
        m_sites.push_back({row[0], row[1].toLongLong(), row[2].toLongLong() + 1, n});
        m_rows += n;
    }
    return !failed();
}

bool RemoteEventStore::failed() const
{
    QMutexLocker lock(&m_mutex);
    return !m_error.isEmpty();
}

QString RemoteEventStore::lastError() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

std::vector<QueryRun> RemoteEventStore::runs() const
{
    QMutexLocker lock(&m_mutex);
    return m_runs;
}

QStringList RemoteEventStore::sites() const
{
    QStringList names;
    for (const SiteSpan &s : m_sites)
        names << s.site;
    return names;
}

std::pair<int64_t, int64_t> RemoteEventStore::span() const { return span(QString()); }

std::pair<int64_t, int64_t> RemoteEventStore::span(const QString &site) const
{
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (const SiteSpan &s : m_sites) {
        if (site.isEmpty() || s.site == site) {
            first = std::min(first, s.first);
            last = std::max(last, s.last);
        }
    }
    return first < last ? std::pair{first, last} : std::pair<int64_t, int64_t>{0, 0};
}

std::vector<double> RemoteEventStore::counts(const QString &site, Filter filter, int64_t from, int64_t to,
                                             int64_t width) const
{
    const int64_t n = width > 0 && to > from ? (to - from + width - 1) / width : 0;
    std::vector<double> out(std::size_t(n), 0.0);
    if (!n)
        return out;
    for (const auto &row : query(m_sql.counts(site, filter, from, to, width), 2)) {
        const qint64 bin = row[0].toLongLong();
        if (bin >= 0 && bin < n)
            out[std::size_t(bin)] = row[1].toDouble();
    }
    return out;
}

// The local store's quantile: the element at floor(q·(n−1)) of the sorted logged times.
uint32_t RemoteEventStore::responseQuantile(const QString &site, double q, int64_t from, int64_t to) const
{
    const auto count = query(m_sql.responseCount(site, from, to), 1);
    const uint64_t n = count.empty() ? 0 : count.front()[0].toULongLong();
    if (!n)
        return NoResponseTime;
    const auto k = uint64_t(std::clamp(q, 0.0, 1.0) * double(n - 1));
    const auto rows = query(m_sql.responseAt(site, k, from, to), 1);
    return rows.empty() ? NoResponseTime : rows.front()[0].toUInt();
}

std::vector<double> RemoteEventStore::responseCounts(const QString &site, uint32_t slowerThanUs, int64_t from,
                                                     int64_t to, int64_t width) const
{
    const int64_t n = width > 0 && to > from ? (to - from + width - 1) / width : 0;
    std::vector<double> out(std::size_t(n), 0.0);
    if (!n)
        return out;
    for (const auto &row : query(m_sql.responseCounts(site, slowerThanUs, from, to, width), 2)) {
        const qint64 bin = row[0].toLongLong();
        if (bin >= 0 && bin < n)
            out[std::size_t(bin)] = row[1].toDouble();
    }
    return out;
}

std::vector<EventStore::ValueCount> RemoteEventStore::topValues(const QString &site, Dimension dimension, Filter filter,
                                                                int64_t from, int64_t to, int n) const
{
    std::vector<ValueCount> out;
    for (const auto &row : query(m_sql.topValues(site, dimension, filter, from, to, n), 2))
        out.push_back({row[0], row[1].toDouble()});
    return out;
}

uint64_t RemoteEventStore::distinct(const QString &site, Dimension dimension, int64_t from, int64_t to) const
{
    const auto rows = query(m_sql.distinct(site, dimension, from, to), 1);
    return rows.empty() ? 0 : rows.front()[0].toULongLong();
}

std::vector<EventStore::ClientSummary> RemoteEventStore::clients(const QString &site, int64_t from, int64_t to) const
{
    // The same features as LocalEventStore::clients, from each client's requests in time order.
    std::vector<ClientSummary> out;
    QStringList times, endpoints, agents, referers, failures;
    std::unordered_map<QString, uint32_t> perEndpoint;
    for (const auto &row : query(m_sql.clients(site, from, to), 8)) {
        if (!parseArray(row[3], times) || !parseArray(row[4], endpoints) || !parseArray(row[5], agents) ||
            !parseArray(row[6], referers) || !parseArray(row[7], failures) || times.isEmpty() ||
            endpoints.size() != times.size() || failures.size() != times.size())
            continue;
        ClientSummary c;
        c.requests = uint32_t(times.size());
        c.seenBefore = row[2] == u"1";
        c.refererKind = refererKind(referers.first().toStdString(), row[1].toStdString());
        c.agent = agents.first();
        perEndpoint.clear();
        double sum = 0, sum2 = 0;
        for (qsizetype k = 0; k < times.size(); ++k) {
            ++perEndpoint[endpoints[k]];
            (isStaticPath(endpoints[k].toStdString()) ? c.assets : c.pages) += 1;
            c.failures += failures[k] == u"1";
            if (k > 0) {
                const double gap = double(times[k].toLongLong() - times[k - 1].toLongLong()) / 1e6;
                sum += gap;
                sum2 += gap * gap;
                c.repeats += endpoints[k] == endpoints[k - 1] && gap <= 10.0;
            }
        }
        const double gaps = double(times.size() - 1);
        if (gaps >= 1) {
            c.gapMean = sum / gaps;
            const double var = std::max(0.0, sum2 / gaps - c.gapMean * c.gapMean);
            c.gapCv = c.gapMean > 0 ? std::sqrt(var) / c.gapMean : 0;
        }
        c.endpoints = uint32_t(perEndpoint.size());
        const auto top = std::max_element(perEndpoint.begin(), perEndpoint.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
        c.topEndpoint = top->first;
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace inquest::remote
