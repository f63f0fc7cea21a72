#pragma once

#include "remotechartbins.h"

#include "support/tsanhooks.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace inquest::remote {

// The chart's questions to its remote sources, off the GUI thread: one view at a time. A newer
// view cancels an older one still running (KILL QUERY on the server) and is asked once that has
// stopped; answered() reports each view that finished uncancelled.
class RemoteChartQuery : public QObject
{
    Q_OBJECT
public:
    explicit RemoteChartQuery(QObject *parent = nullptr);
    ~RemoteChartQuery() override;

    // The sources to ask, and the case's site names (renames and merges) their sites take.
    void setSources(std::vector<SourceAccess> sources, SiteRule rule = {});
    bool hasSources() const { return !m_sources.empty(); }
    void ask(const ChartViewKey &key);
    // Stops the running view's queries (KILL QUERY) and drops a waiting one.
    void cancel();
    bool isBusy() const { return m_busy; } // until the answer is handled (the future ends before its signal)
    // The last view answered (its key says which).
    const std::optional<RemoteChartBins> &latest() const { return m_latest; }
    void waitForFinished()
    {
        m_watcher.waitForFinished();
        tsan::takeOver();
    }

signals:
    void answered();

private:
    void start(const ChartViewKey &key);
    void done();

    std::vector<SourceAccess> m_sources;
    SiteRule m_rule;
    QFutureWatcher<RemoteChartBins> m_watcher;
    std::shared_ptr<QueryCanceller> m_canceller;
    std::optional<ChartViewKey> m_next;
    std::optional<RemoteChartBins> m_latest;
    bool m_busy = false;
};

} // namespace inquest::remote
