#include "sourcesdock.h"

#include "models/importissuesmodel.h"
#include "models/remotesourcesmodel.h"
#include "models/sourcesmodel.h"

#include "dialogs/clickhousedialog.h"
#include "dialogs/remoteloaddialog.h"
#include "dialogs/rerundialog.h"
#include "dialogs/sourcesettingsdialog.h"

#include "ingest/reread.h"
#include "model/casedocument.h"
#include "model/commands.h"
#include "model/remotesourceedits.h"
#include "model/sites.h"
#include "support/parallel.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace inquest {

namespace {

QTableView *makeTable(const QString &objectName, QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

SourcesDock::SourcesDock(CaseDocument *doc, QWidget *parent)
    : QDockWidget(tr("Sources"), parent)
    , m_doc(doc)
    , m_model(new SourcesModel(doc, this))
    , m_issues(new ImportIssuesModel(doc, this))
    , m_view(makeTable(QStringLiteral("sourcesDockView"), m_model))
    , m_issuesView(makeTable(QStringLiteral("importIssuesView"), m_issues))
    , m_issuesTitle(new QLabel)
    , m_remove(new QAction(tr("Remove source"), this))
    , m_settings(new QAction(tr("Source settings\u2026"), this))
    , m_renameSite(new QAction(tr("Rename site\u2026"), this))
    , m_remoteModel(new RemoteSourcesModel(doc, this))
    , m_remoteView(makeTable(QStringLiteral("remoteSourcesView"), m_remoteModel))
    , m_remotePane(new QWidget)
    , m_addRemote(new QAction(tr("Add &ClickHouse Source\u2026"), this))
    , m_removeRemote(new QAction(tr("Remove remote source"), this))
    , m_rerunRemote(new QAction(tr("Re-run remote queries\u2026"), this))
    , m_loadRemote(new QAction(tr("&Load into ClickHouse\u2026"), this))
{
    setObjectName(QStringLiteral("sourcesDock"));
    m_remove->setObjectName(QStringLiteral("actionRemoveSource"));
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_remove->setEnabled(false);
    m_settings->setObjectName(QStringLiteral("actionSourceSettings"));
    m_renameSite->setObjectName(QStringLiteral("actionRenameSite"));
    m_view->addAction(m_settings);
    m_view->addAction(m_renameSite);
    m_view->addAction(m_remove);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_issuesView->horizontalHeader()->resizeSection(
        ImportIssuesModel::Line, m_view->fontMetrics().horizontalAdvance(QStringLiteral("12345678")) + 16);
    m_issuesView->horizontalHeader()->resizeSection(ImportIssuesModel::Reason, 260);

    auto *issues = new QWidget;
    auto *issuesLayout = new QVBoxLayout(issues);
    issuesLayout->setContentsMargins(0, 4, 0, 0);
    issuesLayout->setSpacing(2);
    issuesLayout->addWidget(m_issuesTitle);
    issuesLayout->addWidget(m_issuesView, 1);

    m_addRemote->setObjectName(QStringLiteral("actionAddClickHouseSource"));
    m_removeRemote->setObjectName(QStringLiteral("actionRemoveRemoteSource"));
    m_removeRemote->setEnabled(false);
    m_view->addAction(m_addRemote);
    m_remoteView->addAction(m_addRemote);
    m_remoteView->addAction(m_removeRemote);
    m_remoteView->addAction(m_rerunRemote);
    // `inquest remote load`: the case's access logs into a table of the standard shape.
    m_loadRemote->setObjectName(QStringLiteral("actionLoadIntoClickHouse"));
    m_loadRemote->setToolTip(tr("Load the case's access logs into a ClickHouse table, to analyse them on a cluster"));
    m_view->addAction(m_loadRemote);
    connect(m_loadRemote, &QAction::triggered, this, [this] {
        RemoteLoadDialog dialog(m_doc, this);
        dialog.exec();
    });
    m_rerunRemote->setObjectName(QStringLiteral("actionRerunRemoteQueries"));
    m_rerunRemote->setToolTip(tr("Ask every kept query of the remote sources again and say which answers changed"));
    connect(m_rerunRemote, &QAction::triggered, this, [this] {
        RerunDialog dialog(m_doc, this);
        dialog.start();
        dialog.exec();
    });
    m_remoteView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *remoteLayout = new QVBoxLayout(m_remotePane);
    remoteLayout->setContentsMargins(0, 4, 0, 0);
    remoteLayout->setSpacing(2);
    remoteLayout->addWidget(new QLabel(tr("Remote sources (analysed where they live)")));
    remoteLayout->addWidget(m_remoteView, 1);
    const auto showRemote = [this] { m_remotePane->setVisible(m_remoteModel->rowCount() > 0); };
    connect(m_remoteModel, &QAbstractItemModel::rowsInserted, this, showRemote);
    connect(m_remoteModel, &QAbstractItemModel::rowsRemoved, this, showRemote);
    connect(m_remoteModel, &QAbstractItemModel::modelReset, this, showRemote);
    showRemote();
    connect(m_addRemote, &QAction::triggered, this, &SourcesDock::addRemoteSource);
    connect(m_remoteView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_removeRemote->setEnabled(m_remoteView->selectionModel()->hasSelection()); });
    connect(m_removeRemote, &QAction::triggered, this, [this] {
        const QModelIndexList rows = m_remoteView->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            edit::removeRemoteSource(m_doc, m_remoteModel->idAt(rows.first().row()));
    });

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_view);
    splitter->addWidget(m_remotePane);
    splitter->addWidget(issues);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    setWidget(splitter);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SourcesDock::selectionChanged);
    // A reset (open, new) or removal changes what is selected without a selection signal.
    connect(m_model, &QAbstractItemModel::modelReset, this, &SourcesDock::selectionChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SourcesDock::selectionChanged);
    connect(m_remove, &QAction::triggered, this, &SourcesDock::removeSelected);
    connect(m_settings, &QAction::triggered, this, &SourcesDock::editSelected);
    connect(m_renameSite, &QAction::triggered, this, &SourcesDock::renameSelectedSite);
    connect(m_view, &QTableView::doubleClicked, this, &SourcesDock::editSelected);
    connect(&m_rereadWatcher, &QFutureWatcher<ImportResult>::finished, this, &SourcesDock::rereadDone);
    selectionChanged();
}

