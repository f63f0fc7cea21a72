#pragma once

#include <QMainWindow>

#include <memory>

class QMenu;

namespace inquest {

class Autosaver;
class CaseDocument;
class ChartDock;
class DocumentController;
class ExportDialog;
class FigureRenderer;
class RecentFiles;
class EvidenceDock;
class ScoringDock;
class SourcesDock;
class StatementsDock;
class TimelineView;

// Wires the docks, menus and the document controller together; the work happens in them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseDocument *document() const { return m_doc; }
    DocumentController *controller() const { return m_controller; }
    Autosaver *autosaver() const { return m_autosaver; }
    TimelineView *timeline() const { return m_timeline; }
    EvidenceDock *evidenceDock() const { return m_evidenceDock; }
    // File → Export Findings: the dialog over the case as the report is to cite it (saved first
    // if the analyst agrees); null when the analyst cancels.
    std::unique_ptr<ExportDialog> makeExportDialog();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void updateTitle();
    void updateRecentMenu();
    void importLogs(const QStringList &files = {});
    void showHelp(const QString &page);

    CaseDocument *m_doc;
    RecentFiles *m_recent;
    DocumentController *m_controller;
    Autosaver *m_autosaver;
    QMenu *m_recentMenu = nullptr;
    TimelineView *m_timeline = nullptr;
    SourcesDock *m_sourcesDock = nullptr;
    EvidenceDock *m_evidenceDock = nullptr;
    StatementsDock *m_statementsDock = nullptr;
    ScoringDock *m_scoringDock = nullptr;
    ChartDock *m_chartDock = nullptr;
    std::unique_ptr<FigureRenderer> m_figures; // for reports; outlives their dialogs
};

} // namespace inquest
