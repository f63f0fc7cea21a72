#include "searchcontroller.h"

#include "support/parallel.h"

#include <QFutureWatcher>
#include <QPromise>

namespace inquest {

SearchController::SearchController(QObject *parent)
    : QObject(parent)
    , m_hits(std::make_shared<std::vector<std::size_t>>())
{
}

SearchController::~SearchController()
{
    m_running.cancel();
    parallel::wait(m_running);
}

void SearchController::search(std::shared_ptr<const TimelineIndex> index, TimelineController::Rows rows,
                              const QString &pattern)
{
    const quint64 generation = ++m_generation;
    m_running.cancel();
    m_error.clear();
    m_unreadable.clear();
    m_hits = std::make_shared<std::vector<std::size_t>>();
    std::optional<LinePattern> compiled;
    if (!pattern.isEmpty())
        compiled = LinePattern::compile(pattern, &m_error);
    if (!compiled || rows->empty()) {
        emit updated();
        return;
    }
    if (rows->size() < m_syncLimit) {
        publish(*index, *searchRawLines(*index, *rows, *compiled));
        return;
    }
    m_running = parallel::run(
        [](QPromise<EventSearchResult> &promise, std::shared_ptr<const TimelineIndex> index,
           TimelineController::Rows rows, LinePattern pattern) {
            auto result = searchRawLines(*index, *rows, pattern, [&promise] { return promise.isCanceled(); });
            if (result)
                promise.addResult(std::move(*result));
        },
        index, rows, *compiled);
    auto *watcher = new QFutureWatcher<EventSearchResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, index] {
        watcher->deleteLater();
        const QFuture<EventSearchResult> f = watcher->future();
        if (generation == m_generation && !f.isCanceled() && f.resultCount() > 0)
            publish(*index, f.result());
    });
    watcher->setFuture(m_running);
    emit updated(); // busy
}

void SearchController::publish(const TimelineIndex &index, const EventSearchResult &result)
{
    m_hits = std::make_shared<std::vector<std::size_t>>(result.hits);
    for (const UnreadableSource &u : result.unreadable)
        m_unreadable.append(index.sources()[u.source].name + QStringLiteral(": ") + u.message);
    emit updated();
}

} // namespace inquest
