#pragma once

#include "model/eventtable.h"
#include "model/kinds.h"
#include "model/sites.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

#include <memory>
#include <vector>

namespace inquest {

struct Source;

// The rows of one source that belong to a site (all rows, or those of one host).
struct EventSlice
{
    Id sourceId = 0;
    std::shared_ptr<const EventTable> table;
    std::vector<uint32_t> rows; // empty = every row of the table
    bool http = false;          // the table has HTTP statuses
    bool allRows = true;
    bool systemLog = false; // a system log's lines (model/sites.h isSystemLog)

    std::size_t size() const { return allRows ? table->size() : rows.size(); }
    uint32_t row(std::size_t i) const { return allRows ? uint32_t(i) : rows[i]; }
    // Calls visit(row) for every row of the slice, in order.
    template <typename Visit> void forEachRow(Visit &&visit) const
    {
        if (allRows) {
            for (uint32_t r = 0; r < uint32_t(table->size()); ++r)
                visit(r);
        } else {
            for (uint32_t r : rows)
                visit(r);
        }
    }
};

// Where an event of a site lives: its source and row.
struct EventRef
{
    Id sourceId = 0;
    uint32_t row = 0;
};

// The events of one site across its sources. Events are numbered 0..size()-1 in slice order
// (source order, then row order); bins report first/last event in that numbering.
// Client strings are unified across sources, so one client seen by two servers counts once.
class SiteEvents
{
public:
    static constexpr uint32_t NoClient = UINT32_MAX;

    // Groups the events of a case's log sources by site, and a system log's events by host (the
    // rule of model/sites).
    static std::vector<std::shared_ptr<const SiteEvents>> bySite(const QList<Source> &sources,
                                                                 const SiteRule &rule = {});
    // The same grouping without indexing, by site name: callers index the sites in parallel.
    static std::vector<std::pair<QString, std::vector<EventSlice>>> slicesBySite(const QList<Source> &sources,
                                                                                 const SiteRule &rule = {});
    // Every log event of the case as one "site" (named `name`).
    static std::shared_ptr<const SiteEvents> combined(const QList<Source> &sources, const QString &name = {});
    static std::shared_ptr<const SiteEvents> fromSlices(const QString &name, std::vector<EventSlice> slices);

    const QString &name() const { return m_name; }
    const std::vector<EventSlice> &slices() const { return m_slices; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    int64_t minTime() const { return m_minTime; }
    int64_t maxTime() const { return m_maxTime; }
    bool hasHttp() const { return m_hasHttp; }
    bool hasSyslog() const { return m_hasSyslog; }
    // System-log lines that state no severity (no <PRI>, mnemonic or level word): the severity
    // lane counts them apart, so a system log without severities still shows its events.
    bool hasUnratedSystemLines() const { return m_hasUnrated; }
    bool hasResponseTimes() const { return m_hasResponse; }
    const QStringList &numericColumns() const { return m_numericColumns; }

    // Unified client id per event (NoClient when the event has none), and per client the time
    // and event number of its first appearance (earliest time, then lowest number).
    const std::vector<uint32_t> &clients() const { return m_clients; }
    std::size_t clientCount() const { return m_clientFirstTime.size(); }
    const std::vector<int64_t> &clientFirstTime() const { return m_clientFirstTime; }
    const std::vector<uint32_t> &clientFirstEvent() const { return m_clientFirstEvent; }

    EventRef locate(uint32_t event) const;
    // Event number of the first event of slice k.
    uint32_t sliceStart(std::size_t k) const { return uint32_t(m_sliceStart[k]); }
    // Whether the times of slice k never decrease (logs nearly always are): a time range of such a
    // slice is a run of rows found by binary search, and its bins come in order.
    bool sliceSorted(std::size_t k) const { return m_sorted[k] != 0; }
    bool allSorted() const
    {
        return std::all_of(m_sorted.begin(), m_sorted.end(), [](uint8_t s) { return s != 0; });
    }

    // Calls f(eventNumber, table, row) for every event, in numbering order.
    template <typename F> void forEach(F &&f) const
    {
        uint32_t g = 0;
        for (const EventSlice &s : m_slices) {
            const EventTable &t = *s.table;
            const std::size_t n = s.size();
            if (s.allRows) {
                for (std::size_t i = 0; i < n; ++i)
                    f(g++, t, uint32_t(i));
            } else {
                for (uint32_t r : s.rows)
                    f(g++, t, r);
            }
        }
    }

private:
    void index();

    QString m_name;
    std::vector<EventSlice> m_slices;
    std::vector<std::size_t> m_sliceStart;
    std::vector<uint8_t> m_sorted; // per slice
    std::size_t m_size = 0;
    int64_t m_minTime = 0;
    int64_t m_maxTime = 0;
    bool m_hasHttp = false;
    bool m_hasSyslog = false;
    bool m_hasUnrated = false;
    bool m_hasResponse = false;
    QStringList m_numericColumns;
    std::vector<uint32_t> m_clients;
    std::vector<int64_t> m_clientFirstTime;
    std::vector<uint32_t> m_clientFirstEvent;
};

} // namespace inquest
