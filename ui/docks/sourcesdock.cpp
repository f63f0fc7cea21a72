#include "sourcesdock.h"

#include "models/importissuesmodel.h"
#include "models/sourcesmodel.h"

#include "model/casedocument.h"
#include "model/commands.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
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
{
    setObjectName(QStringLiteral("sourcesDock"));
    m_remove->setObjectName(QStringLiteral("actionRemoveSource"));
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_remove->setEnabled(false);
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

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_view);
    splitter->addWidget(issues);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    setWidget(splitter);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SourcesDock::selectionChanged);
    // A reset (open, new) or removal changes what is selected without a selection signal.
    connect(m_model, &QAbstractItemModel::modelReset, this, &SourcesDock::selectionChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SourcesDock::selectionChanged);
    connect(m_remove, &QAction::triggered, this, &SourcesDock::removeSelected);
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

} // namespace inquest
