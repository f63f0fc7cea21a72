#include "remotesql.h"

#include "clickhouseclient.h"

#include "analysis/metric.h"

namespace inquest::remote {

RemoteSql::RemoteSql(QString table, ColumnMapping mapping, QString name)
    : m_table(std::move(table))
    , m_map(std::move(mapping))
    , m_name(std::move(name))
{
}

void RemoteSql::setSiteNames(const SiteRule &rule)
{
    m_renames.clear();
    for (auto it = rule.renames().cbegin(); it != rule.renames().cend(); ++it)
        m_renames.insert(it.key(), rule.name(it.key())); // chains resolved: a → b → c is a → c
}

QString RemoteSql::site() const
{
    const QString stored = m_map.site.isEmpty() ? quoted(m_name) : QStringLiteral("toString(%1)").arg(m_map.site);
    if (m_renames.isEmpty())
        return stored;
    QStringList from, to;
    for (auto it = m_renames.cbegin(); it != m_renames.cend(); ++it) {
        from << quoted(it.key());
        to << quoted(it.value());
    }
    return QStringLiteral("transform(%1, [%2], [%3], %1)").arg(stored, from.join(u", "), to.join(u", "));
}

QString RemoteSql::failure() const
{
    // model/httpstatus: 5xx, or no response ("000"/"-" stored as 0, 444, 499).
    return QStringLiteral("(toUInt16OrZero(toString(%1)) AS st_) BETWEEN 500 AND 599 OR st_ IN (0, 444, 499)")
        .arg(m_map.status);
}

QString RemoteSql::dimension(EventStore::Dimension d) const
{
    const QString path = QStringLiteral("toString(%1)").arg(m_map.path);
    const QString endpoint =
        QStringLiteral("if(position(%1, '?') > 0, substring(%1, 1, position(%1, '?') - 1), %1)").arg(path);
    switch (d) {
    case EventStore::Dimension::Site:
        return site();
    case EventStore::Dimension::Endpoint:
        return endpoint;
    case EventStore::Dimension::Status:
        return QStringLiteral("if((toUInt16OrZero(toString(%1)) AS sd_) = 0, '000', toString(sd_))").arg(m_map.status);
    case EventStore::Dimension::ClientNet: {
        const QString c = QStringLiteral("toString(%1)").arg(m_map.client);
        return QStringLiteral("multiIf(position(%1, ':') > 0, concat(arrayStringConcat(arraySlice(splitByChar(':', "
                              "%1), 1, 3), ':'), '::/48'), "
                              "length(splitByChar('.', %1)) = 4, concat(arrayStringConcat(arraySlice(splitByChar('.', "
                              "%1), 1, 3), '.'), '.0/24'), %1)")
            .arg(c);
    }
    case EventStore::Dimension::Agent:
        return QStringLiteral("toString(%1)").arg(m_map.agent);
    case EventStore::Dimension::Referer:
        return QStringLiteral("toString(%1)").arg(m_map.referer);
    case EventStore::Dimension::Method:
        return QStringLiteral("if((upper(toString(%1)) AS md_) IN ('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', "
                              "'PATCH', 'CONNECT', 'TRACE'), md_, if(md_ = '', '', 'OTHER'))")
            .arg(m_map.method);
    case EventStore::Dimension::Static:
        // analysis/eventstore.cpp isStaticPath: the same extensions, case as written.
        return QStringLiteral(
                   "if(match(%1, '\\\\.(css|js|png|jpg|jpeg|gif|svg|ico|woff|woff2|ttf|webp|map|mp4|swf)$'), "
                   "'static', 'dynamic')")
            .arg(endpoint);
    }
    return {};
}

QString RemoteSql::where(const QString &siteName, int64_t from, int64_t to) const
{
    QString w = m_map.timeWindow(from, to);
    if (!siteName.isEmpty())
        w += QStringLiteral(" AND %1 = %2").arg(site(), quoted(siteName));
    return w;
}

QString RemoteSql::sitesAndSpans() const
{
    return QStringLiteral("SELECT %1 AS s, min(%2), max(%2), count() FROM %3 GROUP BY s ORDER BY s FORMAT TabSeparated")
        .arg(site(), m_map.timeUs(), m_table);
}

QString RemoteSql::counts(const QString &siteName, EventStore::Filter filter, int64_t from, int64_t to,
                          int64_t width) const
{
    const QString f = filter == EventStore::Filter::Failures ? QStringLiteral(" AND (%1)").arg(failure()) : QString();
    return QStringLiteral("SELECT %1 AS b, count() FROM %2 WHERE %3%4 GROUP BY b ORDER BY b FORMAT TabSeparated")
        .arg(m_map.binIndex(from, width), m_table, where(siteName, from, to), f);
}

QString RemoteSql::responseUs() const { return m_map.responseUs(); }

QString RemoteSql::responseCount(const QString &siteName, int64_t from, int64_t to) const
{
    return QStringLiteral("SELECT count() FROM %1 WHERE %2 AND toFloat64(%3) > 0 FORMAT TabSeparated")
        .arg(m_table, where(siteName, from, to), m_map.responseTime);
}

QString RemoteSql::responseAt(const QString &siteName, uint64_t k, int64_t from, int64_t to) const
{
    return QStringLiteral("SELECT %1 AS r FROM %2 WHERE %3 AND toFloat64(%4) > 0 ORDER BY r LIMIT %5, 1 "
                          "FORMAT TabSeparated")
        .arg(responseUs(), m_table, where(siteName, from, to), m_map.responseTime)
        .arg(k);
}

QString RemoteSql::responseCounts(const QString &siteName, uint32_t slowerThanUs, int64_t from, int64_t to,
                                  int64_t width) const
{
    const QString slower =
        slowerThanUs ? QStringLiteral(" AND %1 > %2").arg(responseUs()).arg(slowerThanUs) : QString();
    return QStringLiteral("SELECT %1 AS b, count() FROM %2 WHERE %3 AND toFloat64(%4) > 0%5 GROUP BY b ORDER BY b "
                          "FORMAT TabSeparated")
        .arg(m_map.binIndex(from, width), m_table, where(siteName, from, to), m_map.responseTime, slower);
}

QString RemoteSql::topValues(const QString &siteName, EventStore::Dimension d, EventStore::Filter filter, int64_t from,
                             int64_t to, int n) const
{
    const QString f = filter == EventStore::Filter::Failures ? QStringLiteral(" AND (%1)").arg(failure()) : QString();
    const QString limit = n > 0 ? QStringLiteral(" LIMIT %1").arg(n) : QString();
    return QStringLiteral("SELECT %1 AS v, count() AS c FROM %2 WHERE %3%4 GROUP BY v ORDER BY c DESC, v%5 "
                          "FORMAT TabSeparated")
        .arg(dimension(d), m_table, where(siteName, from, to), f, limit);
}

QString RemoteSql::distinct(const QString &siteName, EventStore::Dimension d, int64_t from, int64_t to) const
{
    return QStringLiteral("SELECT uniqExact(%1) FROM %2 WHERE %3 FORMAT TabSeparated")
        .arg(dimension(d), m_table, where(siteName, from, to));
}

QString RemoteSql::clients(const QString &siteName, int64_t from, int64_t to) const
{
    // Rows before the window only tell whether a client was seen before.
    const QString t = m_map.timeUs();
    const QString in = QStringLiteral("%1 >= %2").arg(t).arg(from);
    return QStringLiteral("SELECT toString(%1) AS c, %2 AS s, min(%3) < %4, arraySort(groupArrayIf(%3, %5)) AS ts, "
                          "arraySort((x, y) -> y, groupArrayIf(%6, %5), groupArrayIf(%3, %5)), "
                          "arraySort((x, y) -> y, groupArrayIf(toString(%7), %5), groupArrayIf(%3, %5)), "
                          "arraySort((x, y) -> y, groupArrayIf(toString(%8), %5), groupArrayIf(%3, %5)), "
                          "arraySort((x, y) -> y, groupArrayIf(toUInt8(%9), %5), groupArrayIf(%3, %5)) "
                          "FROM %10 WHERE %11 GROUP BY c, s HAVING countIf(%5) > 0 ORDER BY s, c FORMAT TabSeparated")
        .arg(m_map.client, site(), t)
        .arg(from)
        .arg(in, dimension(EventStore::Dimension::Endpoint), m_map.agent, m_map.referer, failure(), m_table,
             where(siteName, 0, to));
}

QString RemoteSql::series(const QString &siteName, const QString &metric, int64_t from, int64_t to, int64_t width) const
{
    return QStringLiteral("SELECT %1 AS b, %2 FROM %3 WHERE %4 GROUP BY b ORDER BY b FORMAT TabSeparated")
        .arg(m_map.binIndex(from, width), metric, m_table, where(siteName, from, to));
}

QString RemoteSql::metricExpression(int metric) const
{
    const QString st = QStringLiteral("toUInt16OrZero(toString(%1))").arg(m_map.status);
    switch (Metric(metric)) {
    case Metric::Requests:
        return QStringLiteral("count()");
    case Metric::Status2xx:
        return QStringLiteral("countIf(%1 BETWEEN 200 AND 299)").arg(st);
    case Metric::Status3xx:
        return QStringLiteral("countIf(%1 BETWEEN 300 AND 399)").arg(st);
    case Metric::Status4xx:
        return QStringLiteral("countIf(%1 BETWEEN 400 AND 499 AND %1 NOT IN (444, 499))").arg(st);
    case Metric::Status5xx:
        return QStringLiteral("countIf(%1 BETWEEN 500 AND 599)").arg(st);
    case Metric::NoResponse:
        return QStringLiteral("countIf(%1 IN (0, 444, 499))").arg(st);
    case Metric::ErrorRate:
        return QStringLiteral("countIf(%1) / count()").arg(failure());
    case Metric::UniqueClients:
        return QStringLiteral("uniqExact(toString(%1))").arg(m_map.client);
    case Metric::Bytes:
        return QStringLiteral("sum(toUInt64(%1))").arg(m_map.bytes);
    // Response times: of the rows that log one (above 0), in ms, NaN in a bin without any, as
    // the local series (analysis/timebins). Percentiles are exact nearest rank (the smallest
    // value with at least p% at or below it), never quantileTDigest or another approximation.
    case Metric::ResponseMean:
        return QStringLiteral("if((countIf((%1 AS r_) > 0) AS n_) = 0, 0 / 0, sumIf(r_, r_ > 0) / 1000 / n_)")
            .arg(m_map.responseUs());
    case Metric::ResponseP50:
    case Metric::ResponseP95:
    case Metric::ResponseP99: {
        const int p = Metric(metric) == Metric::ResponseP50 ? 50 : Metric(metric) == Metric::ResponseP95 ? 95 : 99;
        return QStringLiteral("if((countIf((%1 AS r_) > 0) AS n_) = 0, 0 / 0, "
                              "arrayElement(arraySort(groupArrayIf(r_, r_ > 0)), toUInt64(greatest(1, intDiv(n_ * %2 "
                              "+ 99, 100)))) / 1000)")
            .arg(m_map.responseUs())
            .arg(p);
    }
    default:
        return {};
    }
}

QString RemoteSql::chartBins(int64_t from, int64_t to, int64_t width) const
{
    return QStringLiteral("SELECT %1 AS s, %2 AS b, count(), %3, %4, %5, %6 FROM %7 WHERE %8 GROUP BY s, b ORDER BY "
                          "s, b FORMAT TabSeparated")
        .arg(site(), m_map.binIndex(from, width), metricExpression(int(Metric::Status4xx)),
             metricExpression(int(Metric::Status5xx)), metricExpression(int(Metric::NoResponse)),
             metricExpression(int(Metric::UniqueClients)), m_table, where(QString(), from, to));
}

QString RemoteSql::chartResponse(int64_t from, int64_t to, int64_t width) const
{
    return QStringLiteral("SELECT %1 AS s, %2 AS b, %3, %4, %5 FROM %6 WHERE %7 AND %8 > 0 GROUP BY s, b ORDER BY s, b "
                          "FORMAT TabSeparated")
        .arg(site(), m_map.binIndex(from, width), metricExpression(int(Metric::ResponseP50)),
             metricExpression(int(Metric::ResponseP95)), metricExpression(int(Metric::ResponseP99)), m_table,
             where(QString(), from, to), responseUs());
}

QString RemoteSql::preview(int n) const
{
    return QStringLiteral("SELECT %1, %2, toString(%3), toString(%4), toString(%5), toString(%6), toString(%7), "
                          "toString(%8), toString(%9) FROM %10 LIMIT %11 FORMAT TabSeparated")
        .arg(m_map.timeUs(), site(), m_map.client, m_map.method, m_map.path, m_map.status, m_map.bytes, m_map.agent,
             m_map.referer)
        .arg(m_table)
        .arg(n);
}

QString RemoteSql::eventCount(const QString &condition) const
{
    return QStringLiteral("SELECT count() FROM %1 WHERE %2 FORMAT TabSeparated").arg(m_table, condition);
}

QString RemoteSql::eventRows(const QString &condition, qint64 offset, qint64 limit) const
{
    const QString raw = m_map.raw.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("toString(%1)").arg(m_map.raw);
    return QStringLiteral("SELECT %1 AS t_, %2 AS s_, toString(%3) AS c_, toString(%4) AS m_, toString(%5) AS p_, "
                          "toString(%6) AS st_, toString(%7) AS b_, toString(%8) AS a_, toString(%9) AS r_, %10 "
                          "FROM %11 WHERE %12 ORDER BY t_, s_, c_, m_, p_, st_, b_, a_, r_ LIMIT %13, %14 "
                          "FORMAT TabSeparated")
        // One arg() call: `condition` holds quoted user text, which a later arg() would scan for %N.
        .arg(m_map.timeUs(), site(), m_map.client, m_map.method, m_map.path, m_map.status, m_map.bytes, m_map.agent,
             m_map.referer, raw, m_table, condition, QString::number(offset), QString::number(limit));
}

} // namespace inquest::remote
