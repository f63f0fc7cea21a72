#include "evidencedock.h"
#include "analyzepanel.h"
#include "evidencedetail.h"
#include "evidencematrixview.h"

#include "models/evidencefiltermodel.h"
#include "models/evidencemodel.h"

#include "model/casedocument.h"
#include "model/evidenceedits.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

namespace inquest {

namespace {
const int DetailWidth = 260; // the least width of an item's details beside the board
} // namespace

EvidenceDock::EvidenceDock(CaseDocument *doc, QWidget *parent)
    : QDockWidget(tr("Evidence"), parent)
    , m_doc(doc)
    , m_model(new EvidenceModel(doc, this))
    , m_filter(new EvidenceFilterModel(this))
    , m_matrix(nullptr)
    , m_detail(new EvidenceDetail(doc))
    , m_stateFilter(new QComboBox)
    , m_tagFilter(new QLineEdit)
    , m_starFilter(new QCheckBox(tr("\u2605 only")))
    , m_bulkTag(new QLineEdit)
    , m_count(new QLabel)
    , m_analyzePanel(new AnalyzePanel(doc))
{
    setObjectName(QStringLiteral("evidenceDock"));
    m_filter->setSourceModel(m_model);
    m_matrix = new EvidenceMatrixView(m_model, m_filter);
    // The board is about ratings; where an item came from is in the detail pane.
    m_matrix->setColumnHidden(EvidenceModel::Origin, true);
    m_matrix->setColumnHidden(EvidenceModel::Provenance, true);
    m_matrix->setColumnWidth(EvidenceModel::Star, 24);
    m_matrix->setColumnWidth(EvidenceModel::Title, 260);
    m_matrix->setColumnWidth(EvidenceModel::State, 76);
    m_matrix->setColumnWidth(EvidenceModel::Grade, 48);
    m_matrix->setColumnWidth(EvidenceModel::Relevance, 68);
    m_matrix->setColumnWidth(EvidenceModel::Tags, 90);
    m_matrix->setColumnWidth(EvidenceModel::Diagnosticity, 56);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_matrix->setColumnHidden(EvidenceModel::Origin, true);
        m_matrix->setColumnHidden(EvidenceModel::Provenance, true);
    });

    auto *tools = new QToolBar;
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(m_analyzePanel->analyzeAction());
    tools->addSeparator();
    tools->addAction(tr("Add note"), this, &EvidenceDock::addNote)->setObjectName(QStringLiteral("actionAddNote"));
    tools->addAction(tr("Accept"), this, &EvidenceDock::acceptSelected)->setObjectName(QStringLiteral("actionAccept"));
    tools->addAction(tr("Reject"), this, &EvidenceDock::rejectSelected)->setObjectName(QStringLiteral("actionReject"));
    tools->addAction(tr("Delete"), this, &EvidenceDock::deleteSelected)
        ->setObjectName(QStringLiteral("actionDeleteEvidence"));
    tools->addSeparator();
    m_showOnChart = tools->addAction(tr("Show on chart"), this, &EvidenceDock::showCurrentOnChart);
    m_showOnChart->setObjectName(QStringLiteral("actionShowOnChart"));
    m_showOnChart->setToolTip(tr("Zoom the chart to the item's time range and show its log lines "
                                 "(or double-click the item)"));
    m_matrix->addAction(m_showOnChart); // in the matrix's context menu
    tools->addSeparator();
    m_bulkTag->setPlaceholderText(tr("tag"));
    m_bulkTag->setMaximumWidth(110);
    tools->addWidget(m_bulkTag);
    tools->addAction(tr("Tag selected"), this, &EvidenceDock::tagSelected)->setObjectName(QStringLiteral("actionTag"));
    tools->addAction(tr("Untag"), this, &EvidenceDock::untagSelected);
    connect(m_bulkTag, &QLineEdit::returnPressed, this, &EvidenceDock::tagSelected);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(4, 2, 4, 2);
    m_stateFilter->addItems({tr("All states"), tr("Suggested"), tr("Accepted"), tr("Rejected")});
    m_tagFilter->setPlaceholderText(tr("filter by tag"));
    m_tagFilter->setClearButtonEnabled(true);
    m_tagFilter->setMaximumWidth(140);
    filters->addWidget(new QLabel(tr("Show:")));
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_tagFilter);
    filters->addWidget(m_starFilter);
    filters->addStretch();
    filters->addWidget(m_count);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_filter->setStateFilter(i == 0 ? std::nullopt : std::optional(EvidenceState(i - 1)));
        updateCount();
    });
    connect(m_tagFilter, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_filter->setTagFilter(t);
        updateCount();
    });
    connect(m_starFilter, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setStarredOnly(on);
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &EvidenceDock::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &EvidenceDock::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &EvidenceDock::updateCount);

    auto *detailScroll = new QScrollArea;
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setMinimumWidth(DetailWidth);
    auto *splitter = m_split = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_matrix);
    splitter->addWidget(detailScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(tools);
    layout->addWidget(m_analyzePanel);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    setWidget(content);

    connect(m_matrix->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        m_detail->setEvidence(m_matrix->currentId());
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &EvidenceDock::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EvidenceDock::updateActions);
    // Ratings and the title are edited by double-click; elsewhere a double-click shows the item.
    connect(m_matrix, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (!(index.flags() & Qt::ItemIsEditable))
            showCurrentOnChart();
    });
    // A run's suggestions are reviewed where they land: the first is shown and selected.
    connect(m_analyzePanel, &AnalyzePanel::analyzed, this, [this](const QList<Id> &ids) {
        if (!ids.isEmpty())
            showEvidence(ids.first());
    });
    connect(m_detail, &EvidenceDetail::showOnChartRequested, this, &EvidenceDock::showCurrentOnChart);
    updateCount();
    updateActions();
}

