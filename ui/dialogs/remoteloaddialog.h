#pragma once

#include "model/kinds.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace inquest {

class CaseDocument;
namespace remote {
class TableLoadJob;
}

// Sources ▸ Load into ClickHouse…: what `inquest remote load` does, for the access logs ticked
// in the list: their events, as Inquest's readers parsed them, go into a table of the standard
// shape (remote/columnmapping) on a server, off the GUI thread (remote::TableLoadJob) with
// progress and Cancel (KILL QUERY on the block being sent). The password is asked here and kept
// nowhere. The case is read, never changed; the dialog says how many rows were loaded, or what
// went wrong and how many rows had gone in before.
class RemoteLoadDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RemoteLoadDialog(CaseDocument *doc, QWidget *parent = nullptr);
    ~RemoteLoadDialog() override;

    QLineEdit *field(const QString &name) const; // "url", "table", "user", "password"
    QListWidget *sources() const { return m_sources; }
    QLabel *message() const { return m_message; }
    QProgressBar *progress() const { return m_progress; }
    remote::TableLoadJob *job() const { return m_job; }
    QList<Id> chosenSources() const;

    // Starts the load (the Load button); false, with the reason shown, when the fields are not right.
    bool load();
    // While loading: cancels (the dialog stays until the server stopped); else closes.
    void reject() override;

signals:
    void loaded(bool ok);

private:
    void finished();

    CaseDocument *m_doc;
    remote::TableLoadJob *m_job;
    QListWidget *m_sources;
    QLineEdit *m_url, *m_table, *m_user, *m_password;
    QProgressBar *m_progress;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_load;
};

} // namespace inquest
