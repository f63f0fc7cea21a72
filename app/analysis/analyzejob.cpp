#include "analyzejob.h"

#include "model/casedocument.h"
#include "support/parallel.h"

#include <QPromise>

namespace inquest {

AnalyzeJob::AnalyzeJob(QObject *parent)
    : QObject(parent)
{
    // The value and the text as they are now (both move on while the signal is queued).
    connect(&m_watcher, &QFutureWatcher<DetectorOutput>::progressValueChanged, this,
            [this](int) { emit progressChanged(m_watcher.progressValue(), m_watcher.progressText()); });
    connect(&m_watcher, &QFutureWatcher<DetectorOutput>::finished, this, &AnalyzeJob::finished);
}

AnalyzeJob::~AnalyzeJob()
{
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        waitForFinished();
    }
}

void AnalyzeJob::start(CaseData snapshot, std::vector<remote::SourceAccess> remotes)
{
    m_cancelled = false;
    m_canceller = std::make_shared<remote::QueryCanceller>();
    m_error = std::make_shared<QString>();
    m_watcher.setFuture(parallel::run([data = std::move(snapshot), remotes = std::move(remotes), c = m_canceller,
                                       error = m_error](QPromise<DetectorOutput> &promise) {
        promise.setProgressRange(0, 1000);
        std::optional<DetectorOutput> out =
            runDetectors(data, [&promise](int step, int steps, const QString &detector) {
                promise.setProgressValueAndText(step * 1000 / steps,
                                                detector.isEmpty() ? tr("building site bins") : detector);
                return !promise.isCanceled();
            });
        if (!out || promise.isCanceled())
            return;
        if (!remotes.empty()) {
            promise.setProgressValueAndText(990, tr("incident window with the remote sources"));
            if (!remote::addRemoteIncidents(data, remotes, *out, error.get(), c))
                return;
        }
        promise.addResult(std::move(*out));
        promise.setProgressValue(1000);
    }));
}

QString AnalyzeJob::error() const
{
    if (m_watcher.isRunning() || !m_error)
        return {};
    return *m_error;
}

void AnalyzeJob::cancel()
{
    m_cancelled = true;
    if (m_canceller)
        m_canceller->cancel();
    m_watcher.cancel();
}

std::optional<DetectorOutput> AnalyzeJob::output() const
{
    if (m_watcher.isRunning() || wasCancelled() || m_watcher.future().resultCount() == 0)
        return std::nullopt;
    return m_watcher.future().result();
}

std::optional<DetectorRunSummary> AnalyzeJob::applyTo(CaseDocument &doc, bool accept) const
{
    const std::optional<DetectorOutput> out = output();
    if (!out)
        return std::nullopt;
    const DetectorRunSummary summary = applyDetectorOutput(doc, *out, accept);
    if (!out->remoteResults.isEmpty())
        doc.appendRemoteResults(out->remoteResults);
    recordDetectorRun(doc, summary, accept);
    return summary;
}

} // namespace inquest