void EvidenceDock::updateActions()
{
    const Evidence *e = m_doc->find<Evidence>(m_matrix->currentId());
    m_showOnChart->setEnabled(e && (e->provenance.hasTimeRange() || e->provenance.hasLines()));
}

bool EvidenceDock::showCurrentOnChart()
{
    const Evidence *e = m_doc->find<Evidence>(m_matrix->currentId());
    if (!e)
        return false;
    const Provenance &p = e->provenance;
    if (p.hasTimeRange() && !p.filter.isEmpty()) {
        emit filteredRangeRequested(p.timeBegin, p.timeEnd, p.filter, tr("E%1 filter").arg(e->id));
        return true;
    }
    if (p.hasTimeRange()) {
        // Detectors list every affected site ("a,b"); only a single site narrows the view.
        emit timeRangeRequested(p.timeBegin, p.timeEnd, p.site.contains(u',') ? QString() : p.site);
        return true;
    }
    if (p.hasLines() && p.sourceId) {
        emit linesRequested(p.sourceId, p.firstLine, std::max(p.firstLine, p.lastLine));
        return true;
    }
    return false;
}

void EvidenceDock::updateCount()
{
    m_count->setText(tr("%1 of %2 items").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

void EvidenceDock::showEvidence(Id id)
{
    if (m_model->rowOf(id) < 0)
        return;
    const QModelIndex s = m_model->index(m_model->rowOf(id), 0);
    if (!m_filter->mapFromSource(s).isValid()) {
        m_stateFilter->setCurrentIndex(0);
        m_tagFilter->clear();
        m_starFilter->setChecked(false);
    }
    m_matrix->selectEvidence(id);
    m_matrix->setFocus();
    raise();
}

void EvidenceDock::addNote()
{
    Evidence e;
    e.title = tr("New note");
    e.origin = QStringLiteral("manual");
    e.state = EvidenceState::Accepted;
    const Id id = edit::addEvidence(m_doc, e);
    showEvidence(id);
}

void EvidenceDock::acceptSelected()
{
    edit::setEvidenceStates(m_doc, m_matrix->selectedIds(), EvidenceState::Accepted);
}
void EvidenceDock::rejectSelected()
{
    edit::setEvidenceStates(m_doc, m_matrix->selectedIds(), EvidenceState::Rejected);
}
void EvidenceDock::deleteSelected() { edit::removeEvidence(m_doc, m_matrix->selectedIds()); }
void EvidenceDock::tagSelected() { edit::addTag(m_doc, m_matrix->selectedIds(), m_bulkTag->text()); }
void EvidenceDock::untagSelected() { edit::removeTag(m_doc, m_matrix->selectedIds(), m_bulkTag->text()); }

void EvidenceDock::resizeEvent(QResizeEvent *event)
{
    QDockWidget::resizeEvent(event);
    // The board needs room for its hypothesis columns: below three detail panels' width, the
    // details beside it would leave it a title column.
    const Qt::Orientation wanted = width() < 3 * DetailWidth ? Qt::Vertical : Qt::Horizontal;
    if (m_split->orientation() != wanted)
        m_split->setOrientation(wanted);
}

} // namespace inquest
