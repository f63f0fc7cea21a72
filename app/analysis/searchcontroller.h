#pragma once

#include "eventsearch.h"
#include "timelinecontroller.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace inquest {

// Runs the timeline's raw-line search (analysis/eventsearch) over the rows the filter shows.
// Big timelines are searched on the thread pool; a new search (the next keystroke, a new
// filter) cancels the one under way, and results arrive on the controller's thread.
class SearchController : public QObject
{
    Q_OBJECT
public:
    using Hits = std::shared_ptr<const std::vector<std::size_t>>;

    explicit SearchController(QObject *parent = nullptr);
    ~SearchController() override;

    // Searches `rows` (entries of `index`) for `pattern`; an empty pattern clears the hits.
    void search(std::shared_ptr<const TimelineIndex> index, TimelineController::Rows rows, const QString &pattern);

    // Positions in the searched rows whose raw line matches, ascending.
    const Hits &hits() const { return m_hits; }
    // Why the pattern is not a regular expression; empty when it is.
    const QString &error() const { return m_error; }
    // Sources whose files could not be read, as "name: why" lines; empty when all were.
    const QStringList &unreadable() const { return m_unreadable; }
    bool isBusy() const { return m_running.isRunning(); }
    // Fewer rows than this are searched at once on the calling thread.
    void setSynchronousLimit(std::size_t rows) { m_syncLimit = rows; }

signals:
    // hits(), error() or unreadable() changed (or a search started: busy).
    void updated();

private:
    void publish(const TimelineIndex &index, const EventSearchResult &result);

    Hits m_hits;
    QString m_error;
    QStringList m_unreadable;
    std::size_t m_syncLimit = 20'000;
    quint64 m_generation = 0;
    QFuture<EventSearchResult> m_running;
};

} // namespace inquest
