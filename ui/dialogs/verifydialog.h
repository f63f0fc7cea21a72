#pragma once

#include "casefile/verification.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace inquest {

// File → Verify Case File…: what `inquest verify CASE [--expect-head HASH]` does, for the saved
// file (not the unsaved state): the custody chain, the sources re-hashed (off the GUI thread),
// the current custody head to note, and an optional head noted earlier that must still be in
// the chain (a file rolled back to an older copy has lost it).
class VerifyDialog : public QDialog
{
    Q_OBJECT
public:
    VerifyDialog(const QString &casePath, QWidget *parent = nullptr);
    ~VerifyDialog() override;

    void setExpectedHead(const QString &head);
    void verify();
    bool isRunning() const { return m_watcher.isRunning(); }
    QString resultText() const;

signals:
    void finished(bool ok);

private:
    struct Outcome
    {
        QString readError;
        VerifyReport report;
    };
    void showOutcome();

    QString m_casePath;
    QLineEdit *m_expected;
    QPushButton *m_run;
    QLabel *m_verdict;
    QPlainTextEdit *m_details;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace inquest
