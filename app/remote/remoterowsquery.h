#pragma once

#include "remoteevents.h"

#include "support/tsanhooks.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace inquest::remote {

// One page of the rows of every remote source that pass a filter, merged by time: what the
// timeline's remote rows show for a chart bin or a filter.
struct RemoteRowsPage
{
    EventFilter filter;
    qint64 offset = 0, limit = 0;
    std::vector<RemoteSource> sources;  // asked, in the case's order
    std::vector<RemoteEventPage> pages; // of each source
    struct Row
    {
        std::size_t page = 0, at = 0; // pages[page].events[at]
    };
    std::vector<Row> rows; // the page, in time order
    qint64 total = 0;      // rows that pass, over every source that answered
    QStringList errors;    // sources that failed or were left out, and why
    bool cancelled = false;

    const RemoteEvent &event(std::size_t i) const { return pages[rows[i].page].events[rows[i].at]; }
    const RemoteEventPage &pageOf(std::size_t i) const { return pages[rows[i].page]; }
    // The provenance of every query that answered.
    QList<RemoteResult> results() const;
};

// Asks each source `filter` selects for rows [offset, offset + limit) of the merged list (a single
// source cuts the page on the server; several send their first offset + limit rows each).
// Blocks; off the GUI thread.
RemoteRowsPage fetchRemoteRows(const std::vector<SourceAccess> &sources, const EventFilter &filter, qint64 offset,
                               qint64 limit, const std::shared_ptr<QueryCanceller> &canceller = {});

// fetchRemoteRows off the GUI thread, one page at a time: a newer question cancels an older one
// still running (KILL QUERY) and is asked once that has stopped.
class RemoteRowsQuery : public QObject
{
    Q_OBJECT
public:
    explicit RemoteRowsQuery(QObject *parent = nullptr);
    ~RemoteRowsQuery() override;

    void setSources(std::vector<SourceAccess> sources);
    bool hasSources() const { return !m_sources.empty(); }
    void ask(const EventFilter &filter, qint64 offset, qint64 limit);
    void cancel();
    bool isBusy() const { return m_busy; }
    const std::optional<RemoteRowsPage> &latest() const { return m_latest; }
    void waitForFinished()
    {
        m_watcher.waitForFinished();
        tsan::takeOver();
    }

signals:
    void answered();

private:
    struct Question
    {
        EventFilter filter;
        qint64 offset = 0, limit = 0;
    };
    void start(const Question &q);
    void done();

    std::vector<SourceAccess> m_sources;
    QFutureWatcher<RemoteRowsPage> m_watcher;
    std::shared_ptr<QueryCanceller> m_canceller;
    std::optional<Question> m_next;
    std::optional<RemoteRowsPage> m_latest;
    bool m_busy = false;
};

} // namespace inquest::remote
