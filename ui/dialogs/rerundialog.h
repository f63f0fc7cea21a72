#pragma once

#include "remote/remotererun.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace inquest {

class CaseDocument;

// Sources ▸ Re-run remote queries…: asks each kept query of the case's remote sources again off
// the GUI thread (remote/remotererun, what `inquest remote rerun` runs), lists per query whether
// its answer is unchanged, changed or failed, and keeps the new records beside the old ones as
// one undo step. Cancel stops the running query on the server and keeps nothing.
class RerunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RerunDialog(CaseDocument *doc, QWidget *parent = nullptr);
    ~RerunDialog() override;

    void start();
    bool isRunning() const { return m_watcher.isRunning(); }
    QTableWidget *results() const { return m_table; }
    QString statusText() const;
    // While running: cancels (the dialog stays until the query has stopped); else closes.
    void reject() override;

signals:
    void done();

private:
    void finished();

    CaseDocument *m_doc;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTableWidget *m_table;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<remote::RerunReport> m_watcher;
    std::shared_ptr<remote::QueryCanceller> m_canceller;
};

} // namespace inquest
