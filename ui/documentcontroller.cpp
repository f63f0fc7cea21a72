#include "documentcontroller.h"
#include "recentfiles.h"

#include "casefile/autosave.h"
#include "casefile/casefile.h"
#include "model/casedocument.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

namespace inquest {

DocumentController::DocumentController(CaseDocument *doc, RecentFiles *recent, QWidget *window)
    : QObject(window)
    , m_doc(doc)
    , m_recent(recent)
    , m_window(window)
{
    askSave = [this] {
        const auto answer = QMessageBox::warning(
            m_window, tr("Unsaved changes"),
            tr("The case \u201c%1\u201d has unsaved changes. Save them?").arg(m_doc->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? SaveAnswer::Save
               : answer == QMessageBox::Discard ? SaveAnswer::Discard
                                                : SaveAnswer::Cancel;
    };
    askPath = [this](bool forSave) {
        const QString filter = tr("Inquest cases (*.inquest)");
        const QString dir = m_doc->filePath().isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                : QFileInfo(m_doc->filePath()).absolutePath();
        if (!forSave)
            return QFileDialog::getOpenFileName(m_window, tr("Open case"), dir, filter);
        QString path = QFileDialog::getSaveFileName(m_window, tr("Save case as"), dir, filter);
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".inquest");
        return path;
    };
    showError = [this](const QString &message) { QMessageBox::critical(m_window, tr("Inquest"), message); };
    askRecover = [this](const QString &sidecar) {
        return QMessageBox::question(
                   m_window, tr("Recover unsaved work"),
                   tr("Inquest found unsaved work from %1 that was not saved before the program ended.\n\n"
                      "Recover it? (Choosing No deletes it.)")
                       .arg(QFileInfo(sidecar).lastModified().toString(Qt::TextDate)),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    };
}

bool DocumentController::recover(const QString &sidecar, const QString &casePath)
{
    QString error;
    auto data = casefile::read(sidecar, &error);
    if (!data) {
        showError(tr("The autosaved work cannot be read and was left in place:\n%1").arg(error));
        return false;
    }
    custody::append(data->custody, QStringLiteral("recover"),
                    QStringLiteral("unsaved work recovered from %1").arg(sidecar));
    m_doc->reset(std::move(*data), casePath, true);
    emit statusMessage(tr("Recovered unsaved work; save the case to keep it"));
    return true;
}

bool DocumentController::offerOrphanRecovery()
{
    const QStringList orphans = autosave::orphanedSidecars();
    if (orphans.isEmpty())
        return false;
    if (!askRecover(orphans.first())) {
        QFile::remove(orphans.first());
        return false;
    }
    return recover(orphans.first(), QString());
}

bool DocumentController::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    switch (askSave()) {
    case SaveAnswer::Save:
        return save();
    case SaveAnswer::Discard:
        autosave::discard(m_doc->filePath(), m_doc->meta().caseId);
        return true;
    case SaveAnswer::Cancel:
        return false;
    }
    return false;
}

bool DocumentController::newCase()
{
    if (!maybeSave())
        return false;
    m_doc->reset(CaseData::create(tr("Untitled case")));
    emit statusMessage(tr("New case"));
    return true;
}

bool DocumentController::open(const QString &requested)
{
    if (!maybeSave())
        return false;
    const QString path = requested.isEmpty() ? askPath(false) : requested;
    if (path.isEmpty())
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (autosave::hasNewerSidecar(absolute, {})) {
        const QString sidecar = autosave::sidecarPath(absolute, {});
        if (askRecover(sidecar)) {
            if (recover(sidecar, absolute)) {
                m_recent->add(path);
                return true;
            }
            return false;
        }
        QFile::remove(sidecar);
    }
    QString error;
    if (!casefile::open(*m_doc, path, &error)) {
        showError(error);
        return false;
    }
    m_recent->add(path);
    emit statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool DocumentController::save()
{
    if (m_doc->filePath().isEmpty())
        return saveAs();
    return saveAs(m_doc->filePath());
}

bool DocumentController::saveAs(const QString &requested)
{
    const QString path = requested.isEmpty() ? askPath(true) : requested;
    if (path.isEmpty())
        return false;
    QString error;
    if (!casefile::save(*m_doc, path, &error)) {
        showError(error);
        return false;
    }
    m_recent->add(path);
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace inquest
