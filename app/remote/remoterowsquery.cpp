#include "remoterowsquery.h"

#include "remotesources.h"

#include "support/parallel.h"

namespace inquest::remote {

QList<RemoteResult> RemoteRowsPage::results() const
{
    QList<RemoteResult> out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        for (const QueryRun &run : pages[i].runs) {
            if (run.ok())
                out.append(provenance(sources[i], run, sources[i].serverVersion));
        }
    }
    return out;
}

RemoteRowsPage fetchRemoteRows(const std::vector<SourceAccess> &sources, const EventFilter &filter, qint64 offset,
                               qint64 limit, const std::shared_ptr<QueryCanceller> &canceller)
{
    RemoteRowsPage out;
    out.filter = filter;
    out.offset = offset;
    out.limit = limit;
    std::vector<const SourceAccess *> asked;
    const QString gap = remoteFilterGap(filter);
    for (const SourceAccess &s : sources) {
        if (!filter.sources.isEmpty() && !filter.sources.contains(s.source.id))
            continue;
        if (!gap.isEmpty()) {
            out.errors << QStringLiteral("remote source #%1 \"%2\" left out: it cannot be asked %3")
                              .arg(s.source.id)
                              .arg(s.source.name, gap);
            continue;
        }
        asked.push_back(&s);
    }
    const bool single = asked.size() == 1;
    for (const SourceAccess *s : asked) {
        RemoteEventPage page =
            fetchRemoteEvents(*s, filter, QString(), single ? offset : 0, single ? limit : offset + limit, canceller);
        if (page.cancelled) {
            out.cancelled = true;
            return out;
        }
        if (!page.ok())
            out.errors << page.error;
        out.total += page.total;
        out.sources.push_back(s->source);
        out.pages.push_back(std::move(page));
    }
    // Merged by time; the sources in the case's order on equal times.
    std::vector<std::size_t> next(out.pages.size(), 0);
    const qint64 skip = single ? 0 : offset;
    for (qint64 n = 0; n < skip + limit; ++n) {
        const RemoteEvent *best = nullptr;
        std::size_t from = 0;
        for (std::size_t p = 0; p < out.pages.size(); ++p) {
            const auto &events = out.pages[p].events;
            if (next[p] < events.size() && (!best || events[next[p]].timeUs < best->timeUs)) {
                best = &events[next[p]];
                from = p;
            }
        }
        if (!best)
            break;
        ++next[from];
        if (n >= skip)
            out.rows.push_back({from, next[from] - 1});
    }
    return out;
}

RemoteRowsQuery::RemoteRowsQuery(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<RemoteRowsPage>::finished, this, &RemoteRowsQuery::done);
}

RemoteRowsQuery::~RemoteRowsQuery()
{
    cancel();
    parallel::wait(m_watcher);
}

void RemoteRowsQuery::cancel()
{
    m_next.reset();
    if (m_canceller)
        m_canceller->cancel();
}

void RemoteRowsQuery::setSources(std::vector<SourceAccess> sources)
{
    cancel();
    m_sources = std::move(sources);
    m_latest.reset();
}

void RemoteRowsQuery::ask(const EventFilter &filter, qint64 offset, qint64 limit)
{
    if (m_sources.empty())
        return;
    const Question q{filter, offset, limit};
    if (m_watcher.isRunning()) {
        m_next = q;
        m_canceller->cancel();
        return;
    }
    start(q);
}

void RemoteRowsQuery::start(const Question &q)
{
    m_canceller = std::make_shared<QueryCanceller>();
    m_busy = true;
    m_watcher.setFuture(parallel::run([sources = m_sources, q, c = m_canceller] {
        return fetchRemoteRows(sources, q.filter, q.offset, q.limit, c);
    }));
}

void RemoteRowsQuery::done()
{
    m_busy = m_next.has_value();
    if (m_watcher.future().resultCount() > 0) {
        RemoteRowsPage result = m_watcher.result();
        if (!result.cancelled && !m_next) {
            m_latest = std::move(result);
            emit answered();
        }
    }
    if (auto next = std::exchange(m_next, std::nullopt))
        start(*next);
}

} // namespace inquest::remote
