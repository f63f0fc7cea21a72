#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace inquest {

class CaseDocument;
class RecentFiles;

// New / Open / Save / Save As / close for the one open case, with the questions a user is
// asked along the way. The dialogs are injectable so tests can answer them.
class DocumentController : public QObject
{
    Q_OBJECT
public:
    enum class SaveAnswer { Save, Discard, Cancel };

    DocumentController(CaseDocument *doc, RecentFiles *recent, QWidget *window);

    bool newCase();
    bool open(const QString &path = {});
    bool save();
    bool saveAs(const QString &path = {});
    // Before closing or replacing the case: asks to save unsaved changes. False = stay.
    bool maybeSave();
    // At start-up: offers the newest autosave of a never-saved case that a crash left behind.
    bool offerOrphanRecovery();

    // Test hooks: what to answer instead of showing a dialog.
    std::function<SaveAnswer()> askSave;
    std::function<QString(bool forSave)> askPath;
    std::function<void(const QString &)> showError;
    std::function<bool(const QString &sidecar)> askRecover;

signals:
    void statusMessage(const QString &message);

private:
    bool recover(const QString &sidecar, const QString &casePath);

    CaseDocument *m_doc;
    RecentFiles *m_recent;
    QWidget *m_window;
};

} // namespace inquest
