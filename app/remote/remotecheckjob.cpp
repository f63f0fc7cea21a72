#include "remotecheckjob.h"

#include "support/parallel.h"

namespace inquest::remote {

RemoteCheckJob::RemoteCheckJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<RemoteCheck>::finished, this, [this] {
        if (!m_watcher.isRunning())
            emit finished();
    });
}

RemoteCheckJob::~RemoteCheckJob()
{
    cancel();
    parallel::wait(m_watcher);
}

void RemoteCheckJob::start(const RemoteSourceRequest &request, int previewRows)
{
    cancel();
    parallel::wait(m_watcher); // a cancelled check ends at its next reply (KILL QUERY sent)
    m_canceller = std::make_shared<QueryCanceller>();
    m_watcher.setFuture(
        parallel::run([request, previewRows, c = m_canceller] { return checkRemoteSource(request, previewRows, c); }));
}

void RemoteCheckJob::cancel()
{
    if (m_canceller)
        m_canceller->cancel();
}

std::optional<RemoteCheck> RemoteCheckJob::result() const
{
    if (m_watcher.isRunning() || !m_canceller || m_canceller->isCancelled() || m_watcher.future().resultCount() == 0)
        return std::nullopt;
    return m_watcher.future().result();
}

} // namespace inquest::remote
