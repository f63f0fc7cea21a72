#pragma once

#include <QMainWindow>

class QMenu;

namespace inquest {

class CaseDocument;
class DocumentController;
class RecentFiles;
class SourcesDock;
class TableDock;
class TimelineDock;

// Wires the docks, menus and the document controller together; the work happens in them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CaseDocument *document() const { return m_doc; }
    DocumentController *controller() const { return m_controller; }
    TimelineDock *timeline() const { return m_timeline; }

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
    TimelineDock *m_timeline = nullptr;
    SourcesDock *m_sourcesDock = nullptr;
    TableDock *m_evidenceDock = nullptr;
    TableDock *m_statementsDock = nullptr;
    TableDock *m_hypothesesDock = nullptr;
};

} // namespace inquest
