#pragma once

#include "model/casedata.h"
#include "remote/reportfigures.h"
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
    // The case's remote sources that can be reached (and the others, named): they are asked once,
    // off the GUI thread, for the figures' view (remote/reportfigures); their sites join the figures.
    void setRemoteSources(std::vector<remote::SourceAccess> sources, const QStringList &unreachable);
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
    struct Laid
    {
        std::shared_ptr<FindingsReport> report;
        std::shared_ptr<const remote::ReportFigureAnswers> remote; // asked for this layout
    };
    // Builds the report, asking the remote sources first when `ask` (they are asked once per dialog).
    static Laid lay(const CaseData &data, const ReportScores &scores, FigureRenderer *figures, ReportOptions options,
                    bool ask, const std::vector<remote::SourceAccess> &sources, const QStringList &unreachable,
                    const std::shared_ptr<remote::QueryCanceller> &canceller);
    bool asksRemote() const { return m_askRemote && !m_remoteFigures; }

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
    QFutureWatcher<Laid> m_watcher;
    std::shared_ptr<FindingsReport> m_report;
    bool m_dirty = true;
    bool m_askRemote = false;
    std::vector<remote::SourceAccess> m_remoteSources;
    QStringList m_unreachable;
    std::shared_ptr<const remote::ReportFigureAnswers> m_remoteFigures;
    std::shared_ptr<remote::QueryCanceller> m_canceller = std::make_shared<remote::QueryCanceller>();
};

} // namespace inquest
