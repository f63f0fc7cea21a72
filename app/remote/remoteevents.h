#pragma once

#include "remotechartbins.h"
#include "remotesql.h"

#include "analysis/eventfilter.h"

#include <memory>

namespace inquest {
class CaseDocument;
}

namespace inquest::remote {

// One row of a remote table, read through its column mapping.
struct RemoteEvent
{
    int64_t timeUs = 0;
    QString site, client, method, path;
    uint16_t status = 0; // as EventTable stores it: a stored 0 ("000", "-") is StatusNoResponseLogged
    quint64 bytes = 0;
    QString agent, referer;
    QString raw; // null when the mapping has no raw line

    // The mapped columns in the order of a combined log line, for when there is no raw line.
    QString columnsText() const;
};

// A page of the rows of one remote source that pass a filter, in time order (ties by site,
// client, method, path, status, bytes, agent, referer, so that pages do not overlap), with the
// number of all rows that pass. Two queries: count() and the page (LIMIT offset, n), both kept.
struct RemoteEventPage
{
    Id sourceId = 0;
    QString sourceName;
    qint64 total = 0;
    qint64 offset = 0;
    std::vector<RemoteEvent> events;
    std::vector<QueryRun> runs;
    QString error; // names the source; empty when both queries answered
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// What the rows' search (`--grep`, the find bar) matches on: the mapped raw line, else the path.
// ClickHouse's match() (RE2 syntax) does the matching on the server.
QString grepColumn(const ColumnMapping &mapping);

// Why `filter` cannot be asked of a remote source (a host, a syslog severity: the standard
// table has neither), or empty when it can. Such a filter selects none of its rows.
QString remoteFilterGap(const EventFilter &filter);

// The WHERE condition of `filter` (and `grep`, a regular expression over grepColumn) on a mapped
// table; empty with `error` when a part cannot be written (an IPv6 block not on a 4-bit boundary).
QString eventCondition(const RemoteSql &sql, const ColumnMapping &mapping, const EventFilter &filter,
                       const QString &grep, QString *error);

// Asks one source for the rows [offset, offset + limit) of those that pass. Blocks; off the GUI
// thread in the workbench. `limit` 0 asks only the count.
RemoteEventPage fetchRemoteEvents(const SourceAccess &source, const EventFilter &filter, const QString &grep,
                                  qint64 offset, qint64 limit, const std::shared_ptr<QueryCanceller> &canceller = {});

// Keeps the provenance of the queries that gave remote rows in the case: one undo step and a
// custody row (`inquest events --keep`, the timeline's "Keep queries").
void keepEventQueries(CaseDocument &doc, const QList<RemoteResult> &results);

} // namespace inquest::remote
