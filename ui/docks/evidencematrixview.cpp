#include "evidencematrixview.h"
#include "ratingdelegate.h"

#include "models/evidencefiltermodel.h"
#include "models/evidencemodel.h"

#include "model/evidenceedits.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>
#include <QUndoStack>

#include <set>

namespace inquest {

EvidenceMatrixView::EvidenceMatrixView(EvidenceModel *source, EvidenceFilterModel *proxy, QWidget *parent)
    : QTableView(parent)
    , m_source(source)
    , m_proxy(proxy)
{
    setObjectName(QStringLiteral("evidenceMatrix"));
    setModel(proxy);
    setSelectionBehavior(SelectItems);
    setSelectionMode(ExtendedSelection);
    // Letters rate cells, so typing must not open an editor or jump by keyboard search.
    setEditTriggers(DoubleClicked | EditKeyPressed);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder); // case order until the analyst clicks a header
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setMinimumSectionSize(24);
    auto *delegate = new RatingDelegate(this);
    auto applyDelegates = [this, delegate] {
        for (int c = 0; c < m_source->columnCount(); ++c) {
            setItemDelegateForColumn(c, m_source->isRatingColumn(c) ? delegate : nullptr);
            if (m_source->isRatingColumn(c))
                setColumnWidth(c, std::max(56, fontMetrics().horizontalAdvance(
                                                   m_source->headerData(c, Qt::Horizontal).toString()) +
                                                   16));
        }
    };
    connect(m_source, &QAbstractItemModel::modelReset, this, applyDelegates);
    applyDelegates();
}

QList<Id> EvidenceMatrixView::selectedIds() const
{
    std::set<int> rows;
    const QModelIndexList selected = selectionModel()->selectedIndexes();
    for (const QModelIndex &i : selected)
        rows.insert(i.row());
    if (rows.empty() && currentIndex().isValid())
        rows.insert(currentIndex().row());
    QList<Id> ids;
    for (int row : rows)
        ids.append(m_proxy->index(row, 0).data(EvidenceModel::IdRole).value<Id>());
    return ids;
}

Id EvidenceMatrixView::currentId() const
{
    return currentIndex().isValid() ? currentIndex().data(EvidenceModel::IdRole).value<Id>() : 0;
}

void EvidenceMatrixView::selectEvidence(Id id)
{
    const int sourceRow = m_source->rowOf(id);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_source->index(sourceRow, EvidenceModel::Title));
    if (!index.isValid())
        return; // filtered out
    setCurrentIndex(index);
    scrollTo(index);
}

void EvidenceMatrixView::rateSelection(Rating rating, bool mergeable)
{
    QModelIndexList cells = selectionModel()->selectedIndexes();
    if (!cells.contains(currentIndex()))
        cells = {currentIndex()};
    QList<std::pair<Id, Id>> targets;
    for (const QModelIndex &cell : std::as_const(cells)) {
        const QModelIndex s = m_proxy->mapToSource(cell);
        if (const Id h = m_source->hypothesisAt(s.column()))
            targets.append({m_source->idAt(s.row()), h});
    }
    // A macro never merges with the command before it.
    QUndoStack *stack = m_source->document()->undoStack();
    if (!mergeable)
        stack->beginMacro(tr("Rate evidence"));
    edit::setRatings(m_source->document(), targets, rating);
    if (!mergeable)
        stack->endMacro();
}

std::optional<Rating> EvidenceMatrixView::ratingForKey(const QKeyEvent *event, bool *promoted)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool again = event->key() == m_lastKey && m_lastIndex == currentIndex() && m_lastKeyTime.isValid() &&
                       m_lastKeyTime.elapsed() <= QApplication::keyboardInputInterval();
    const Rating current = ratingFromString(currentIndex().data(Qt::EditRole).toString()).value_or(Rating::Unrated);
    *promoted =
        again && !shift &&
        ((event->key() == Qt::Key_C && current == Rating::C) || (event->key() == Qt::Key_I && current == Rating::I));
    switch (event->key()) {
    case Qt::Key_C:
        return shift || (again && current == Rating::C) ? Rating::CC : Rating::C;
    case Qt::Key_I:
        return shift || (again && current == Rating::I) ? Rating::II : Rating::I;
    case Qt::Key_N:
        return Rating::N;
    case Qt::Key_A:
        return Rating::NA;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        return Rating::Unrated;
    default:
        return std::nullopt;
    }
}

void EvidenceMatrixView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    const bool onRating = current.isValid() && m_source->isRatingColumn(m_proxy->mapToSource(current).column());
    const Qt::KeyboardModifiers mods = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (onRating && mods == Qt::NoModifier) {
        bool promoted = false;
        if (const auto rating = ratingForKey(event, &promoted)) {
            // One key press, one undo step, except the second C/I that completes CC/II.
            rateSelection(*rating, promoted || m_lastIndex != currentIndex());
            m_lastKey = event->key();
            m_lastIndex = currentIndex();
            m_lastKeyTime.start();
            event->accept();
            return;
        }
    }
    m_lastKey = 0;
    QTableView::keyPressEvent(event);
}

void EvidenceMatrixView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    if (!selectionModel()->isSelected(index))
        setCurrentIndex(index);
    QMenu menu(this);
    // The actions added to the view (e.g. "Show on chart") concern the current row.
    menu.addActions(actions());
    if (!m_source->isRatingColumn(m_proxy->mapToSource(index).column())) {
        if (!menu.isEmpty())
            menu.exec(event->globalPos());
        return;
    }
    if (!menu.isEmpty())
        menu.addSeparator();
    const std::pair<Rating, QString> entries[] = {{Rating::CC, tr("CC \u2014 very consistent")},
                                                  {Rating::C, tr("C \u2014 consistent")},
                                                  {Rating::N, tr("N \u2014 neutral")},
                                                  {Rating::I, tr("I \u2014 inconsistent")},
                                                  {Rating::II, tr("II \u2014 very inconsistent")},
                                                  {Rating::NA, tr("NA \u2014 not applicable")},
                                                  {Rating::Unrated, tr("Clear")}};
    for (const auto &[rating, text] : entries) {
        const Rating r = rating;
        menu.addAction(text, this, [this, r] { rateSelection(r); });
    }
    menu.exec(event->globalPos());
}

} // namespace inquest
