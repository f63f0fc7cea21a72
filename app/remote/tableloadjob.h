#pragma once

#include "tableloader.h"

#include "support/tsanhooks.h"

#include <QFutureWatcher>
#include <QObject>

namespace inquest::remote {

// What a load did: the rows sent, or the error (a failure part way says how many rows were
// loaded before it; those stay in the table).
struct LoadOutcome
{
    qint64 rows = -1;
    QString error;
    bool cancelled = false;
    bool ok() const { return rows >= 0; }
};

// Runs loadAccessEvents off the GUI thread (the Load into ClickHouse dialog), with progress
// and cancel; the case is only read, never changed.
class TableLoadJob : public QObject
{
    Q_OBJECT
public:
    explicit TableLoadJob(QObject *parent = nullptr);
    ~TableLoadJob() override;

    // Loads the sources `ids` of `data` (all when empty) into `table` at `access`.
    void start(const CaseData &data, const QList<Id> &ids, const ServerAccess &access, const QString &table,
               std::size_t block = 100'000);
    // Stops the block being sent (KILL QUERY) and sends no more.
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    LoadOutcome outcome() const;
    void waitForFinished()
    {
        m_watcher.waitForFinished();
        tsan::takeOver();
    }

signals:
    void progress(qint64 done, qint64 total);
    void finished();

private:
    QFutureWatcher<LoadOutcome> m_watcher;
    std::shared_ptr<QueryCanceller> m_canceller;
};

} // namespace inquest::remote