Id SourcesDock::selectedSourceId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->idAt(rows.first().row());
}

void SourcesDock::selectionChanged()
{
    const Id id = selectedSourceId();
    m_issues->setSourceId(id);
    m_remove->setEnabled(id != 0);
    const Source *source = id ? m_doc->find<Source>(id) : nullptr;
    const bool log = source && source->kind == SourceKind::Log;
    m_settings->setEnabled(log && !isRereading());
    m_renameSite->setEnabled(log && !SiteRule().namesHosts(*source));
    if (!source) {
        m_issuesTitle->setText(tr("Import issues: select a source"));
    } else {
        const QString name = QFileInfo(source->path).fileName();
        m_issuesTitle->setText(source->malformed > source->issues.size()
                                   ? tr("Import issues of %1 (first %L2 of %L3 malformed lines)")
                                         .arg(name)
                                         .arg(source->issues.size())
                                         .arg(source->malformed)
                                   : tr("Import issues of %1 (%L2)").arg(name).arg(source->issues.size()));
    }
}

void SourcesDock::removeSelected()
{
    if (const Id id = selectedSourceId())
        edit::removeSource(m_doc, id);
}

void SourcesDock::editSelected()
{
    const Source *source = m_doc->find<Source>(selectedSourceId());
    if (!source || source->kind != SourceKind::Log || isRereading())
        return;
    SourceSettingsDialog dialog(*source, this);
    if (dialog.exec() == QDialog::Accepted)
        reread(source->id, dialog.options());
}

bool SourcesDock::reread(Id id, const ImportOptions &options)
{
    const Source *source = m_doc->find<Source>(id);
    if (!source || source->kind != SourceKind::Log || isRereading())
        return false;
    m_rereadFrom = *source;
    ImportOptions o = options;
    if (o.year == 0) { // the other logs of the case place a year-less file
        QList<Source> others = m_doc->sources();
        others.removeIf([id](const Source &s) { return s.id == id; });
        o.caseTime = caseYearAnchor(others);
    }
    m_settings->setEnabled(false);
    m_rereadWatcher.setFuture(parallel::run([from = m_rereadFrom, o] { return rereadSource(from, o); }));
    return true;
}

void SourcesDock::rereadDone()
{
    selectionChanged();
    const QFuture<ImportResult> future = m_rereadWatcher.future();
    if (future.resultCount() == 0)
        return;
    ImportResult r = future.result();
    if (!r.ok()) {
        emit rereadFinished(false, r.error);
        return;
    }
    if (!m_doc->find<Source>(m_rereadFrom.id)) {
        emit rereadFinished(false, tr("%1: the source was removed while it was read again").arg(m_rereadFrom.path));
        return;
    }
    const QStringList changes = sourceChanges(m_rereadFrom, *r.source);
    if (!changes.isEmpty())
        edit::replaceSource(m_doc, std::move(*r.source));
    emit rereadFinished(true, changes.isEmpty() ? tr("unchanged") : changes.join(u"; "));
}

Id SourcesDock::addRemoteSource()
{
    ClickHouseDialog dialog(m_doc, this);
    return dialog.exec() == QDialog::Accepted ? dialog.addedId() : 0;
}

void SourcesDock::renameSelectedSite()
{
    const Source *source = m_doc->find<Source>(selectedSourceId());
    if (!source)
        return;
    const SiteRule rule = SiteRule::of(m_doc->meta());
    const QString from = rule.sourceSite(*source);
    if (from.isEmpty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(this, tr("Rename Site"),
                                             tr("New name for %1 (another site's name merges the two):").arg(from),
                                             QLineEdit::Normal, from, &ok)
                           .trimmed();
    if (ok && !to.isEmpty() && to != from)
        edit::renameSite(m_doc, from, to);
}

} // namespace inquest
