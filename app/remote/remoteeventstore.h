#pragma once

#include "clickhouseclient.h"
#include "querycanceller.h"
#include "remotesql.h"

#include "analysis/eventstore.h"

#include <QMutex>

#include <functional>
#include <memory>

namespace inquest::remote {

// The EventStore over a table on a ClickHouse server: each question is one query, pushed down
// to the server; only counts come back. Sites and spans are asked once, when the store opens.
// A failed query is an error the caller sees (lastError), never a silent zero: answers after a
// failure are empty and `failed()` stays true.
class RemoteEventStore : public EventStore
{
public:
    RemoteEventStore(ServerAccess access, QString table, ColumnMapping mapping, QString name);

    // Sites by the case's names (renames and merges); before open().
    void setSiteNames(const SiteRule &rule) { m_sql.setSiteNames(rule); }
    // Asks the server for the sites and spans; false (with lastError) when it cannot.
    bool open();
    bool failed() const;
    QString lastError() const;
    // Every query run so far, in order (the case keeps them as provenance).
    std::vector<QueryRun> runs() const;
    // Called with each query as it finishes (from the calling thread).
    void setObserver(std::function<void(const QueryRun &)> observer) { m_observer = std::move(observer); }
    uint64_t rows() const { return m_rows; }
    // Queries stop (KILL QUERY) when `canceller` is cancelled; later ones fail as cancelled.
    void setCanceller(std::shared_ptr<QueryCanceller> canceller) { m_canceller = std::move(canceller); }

    QStringList sites() const override;
    std::pair<int64_t, int64_t> span() const override;
    std::pair<int64_t, int64_t> span(const QString &site) const override;
    std::vector<double> counts(const QString &site, Filter filter, int64_t from, int64_t to,
                               int64_t width) const override;
    std::vector<ValueCount> topValues(const QString &site, Dimension dimension, Filter filter, int64_t from, int64_t to,
                                      int n) const override;
    uint64_t distinct(const QString &site, Dimension dimension, int64_t from, int64_t to) const override;
    std::vector<ClientSummary> clients(const QString &site, int64_t from, int64_t to) const override;
    uint32_t responseQuantile(const QString &site, double q, int64_t from, int64_t to) const override;
    std::vector<double> responseCounts(const QString &site, uint32_t slowerThanUs, int64_t from, int64_t to,
                                       int64_t width) const override;

    const RemoteSql &sql() const { return m_sql; }
    // Runs one query on a client of the calling thread, recorded with the others; empty rows
    // after an error (this one's or an earlier one's).
    std::vector<std::vector<QString>> query(const QString &sql, int columns) const;

private:
    ServerAccess m_access;
    RemoteSql m_sql;
    struct SiteSpan
    {
        QString site;
        int64_t first = 0, last = 0;
        uint64_t rows = 0;
    };
    std::vector<SiteSpan> m_sites;
    uint64_t m_rows = 0;
    std::function<void(const QueryRun &)> m_observer;
    std::shared_ptr<QueryCanceller> m_canceller;
    mutable QMutex m_mutex;
    mutable std::vector<QueryRun> m_runs;
    mutable QString m_error;
};

} // namespace inquest::remote
