#include "documentcontroller.h"
#include "recentfiles.h"

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
}

bool DocumentController::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    switch (askSave()) {
    case SaveAnswer::Save: return save();
    case SaveAnswer::Discard: return true;
    case SaveAnswer::Cancel: return false;
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
