#include "querycanceller.h"

#include "clickhouseclient.h"

namespace inquest::remote {

void QueryCanceller::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelled = true;
    if (m_client) // runs in the client's thread, inside the event loop of its running query
        QMetaObject::invokeMethod(m_client.data(), &ClickHouseClient::cancel, Qt::QueuedConnection);
}

bool QueryCanceller::isCancelled() const
{
    QMutexLocker lock(&m_mutex);
    return m_cancelled;
}

void QueryCanceller::attach(ClickHouseClient *client)
{
    QMutexLocker lock(&m_mutex);
    m_client = client;
}

void QueryCanceller::detach()
{
    QMutexLocker lock(&m_mutex);
    m_client = nullptr;
}

} // namespace inquest::remote
