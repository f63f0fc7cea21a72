#pragma once

#include "model/casedata.h"
#include "report/reportoptions.h"
#include "report/reportscores.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace inquest {

class FigureRenderer;
class FindingsReport;

// File → Export Findings…: choose sections and the time zone, look at the pages, export PDF
// or HTML. The report is laid out off the GUI thread; the preview paints the very pages the
// PDF gets.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // `figures` may be null (no charts) and must outlive the dialog.
    ExportDialog(const CaseData &data, const QString &caseFilePath, const ReportScores &scores, FigureRenderer *figures,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    // The case shown has changes its file does not hold: the report says "unsaved changes" and
    // cites stateSha256 (the hash of the shown state), not the file's.
    void setUnsavedState(const QString &stateSha256);
    ReportOptions options() const;
    int pageCount() const;
    int currentPage() const;
    bool isPreviewCurrent() const { return m_report && !m_dirty && !m_watcher.isRunning(); }
    bool exportPdf(const QString &path, QString *error);
    bool exportHtml(const QString &path, QString *error);

signals:
    void previewReady();

private:
    void optionsChanged();
    void startLayout();
    void layoutFinished();
    void showPage(int page);
    void choosePdf();
    void chooseHtml();
    const FindingsReport *currentReport();

    CaseData m_data; // a snapshot: the report describes the case as it was when the dialog opened
    QString m_caseFilePath;
    bool m_unsaved = false;
    QString m_stateSha256;
    ReportScores m_scores;
    FigureRenderer *m_figures;
    QList<std::pair<ReportSection, QCheckBox *>> m_sections;
    QComboBox *m_zone;
    QSpinBox *m_page;
    QLabel *m_pageCount;
    QLabel *m_preview;
    QLabel *m_status;
    QTimer m_coalesce;
    QFutureWatcher<std::shared_ptr<FindingsReport>> m_watcher;
    std::shared_ptr<FindingsReport> m_report;
    bool m_dirty = true;
};

} // namespace inquest
