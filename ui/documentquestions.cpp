#include "documentcontroller.h"

#include "casefile/casefile.h"
#include "model/casedocument.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace inquest {

// The questions the controller asks, as dialogs; tests replace them with answers.
void DocumentController::installQuestions()
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
        // A new case is offered its title as the file name, not the bare folder.
        QString path = QFileDialog::getSaveFileName(m_window, tr("Save case as"), suggestedSavePath(), filter);
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".inquest");
        return path;
    };
    showError = [this](const QString &message) { QMessageBox::critical(m_window, tr("Inquest"), message); };
    askRecover = [this](const QString &sidecar) {
        return QMessageBox::question(m_window, tr("Recover unsaved work"), recoveryQuestion(sidecar),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    };
    askOpenReadOnly = [this](const QString &why) {
        return QMessageBox::question(m_window, tr("Case in use"),
                                     tr("%1\n\nOpen it read-only? You can look and edit, but only Save As keeps "
                                        "your changes (in another file).")
                                         .arg(why),
                                     QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open) == QMessageBox::Open;
    };
    askChangedOnDisk = [this](const QString &why) {
        QMessageBox box(QMessageBox::Warning, tr("Case changed on disk"), why, QMessageBox::NoButton, m_window);
        box.setInformativeText(m_doc->isModified()
                                   ? tr("Reload drops your unsaved changes here. Keep Mine saves them as a new file.")
                                   : tr("Reload shows the changed file. Keep Mine saves this version as a new file."));
        QPushButton *reload = box.addButton(tr("&Reload"), QMessageBox::AcceptRole);
        QPushButton *keep = box.addButton(tr("&Keep Mine as New File\u2026"), QMessageBox::ActionRole);
        box.addButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == reload ? ChangedAnswer::Reload
               : box.clickedButton() == keep ? ChangedAnswer::KeepMineAsNew
                                             : ChangedAnswer::Cancel;
    };
    askSaveBeforeReport = [this] {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        tr("The case has unsaved changes. Save before exporting, so the report cites the saved "
                           "file?"),
                        QMessageBox::Save | QMessageBox::Cancel, m_window);
        QPushButton *unsaved = box.addButton(tr("Export &Unsaved"), QMessageBox::DestructiveRole);
        box.setInformativeText(tr("Exported unsaved, the report says so and cites the hash of the state it shows."));
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        return box.clickedButton() == unsaved ? SaveAnswer::Discard
               : answer == QMessageBox::Save  ? SaveAnswer::Save
                                              : SaveAnswer::Cancel;
    };
}

QString DocumentController::caseFileName(const QString &title)
{
    // Letters, digits, spaces, dots, dashes and underscores stay; anything else (slashes, colons,
    // quotes) becomes a dash, so the name is a file name on every system.
    QString name;
    for (const QChar c : title.simplified()) {
        const bool keep = c.isLetterOrNumber() || c == u' ' || c == u'-' || c == u'_' || c == u'.';
        if (keep)
            name += c;
        else if (!name.endsWith(u'-'))
            name += u'-';
    }
    while (name.startsWith(u'.') || name.startsWith(u'-') || name.startsWith(u' '))
        name.remove(0, 1);
    name = name.left(80).trimmed();
    while (name.endsWith(u'-') || name.endsWith(u'.'))
        name.chop(1);
    return (name.isEmpty() ? tr("case") : name) + QStringLiteral(".inquest");
}

QString DocumentController::suggestedSavePath() const
{
    const QString dir = m_doc->filePath().isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                            : QFileInfo(m_doc->filePath()).absolutePath();
    const QString name =
        m_doc->filePath().isEmpty() ? caseFileName(m_doc->meta().title) : QFileInfo(m_doc->filePath()).fileName();
    return QDir(dir).filePath(name);
}

QString DocumentController::recoveryQuestion(const QString &sidecar)
{
    // The autosave is a case file: its title names the case the work belongs to.
    QString error;
    const auto data = casefile::read(sidecar, &error);
    const QString title = data && !data->meta.title.isEmpty() ? data->meta.title : tr("untitled");
    const QString suffix = QStringLiteral(".autosave");
    const QString casePath = sidecar.endsWith(suffix) ? sidecar.chopped(suffix.size()) : QString();
    const QString where = !casePath.isEmpty() && QFileInfo::exists(casePath)
                              ? tr("the case \u201c%1\u201d (%2)").arg(title, QDir::toNativeSeparators(casePath))
                              : tr("the case \u201c%1\u201d (never saved)").arg(title);
    return tr("Inquest found unsaved work on %1, autosaved %2, that was not saved before the program ended.\n\n"
              "Recover it? (Choosing No deletes it.)")
        .arg(where, QFileInfo(sidecar).lastModified().toString(Qt::TextDate));
}

} // namespace inquest
