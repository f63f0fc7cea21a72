#pragma once

#include "casefile/caselock.h"
#include "model/diskidentity.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QWidget;

namespace inquest {

class CaseDocument;
class RecentFiles;

// New / Open / Save / Save As / close for the one open case, with the questions a user is
// asked along the way. The dialogs are injectable so tests can answer them.
//
// While a case is open for editing the controller holds its writer lock (the CLI's writers are
// refused or wait); when another program holds it, the case opens read-only (Save refused,
// Save As allowed). It watches the file: a change by someone else is announced, and a save
// never replaces a file that is no longer the one this case was read from.
class DocumentController : public QObject
{
    Q_OBJECT
public:
    enum class SaveAnswer { Save, Discard, Cancel };
    enum class ChangedAnswer { Reload, KeepMineAsNew, Cancel };

    // What Export Findings describes: the saved file, or the open case with unsaved changes.
    struct ReportSubject
    {
        bool proceed = false;
        QString casePath;
        bool unsavedChanges = false;
        QString stateSha256; // with unsavedChanges: the open case as a case file would hold it
    };

    DocumentController(CaseDocument *doc, RecentFiles *recent, QWidget *window);
    ~DocumentController() override;

    bool newCase();
    bool open(const QString &path = {});
    bool save();
    bool saveAs(const QString &path = {});
    // Reads the case file again, dropping the changes made here.
    bool reload();
    bool isReadOnly() const { return m_readOnly; }
    // Before a report: asks to save unsaved changes; if the analyst declines, the report is to
    // say "unsaved changes" and cite the hash of the state it shows.
    ReportSubject prepareReport();
    // Before closing or replacing the case: asks to save unsaved changes. False = stay.
    bool maybeSave();
    // At start-up: offers the newest autosave of a never-saved case that a crash left behind.
    bool offerOrphanRecovery();

    // Test hooks: what to answer instead of showing a dialog.
    // The file name Save As offers a case titled `title` ("EU outage 12/12" → "EU outage 12-12.inquest").
    static QString caseFileName(const QString &title);
    // Where Save As starts: beside the case file, else the Documents folder, named for the case.
    QString suggestedSavePath() const;
    // The recovery question, naming the case (title, file) the autosaved work belongs to.
    static QString recoveryQuestion(const QString &sidecar);

    std::function<SaveAnswer()> askSave;
    std::function<QString(bool forSave)> askPath;
    std::function<void(const QString &)> showError;
    std::function<bool(const QString &sidecar)> askRecover;
    std::function<bool(const QString &why)> askOpenReadOnly;
    std::function<ChangedAnswer(const QString &why)> askChangedOnDisk;
    std::function<SaveAnswer()> askSaveBeforeReport;

signals:
    void statusMessage(const QString &message);
    void readOnlyChanged(bool readOnly);

private:
    void installQuestions(); // documentquestions.cpp
    bool recover(const QString &sidecar, const QString &casePath);
    void setReadOnly(bool readOnly);
    void watch(const QString &path);
    void checkDisk();
    bool resolveChange(const QString &why);
    QString lockFor(const QString &absolutePath, std::unique_ptr<casefile::CaseLock> *lock, bool *held);

    CaseDocument *m_doc;
    RecentFiles *m_recent;
    QWidget *m_window;
    std::unique_ptr<casefile::CaseLock> m_lock;
    bool m_readOnly = false;
    QString m_readOnlyWhy;
    QFileSystemWatcher m_watcher;
    bool m_asking = false;
    std::optional<DiskIdentity> m_announced; // the changed file already announced (Cancel)
};

} // namespace inquest
