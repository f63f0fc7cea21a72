#pragma once

#include <QMutex>
#include <QPointer>

namespace inquest::remote {

class ClickHouseClient;

// Cancels the queries of work on another thread: the thread attaches each client while its query
// runs; cancel() (from any thread) marks the work cancelled and asks the attached client, queued
// into its thread, to stop, which sends KILL QUERY. Queries started after a cancel do not run.
class QueryCanceller
{
public:
    void cancel();
    bool isCancelled() const;
    // While a query of `client` runs (the client lives in the calling thread).
    void attach(ClickHouseClient *client);
    void detach();

private:
    mutable QMutex m_mutex;
    QPointer<ClickHouseClient> m_client;
    bool m_cancelled = false;
};

} // namespace inquest::remote
