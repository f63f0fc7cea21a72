#include "mainwindow.h"
#include "autosaver.h"
#include "documentcontroller.h"
#include "recentfiles.h"
#include "remotepasswordprompt.h"
#include "wheelguard.h"
#include "windowplacement.h"

#include "charts/chartdock.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/casepropertiesdialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/importdialog.h"
#include "dialogs/verifydialog.h"
#include "docks/analyzepanel.h"
#include "docks/evidencedock.h"
#include "docks/scoringdock.h"
#include "docks/sourcesdock.h"
#include "docks/statementsdock.h"
#include "help/helpdialog.h"
#include "timeline/timelineview.h"

#include "ingest/droprouting.h"
#include "model/casedocument.h"
#include "remote/remotepasswords.h"
#include "report/figurerenderer.h"
#include "report/reporthooks.h"
#include "report/reportscoring.h"
#include "scoring/scoringsettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace inquest {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_doc(new CaseDocument(this))
    , m_recent(new RecentFiles(this))
    , m_controller(new DocumentController(m_doc, m_recent, this))
    , m_autosaver(new Autosaver(m_doc, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    WheelGuard::install(); // for every window of the application, dialogs included
    setDockNestingEnabled(true);
    // The timeline is the centre of the work; everything else docks around it.
    m_timeline = new TimelineView(m_doc, this);
    setCentralWidget(m_timeline);

    createDocks();
    createMenus();
    setAcceptDrops(true);              // dropped logs open the Import dialog, dropped articles are imported
    installRemotePasswordPrompt(this); // a remote source of an opened case asks for its password

    connect(m_doc, &CaseDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &CaseDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &DocumentController::readOnlyChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) {
        if (e.entity == Entity::Case)
            updateTitle();
    });
    connect(m_controller, &DocumentController::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    connect(m_autosaver, &Autosaver::failed, this,
            [this](const QString &m) { statusBar()->showMessage(tr("Autosave failed: %1").arg(m)); });

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        // A first start: as large as the screen allows (a 1280×800 laptop gets all of it).
        setGeometry(firstStartGeometry(screen()->availableGeometry()));
    }
    // Without a saved layout, docks sized for the window (windowplacement). Dock sizes only take
    // once the window is laid out, so after show().
    if (!restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray()))
        QTimer::singleShot(0, this, [this, placed = size()] {
            if (isVisible() && windowState() == Qt::WindowNoState && size() == placed) // not sized since
                fitFrameToScreen(this);
            arrangeFirstStartDocks(this, {m_sourcesDock, m_chartDock, m_evidenceDock, m_statementsDock, m_scoringDock,
                                          m_chartDock->readableHeight(), m_timeline->sizeForRows(TimelineRows)});
        });
    updateTitle();
    updateRecentMenu();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_sourcesDock = new SourcesDock(m_doc, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_sourcesDock);

    m_scoringDock = new ScoringDock(m_doc, this);
    addDockWidget(Qt::RightDockWidgetArea, m_scoringDock);

    m_chartDock = new ChartDock(m_doc, this);
    addDockWidget(Qt::TopDockWidgetArea, m_chartDock);
    connect(m_chartDock, &ChartDock::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    // A click on a bin shows its log lines.
    connect(m_chartDock, &ChartDock::timeRangeActivated, m_timeline, &TimelineView::showTimeRange);

    m_evidenceDock = new EvidenceDock(m_doc, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_evidenceDock);
    connect(m_scoringDock, &ScoringDock::evidenceActivated, m_evidenceDock, &EvidenceDock::showEvidence);
    // "Show on chart": the range on the chart and in the timeline, or the item's log lines.
    connect(m_evidenceDock, &EvidenceDock::timeRangeRequested, m_chartDock, &ChartDock::showTimeRange);
    connect(m_evidenceDock, &EvidenceDock::timeRangeRequested, m_timeline, &TimelineView::showTimeRange);
    connect(m_evidenceDock, &EvidenceDock::linesRequested, m_timeline, &TimelineView::showSourceLines);
    connect(m_evidenceDock, &EvidenceDock::filteredRangeRequested, m_chartDock, &ChartDock::showFilteredRange);
    connect(m_evidenceDock, &EvidenceDock::filteredRangeRequested, m_timeline,
            [this](qint64 begin, qint64 end, const QString &expression) {
                m_timeline->showFilter(expression, begin, end);
            });

    m_statementsDock = new StatementsDock(m_doc, this);
    connect(m_statementsDock, &StatementsDock::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
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
    file->addAction(tr("&Import Logs\u2026"), QKeySequence(tr("Ctrl+I")), this, [this] { importLogs(); });
    file->addAction(m_sourcesDock->addRemoteAction());
    file->addAction(m_sourcesDock->loadRemoteAction());
    file->addAction(tr("Export &Findings\u2026"), this,
                    [this] {
                        if (const std::unique_ptr<ExportDialog> dialog = makeExportDialog())
                            dialog->exec();
                    })
        ->setObjectName(QStringLiteral("actionExportFindings"));
    file->addAction(tr("&Verify Case File\u2026"), this,
                    [this] {
                        if (m_doc->filePath().isEmpty()) {
                            statusBar()->showMessage(tr("The case is not saved yet: there is no file to verify"), 5000);
                            return;
                        }
                        auto *dialog = new VerifyDialog(m_doc->filePath(), this);
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->open();
                        dialog->verify();
                    })
        ->setObjectName(QStringLiteral("actionVerify"));
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

    QMenu *caseMenu = menuBar()->addMenu(tr("&Case"));
    caseMenu
        ->addAction(tr("&Properties\u2026"), this,
                    [this] {
                        auto *dialog = new CasePropertiesDialog(m_doc, this);
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->open();
                    })
        ->setObjectName(QStringLiteral("actionCaseProperties"));

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(m_evidenceDock->analyzePanel()->analyzeAction());
    connect(m_evidenceDock->analyzePanel(), &AnalyzePanel::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    const struct
    {
        const char *text;
        const char *page;
    } topics[] = {{QT_TR_NOOP("Inquest &Help"), "first-case"},
                  {QT_TR_NOOP("&Rating Scale"), "ratings"},
                  {QT_TR_NOOP("What the &Scores Mean"), "scores"},
                  {QT_TR_NOOP("Source &Grades"), "grades"},
                  {QT_TR_NOOP("&Keyboard Shortcuts"), "shortcuts"}};
    for (const auto &topic : topics) {
        const QString page = QString::fromLatin1(topic.page);
        QAction *a = help->addAction(tr(topic.text), this, [this, page] { showHelp(page); });
        a->setObjectName(QStringLiteral("actionHelp-%1").arg(page));
        if (page == u"first-case")
            a->setShortcut(QKeySequence::HelpContents);
    }
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Inquest\u2026"), this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showHelp(const QString &page)
{
    auto *dialog = new HelpDialog(this, ScoringSettings::fromJson(m_doc->meta().scoringSettings), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showPage(page);
    dialog->show();
}

std::unique_ptr<ExportDialog> MainWindow::makeExportDialog()
{
    const DocumentController::ReportSubject subject = m_controller->prepareReport();
    if (!subject.proceed)
        return nullptr;
    if (!m_figures)
        m_figures = figureRendererForReport();
    auto dialog = std::make_unique<ExportDialog>(m_doc->data(), subject.casePath, scoreCaseForReport(m_doc->data()),
                                                 m_figures.get(), this);
    if (subject.unsavedChanges)
        dialog->setUnsavedState(subject.stateSha256);
    if (!m_doc->remoteSources().isEmpty()) {
        QStringList unreachable;
        dialog->setRemoteSources(remote::reachableSources(m_doc, &unreachable), unreachable);
    }
    return dialog;
}

void MainWindow::updateTitle()
{
    QString where = m_doc->filePath().isEmpty() ? tr("not saved") : QDir::toNativeSeparators(m_doc->filePath());
    if (m_controller->isReadOnly())
        where += tr(", read-only");
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_controller->maybeSave()) {
        event->ignore();
        return;
    }
    m_autosaver->discardSidecar(); // closed on purpose: nothing to recover next time
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

void MainWindow::importLogs(const QStringList &files)
{
    auto *dialog = new ImportDialog(m_doc, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->addFiles(files);
    dialog->show();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        files.append(url.toLocalFile());
    // Articles go to the Statements dock, everything else to the log Import dialog.
    const DropRouting routing = routeDroppedFiles(files);
    if (!routing.articles.isEmpty()) {
        m_statementsDock->raise();
        m_statementsDock->importFiles(routing.articles);
    }
    if (!routing.logs.isEmpty())
        importLogs(routing.logs);
}

} // namespace inquest
