#pragma once

#include "eventfilter.h"
#include "timelineindex.h"

#include <QFuture>
#include <QObject>

#include <memory>
#include <vector>

namespace inquest {

// Keeps the merged timeline of a case and the rows its filter lets through. Merging and
// filtering big timelines run on the thread pool; a newer request supersedes (and cancels)
// an older one, and results arrive on the controller's thread.
class TimelineController : public QObject
{
    Q_OBJECT
public:
    using Rows = std::shared_ptr<const std::vector<uint64_t>>;

    explicit TimelineController(QObject *parent = nullptr);
    ~TimelineController() override;

    void setSources(std::vector<TimelineSource> sources);
    void setFilter(const EventFilter &filter);

    const std::shared_ptr<const TimelineIndex> &index() const { return m_index; }
    // The filtered rows, a time-ordered subset of index()->entries().
    const Rows &rows() const { return m_rows; }
    const EventFilter &filter() const { return m_filter; }
    bool isBusy() const { return m_pendingJobs > 0; }
    // Timelines with fewer events are merged and filtered at once on the calling thread.
    void setSynchronousLimit(std::size_t events) { m_syncLimit = events; }

signals:
    // index() and/or rows() were replaced.
    void updated();
    void busyChanged(bool busy);

private:
    void startFilter();
    void jobStarted();
    void jobFinished();
    void publishRows(std::vector<uint64_t> rows);

    std::shared_ptr<const TimelineIndex> m_index;
    Rows m_rows;
    EventFilter m_filter;
    std::size_t m_syncLimit = 200'000;
    quint64 m_indexGeneration = 0;
    quint64 m_filterGeneration = 0;
    int m_pendingJobs = 0;
    QFuture<std::shared_ptr<const TimelineIndex>> m_build;
    QFuture<std::vector<uint64_t>> m_filtering;
};

} // namespace inquest
