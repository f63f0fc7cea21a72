#include "tableloadjob.h"

#include "support/parallel.h"

#include <QPointer>

namespace inquest::remote {

TableLoadJob::TableLoadJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<LoadOutcome>::finished, this, &TableLoadJob::finished);
}

TableLoadJob::~TableLoadJob()
{
    cancel();
    parallel::wait(m_watcher);
}

void TableLoadJob::start(const CaseData &data, const QList<Id> &ids, const ServerAccess &access, const QString &table,
                         std::size_t block)
{
    if (m_watcher.isRunning())
        return;
    m_canceller = std::make_shared<QueryCanceller>();
    QPointer<TableLoadJob> self(this);
    m_watcher.setFuture(parallel::run([chosen = withSources(data, ids), access, table, block, c = m_canceller, self] {
        LoadControl control;
        control.canceller = c;
        control.report = [self](qint64 done, qint64 total) {
            // Queued into the job's thread; a job destroyed meanwhile gets nothing.
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, total] {
                    if (self)
                        emit self->progress(done, total);
                },
                Qt::QueuedConnection);
        };
        ClickHouseClient client(access);
        LoadOutcome out;
        out.rows = loadAccessEvents(chosen, client, table, &out.error, block, control);
        out.cancelled = c->isCancelled();
        return out;
    }));
}

void TableLoadJob::cancel()
{
    if (m_canceller)
        m_canceller->cancel();
}

LoadOutcome TableLoadJob::outcome() const
{
    if (m_watcher.isRunning() || m_watcher.future().resultCount() == 0)
        return {};
    return m_watcher.result();
}

} // namespace inquest::remote
