#include "remotechartquery.h"

#include "support/parallel.h"

namespace inquest::remote {

RemoteChartQuery::RemoteChartQuery(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<RemoteChartBins>::finished, this, &RemoteChartQuery::done);
}

RemoteChartQuery::~RemoteChartQuery()
{
    cancel();
    parallel::wait(m_watcher);
}

void RemoteChartQuery::cancel()
{
    m_next.reset();
    if (m_canceller)
        m_canceller->cancel();
}

void RemoteChartQuery::setSources(std::vector<SourceAccess> sources, SiteRule rule)
{
    cancel(); // an answer from the sources before (another case, other names) is not shown
    m_sources = std::move(sources);
    m_rule = std::move(rule);
    m_latest.reset();
}

void RemoteChartQuery::ask(const ChartViewKey &key)
{
    if (m_sources.empty())
        return;
    if (m_latest && m_latest->key == key && !m_watcher.isRunning())
        return;
    if (m_watcher.isRunning()) {
        m_next = key;
        m_canceller->cancel();
        return;
    }
    start(key);
}

void RemoteChartQuery::start(const ChartViewKey &key)
{
    m_canceller = std::make_shared<QueryCanceller>();
    m_busy = true;
    m_watcher.setFuture(parallel::run(
        [sources = m_sources, key, c = m_canceller, rule = m_rule] { return fetchChartBins(sources, key, c, rule); }));
}

void RemoteChartQuery::done()
{
    m_busy = m_next.has_value();
    if (m_watcher.future().resultCount() > 0) {
        RemoteChartBins result = m_watcher.result();
        if (!result.cancelled && !m_next) {
            m_latest = std::move(result);
            emit answered();
        }
    }
    if (auto next = std::exchange(m_next, std::nullopt))
        start(*next);
}

} // namespace inquest::remote
