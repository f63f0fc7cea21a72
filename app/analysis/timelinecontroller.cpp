#include "timelinecontroller.h"

#include "support/parallel.h"

#include <QFutureWatcher>
#include <QPromise>

namespace inquest {

namespace {

std::size_t eventCount(const std::vector<TimelineSource> &sources)
{
    std::size_t n = 0;
    for (const TimelineSource &s : sources)
        n += s.table->size();
    return n;
}

// Calls `done` with the future's result on `context`'s thread, unless it was canceled.
template <typename T, typename F> void whenReady(QObject *context, const QFuture<T> &future, F done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        const QFuture<T> f = watcher->future();
        done(f.isCanceled() || f.resultCount() == 0 ? std::optional<T>() : std::optional<T>(f.result()));
    });
    watcher->setFuture(future);
}

} // namespace

TimelineController::TimelineController(QObject *parent)
    : QObject(parent)
    , m_index(TimelineIndex::build({}))
    , m_rows(m_index, &m_index->entries())
{
}

TimelineController::~TimelineController()
{
    m_build.cancel();
    m_filtering.cancel();
    parallel::wait(m_build);
    parallel::wait(m_filtering);
}

void TimelineController::setSources(std::vector<TimelineSource> sources)
{
    const quint64 generation = ++m_indexGeneration;
    ++m_filterGeneration; // a filter of the old index is of no use any more
    m_build.cancel();
    m_filtering.cancel();
    if (eventCount(sources) < m_syncLimit) {
        m_index = TimelineIndex::build(std::move(sources));
        startFilter();
        return;
    }
    m_build = parallel::run(
        [](QPromise<std::shared_ptr<const TimelineIndex>> &promise, std::vector<TimelineSource> sources) {
            auto index = TimelineIndex::build(std::move(sources), [&promise] { return promise.isCanceled(); });
            if (index)
                promise.addResult(std::move(index));
        },
        std::move(sources));
    jobStarted();
    whenReady(this, m_build, [this, generation](std::optional<std::shared_ptr<const TimelineIndex>> index) {
        if (index && generation == m_indexGeneration) {
            m_index = std::move(*index);
            startFilter();
        }
        jobFinished();
    });
}

void TimelineController::setFilter(const EventFilter &filter)
{
    if (filter == m_filter && !isBusy())
        return; // the typing pause ended on the text already shown
    m_filter = filter;
    // While a merge runs, its completion applies the newest filter.
    if (!m_build.isRunning())
        startFilter();
}

void TimelineController::startFilter()
{
    const quint64 generation = ++m_filterGeneration;
    m_filtering.cancel();
    if (m_filter.isEmpty()) {
        m_rows = Rows(m_index, &m_index->entries()); // shares the index, no copy
        emit updated();
        return;
    }
    if (m_index->size() < m_syncLimit) {
        publishRows(std::move(*applyFilter(*m_index, m_filter)));
        return;
    }
    m_filtering = parallel::run(
        [](QPromise<std::vector<uint64_t>> &promise, std::shared_ptr<const TimelineIndex> index, EventFilter filter) {
            auto rows = applyFilter(*index, filter, [&promise] { return promise.isCanceled(); });
            if (rows)
                promise.addResult(std::move(*rows));
        },
        m_index, m_filter);
    jobStarted();
    whenReady(this, m_filtering, [this, generation](std::optional<std::vector<uint64_t>> rows) {
        if (rows && generation == m_filterGeneration)
            publishRows(std::move(*rows));
        jobFinished();
    });
}

void TimelineController::publishRows(std::vector<uint64_t> rows)
{
    // Keep the index alive as long as someone holds the rows that point into it.
    auto holder = std::make_shared<std::pair<std::shared_ptr<const TimelineIndex>, std::vector<uint64_t>>>(
        m_index, std::move(rows));
    m_rows = Rows(holder, &holder->second);
    emit updated();
}

void TimelineController::jobStarted()
{
    if (m_pendingJobs++ == 0)
        emit busyChanged(true);
}

void TimelineController::jobFinished()
{
    if (--m_pendingJobs == 0)
        emit busyChanged(false);
}

} // namespace inquest
