#include "mainwindow.h"
#include "documentcontroller.h"
#include "recentfiles.h"

#include "charts/chartdock.h"
#include "docks/tabledock.h"
#include "models/evidencemodel.h"
#include "models/hypothesesmodel.h"
#include "models/sourcesmodel.h"
#include "models/statementsmodel.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace inquest {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_doc(new CaseDocument(this))
    , m_recent(new RecentFiles(this))
    , m_controller(new DocumentController(m_doc, m_recent, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockNestingEnabled(true);
    // The timeline is the centre of the work; everything else docks around it.
    auto *centre = makePlaceholderDock(
        tr("Timeline"), QStringLiteral("timelineDock"),
        tr("All imported log lines, merged by time.\nImport logs (File \u2192 Import Logs\u2026) to fill it."), this);
    setCentralWidget(centre->widget());
    centre->deleteLater();

    createDocks();
    createMenus();

    connect(m_doc, &CaseDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &CaseDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity == Entity::Case)
            updateTitle();
    });
    connect(m_controller, &DocumentController::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);

    resize(1500, 900);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    updateTitle();
    updateRecentMenu();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_sourcesDock = new TableDock(tr("Sources"), QStringLiteral("sourcesDock"), new SourcesModel(m_doc, this), this);
    addDockWidget(Qt::LeftDockWidgetArea, m_sourcesDock);

    m_hypothesesDock = new TableDock(tr("Scoring"), QStringLiteral("scoringDock"), new HypothesesModel(m_doc, this), this);
    m_hypothesesDock->toolBar()->addAction(tr("Add hypothesis"), this, &MainWindow::addHypothesis);
    m_hypothesesDock->toolBar()->addAction(tr("Delete"), this, &MainWindow::removeSelectedHypothesis);
    addDockWidget(Qt::RightDockWidgetArea, m_hypothesesDock);

    m_chartDock = new ChartDock(m_doc, this);
    addDockWidget(Qt::TopDockWidgetArea, m_chartDock);
    connect(m_chartDock, &ChartDock::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 5000); });

    m_evidenceDock = new TableDock(tr("Evidence"), QStringLiteral("evidenceDock"), new EvidenceModel(m_doc, this), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_evidenceDock);

    m_statementsDock = new TableDock(tr("Statements"), QStringLiteral("statementsDock"),
                                     new StatementsModel(m_doc, this), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_statementsDock);
    tabifyDockWidget(m_evidenceDock, m_statementsDock);
    m_evidenceDock->raise();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Case"), QKeySequence::New, m_controller, &DocumentController::newCase);
    file->addAction(tr("&Open\u2026"), QKeySequence::Open, m_controller, [this] { m_controller->open(); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *save = file->addAction(tr("&Save"), QKeySequence::Save, m_controller, &DocumentController::save);
    save->setObjectName(QStringLiteral("actionSave"));
    file->addAction(tr("Save &As\u2026"), QKeySequence::SaveAs, m_controller, [this] { m_controller->saveAs(); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("actionUndo"));
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("actionRedo"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
}

void MainWindow::updateTitle()
{
    const QString where = m_doc->filePath().isEmpty() ? tr("not saved") : QDir::toNativeSeparators(m_doc->filePath());
    setWindowTitle(QStringLiteral("%1[*] (%2) \u2014 Inquest").arg(m_doc->displayName(), where));
    setWindowModified(m_doc->isModified());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (const QString &f : files)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { m_controller->open(f); })->setToolTip(f);
    if (files.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear list"), m_recent, &RecentFiles::clear);
    }
}

void MainWindow::addHypothesis()
{
    Hypothesis h;
    h.name = tr("New hypothesis");
    h.kind = HypothesisKind::Other;
    edit::addHypothesis(m_doc, h);
}

void MainWindow::removeSelectedHypothesis()
{
    const QModelIndex current = m_hypothesesDock->view()->currentIndex();
    if (!current.isValid())
        return;
    auto *model = static_cast<HypothesesModel *>(m_hypothesesDock->view()->model());
    edit::removeHypothesis(m_doc, model->idAt(current.row()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_controller->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace inquest
