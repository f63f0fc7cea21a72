#pragma once

#include <QMainWindow>

class QMenu;

namespace inquest {

class CaseDocument;
class ChartDock;
class DocumentController;
class RecentFiles;
class TableDock;

// Wires the docks, menus and the document controller together; the work happens in them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseDocument *document() const { return m_doc; }
    DocumentController *controller() const { return m_controller; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void updateTitle();
    void updateRecentMenu();
    void addHypothesis();
    void removeSelectedHypothesis();

    CaseDocument *m_doc;
    RecentFiles *m_recent;
    DocumentController *m_controller;
    QMenu *m_recentMenu = nullptr;
    TableDock *m_sourcesDock = nullptr;
    TableDock *m_evidenceDock = nullptr;
    TableDock *m_statementsDock = nullptr;
    TableDock *m_hypothesesDock = nullptr;
    ChartDock *m_chartDock = nullptr;
};

} // namespace inquest
