#include "autosaver.h"

#include "casefile/autosave.h"
#include "casefile/casefile.h"
#include "model/casedocument.h"
#include "support/parallel.h"

namespace inquest {

Autosaver::Autosaver(CaseDocument *doc, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
{
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::autosaveNow);
    connect(doc, &CaseDocument::modifiedChanged, this, &Autosaver::onModifiedChanged);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_watcher.result();
        if (error.isEmpty())
            emit autosaved(m_pendingPath);
        else
            emit failed(error);
    });
    m_timer.start();
}

Autosaver::~Autosaver() { waitForIdle(); }

QString Autosaver::sidecar() const { return autosave::sidecarPath(m_doc->filePath(), m_doc->meta().caseId); }

bool Autosaver::autosaveNow()
{
    if (!m_doc->isModified() || m_watcher.isRunning())
        return false;
    m_pendingPath = sidecar();
    // The copy shares its lists with the document (implicit sharing), so it is cheap, and the
    // background write sees a consistent snapshot while the analyst goes on editing.
    CaseData snapshot = m_doc->data();
    snapshot.custody.append(m_doc->custodyForSave(m_pendingPath));
    const QString path = m_pendingPath;
    m_watcher.setFuture(parallel::run([snapshot = std::move(snapshot), path] {
        QString error;
        return casefile::write(snapshot, path, &error) ? QString() : error;
    }));
    return true;
}

void Autosaver::waitForIdle() { parallel::wait(m_watcher); }

void Autosaver::discardSidecar()
{
    waitForIdle();
    autosave::discard(m_doc->filePath(), m_doc->meta().caseId);
}

void Autosaver::onModifiedChanged(bool modified)
{
    // Saved (or back to the saved state): the sidecar is stale; remove it.
    if (!modified)
        discardSidecar();
}

} // namespace inquest
