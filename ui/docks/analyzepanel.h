#pragma once

#include "model/kinds.h"

#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;

namespace inquest {

class AnalyzeJob;
class CaseDocument;
struct DetectorRunSummary;
struct Incident;

// Analysis ▸ Analyze and the Evidence dock's strip for it: runs the detectors off the GUI thread
// (AnalyzeJob) with a progress bar and Cancel, then adds the run to the case as one undo step and
// says what it found. A cancelled run, or one overtaken by opening another case, changes nothing.
class AnalyzePanel : public QWidget
{
    Q_OBJECT
public:
    explicit AnalyzePanel(CaseDocument *doc, QWidget *parent = nullptr);
    ~AnalyzePanel() override;

    QAction *analyzeAction() const { return m_analyze; }
    AnalyzeJob *job() const { return m_job; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *cancelButton() const { return m_cancel; }

    void analyze();
    void cancel();

signals:
    // After a run was added to the case: the items it suggested (for the board to show).
    void analyzed(const QList<inquest::Id> &suggested);
    void statusMessage(const QString &message);

private:
    void finish();
    void finishWith(const QString &message);
    static QString describe(const DetectorRunSummary &summary, const std::vector<Incident> &incidents);

    CaseDocument *m_doc;
    AnalyzeJob *m_job;
    QAction *m_analyze;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
};

} // namespace inquest
