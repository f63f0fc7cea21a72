#pragma once

#include "detectors/detectorrun.h"

#include "remote/remoteanalysis.h"

#include "support/tsanhooks.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

namespace inquest {

// Runs the standard detectors off the GUI thread (the same detectors, in the same order, as
// `inquest analyze`) over a snapshot of the case, with progress per detector and cancel. The
// case is not touched while it runs: applyTo() adds the run's suggestions and markers as one
// undo step once it has finished, so a cancelled run leaves the case exactly as it was.
class AnalyzeJob : public QObject
{
    Q_OBJECT
public:
    explicit AnalyzeJob(QObject *parent = nullptr);
    ~AnalyzeJob() override;

    // Starts a run over `snapshot` (a copy of the case; the event tables are shared, not copied)
    // and its remote sources as `remotes` reach them (remote::addRemoteIncidents, as the CLI).
    void start(CaseData snapshot, std::vector<remote::SourceAccess> remotes = {});
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    bool wasCancelled() const { return m_cancelled || m_watcher.isCanceled(); }
    // The finished run's output; empty while running or when cancelled.
    std::optional<DetectorOutput> output() const;
    // Why the finished run has no output although it was not cancelled (a remote source failed).
    QString error() const;
    // Applies the finished run (applyDetectorOutput) and writes its custody row; empty, with the
    // case unchanged, when the run was cancelled or has not finished.
    std::optional<DetectorRunSummary> applyTo(CaseDocument &doc, bool accept = false) const;
    // Blocks until done (tests).
    void waitForFinished()
    {
        m_watcher.waitForFinished();
        tsan::takeOver();
    }

signals:
    // permille of the run; step names the detector at work ("building site bins" first).
    void progressChanged(int permille, const QString &step);
    void finished();

private:
    QFutureWatcher<DetectorOutput> m_watcher;
    bool m_cancelled = false;
    std::shared_ptr<remote::QueryCanceller> m_canceller;
    std::shared_ptr<QString> m_error; // written by the run, read once it has finished
};

} // namespace inquest
