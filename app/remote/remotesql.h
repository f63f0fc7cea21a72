#pragma once

#include "columnmapping.h"

#include "analysis/eventstore.h"
#include "model/sites.h"

#include <QMap>

namespace inquest::remote {

// The SQL of each EventStore question over one mapped table. Literals are quoted here (18.16
// has no query parameters): times as integers, strings escaped. Bins are intDiv of µs since
// the window start (no toStartOfInterval, no server time zone). Every aggregate is exact
// (GROUP BY and uniqExact, never topK or uniq), so a Distributed table gives the same answer
// as one machine.
class RemoteSql
{
public:
    // `name` is the site of every row when the mapping has no site expression.
    RemoteSql(QString table, ColumnMapping mapping, QString name);
    // The case's site renames and merges (model/sites, from → to): every query then speaks of
    // sites by the case's names, in its answers and in its site conditions alike.
    void setSiteNames(const SiteRule &rule);

    // site, first µs, last µs, rows (one row per site).
    QString sitesAndSpans() const;
    // bin index, count (only bins with rows).
    QString counts(const QString &site, EventStore::Filter filter, int64_t from, int64_t to, int64_t width) const;
    // value, count; most frequent first, ties by value.
    QString topValues(const QString &site, EventStore::Dimension dimension, EventStore::Filter filter, int64_t from,
                      int64_t to, int n) const;
    QString distinct(const QString &site, EventStore::Dimension dimension, int64_t from, int64_t to) const;
    // client, site, seen before (0/1), then arrays in time order: µs, endpoint, agent, referer,
    // failure (0/1).
    QString clients(const QString &site, int64_t from, int64_t to) const;
    // Response times: a logged response time is one above 0 (the standard table stores 0 for
    // none). responseCount: one row, the number of logged response times in the window.
    // responseAt: the k-th smallest (0-based) in µs. responseCounts: bin index, count of logged
    // response times slower than `slowerThanUs` (0: all logged).
    QString responseCount(const QString &site, int64_t from, int64_t to) const;
    QString responseAt(const QString &site, uint64_t k, int64_t from, int64_t to) const;
    QString responseCounts(const QString &site, uint32_t slowerThanUs, int64_t from, int64_t to, int64_t width) const;
    // bin index (of `width` from `from`), value: one metric per bin (metricExpression).
    QString series(const QString &site, const QString &metric, int64_t from, int64_t to, int64_t width) const;
    // The aggregate of a metric of model/metric.h over a bin's rows; empty when a remote source
    // cannot give it.
    QString metricExpression(int metric) const;
    // The chart's view: site, bin index (of `width` from `from`), requests, 4xx, 5xx, no response
    // (model/httpstatus classes), distinct clients (exact), for every site, in one query.
    QString chartBins(int64_t from, int64_t to, int64_t width) const;
    // The chart's response-time pane: site, bin index, p50, p95, p99 in ms (exact nearest rank,
    // metricExpression) of the rows that log a response time; bins without one are left out.
    QString chartResponse(int64_t from, int64_t to, int64_t width) const;
    // A few mapped rows (the mapping check and the Connect preview): µs, site, client, method,
    // path, status, bytes, agent, referer.
    QString preview(int n) const;
    // Rows of the table that pass `condition` (remote/remoteevents): their number, and the rows
    // [offset, offset + limit): µs, site, client, method, path, status, bytes, agent, referer,
    // raw (NULL without a raw mapping), in time order with every column as a tie-break.
    QString eventCount(const QString &condition) const;
    QString eventRows(const QString &condition, qint64 offset, qint64 limit) const;

    const ColumnMapping &mapping() const { return m_map; }

    QString site() const;
    QString failure() const;
    QString dimension(EventStore::Dimension d) const;

private:
    QString where(const QString &site, int64_t from, int64_t to) const;
    QString responseUs() const;

    QString m_table;
    ColumnMapping m_map;
    QString m_name;
    QMap<QString, QString> m_renames; // sorted: the same SQL in every run
};

} // namespace inquest::remote
