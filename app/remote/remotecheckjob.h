#pragma once

#include "remotecheck.h"

#include "support/tsanhooks.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace inquest::remote {

// Runs checkRemoteSource off the GUI thread (the Connect dialog's "Test connection" and OK).
// A new start() or cancel() stops the running check on the server (KILL QUERY); the case is
// never touched here: addCheckedSource does that with the result.
class RemoteCheckJob : public QObject
{
    Q_OBJECT
public:
    explicit RemoteCheckJob(QObject *parent = nullptr);
    ~RemoteCheckJob() override;

    void start(const RemoteSourceRequest &request, int previewRows = 10);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    // The finished check; empty while running, after a cancel or before the first run.
    std::optional<RemoteCheck> result() const;
    // Blocks until done (tests).
    void waitForFinished()
    {
        m_watcher.waitForFinished();
        tsan::takeOver();
    }

signals:
    void finished();

private:
    QFutureWatcher<RemoteCheck> m_watcher;
    std::shared_ptr<QueryCanceller> m_canceller;
};

} // namespace inquest::remote
