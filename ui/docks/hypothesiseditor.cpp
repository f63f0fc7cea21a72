#include "hypothesiseditor.h"

#include "models/hypothesesmodel.h"

#include "model/commands.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace inquest {

namespace {

// Kind as a combo of the known kinds; prior as a probability spin box (0 = uniform).
class HypothesisDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() == HypothesesModel::Kind) {
            auto *combo = new QComboBox(parent);
            for (HypothesisKind k : allHypothesisKinds())
                combo->addItem(toString(k));
            return combo;
        }
        if (index.column() == HypothesesModel::Prior) {
            auto *spin = new QDoubleSpinBox(parent);
            spin->setRange(0.0, 1.0);
            spin->setDecimals(3);
            spin->setSingleStep(0.05);
            spin->setSpecialValueText(QObject::tr("uniform"));
            return spin;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentText(index.data(Qt::EditRole).toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            model->setData(index, combo->currentText());
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }
};

} // namespace

HypothesisEditor::HypothesisEditor(CaseDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_model(new HypothesesModel(doc, this))
    , m_view(new QTableView)
{
    setObjectName(QStringLiteral("hypothesisEditor"));
    m_view->setObjectName(QStringLiteral("hypothesesView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new HypothesisDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(HypothesesModel::Name, QHeaderView::Stretch);
    m_view->setToolTip(tr("Double-click to rename, change the kind or set a prior (0 = uniform; unspecified "
                          "priors share what the others leave)."));

    auto *tools = new QToolBar;
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(tr("Add"), this, &HypothesisEditor::addHypothesis)
        ->setObjectName(QStringLiteral("actionAddHypothesis"));
    tools->addAction(tr("Delete"), this, &HypothesisEditor::removeCurrent)
        ->setObjectName(QStringLiteral("actionDeleteHypothesis"));
    tools->addAction(tr("Up"), this, [this] { moveCurrent(-1); })->setObjectName(QStringLiteral("actionHypothesisUp"));
    tools->addAction(tr("Down"), this, [this] { moveCurrent(+1); })
        ->setObjectName(QStringLiteral("actionHypothesisDown"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(tools);
    layout->addWidget(m_view);
}

void HypothesisEditor::addHypothesis()
{
    Hypothesis h;
    h.name = tr("New hypothesis");
    h.kind = HypothesisKind::Other;
    const Id id = edit::addHypothesis(m_doc, h);
    const QModelIndex index = m_model->index(m_model->rowOf(id), HypothesesModel::Name);
    m_view->setCurrentIndex(index);
    m_view->edit(index);
}

void HypothesisEditor::removeCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        edit::removeHypothesis(m_doc, m_model->idAt(current.row()));
}

void HypothesisEditor::moveCurrent(int delta)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const int to = current.row() + delta;
    if (to < 0 || to >= m_model->rowCount())
        return;
    const Id id = m_model->idAt(current.row());
    edit::moveHypothesis(m_doc, id, to);
    m_view->setCurrentIndex(m_model->index(m_model->rowOf(id), current.column()));
}

} // namespace inquest
