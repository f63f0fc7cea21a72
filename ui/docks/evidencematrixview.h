#pragma once

#include "model/kinds.h"

#include <QElapsedTimer>
#include <QTableView>

namespace inquest {

class CaseDocument;
class EvidenceModel;
class EvidenceFilterModel;

// The ACH matrix as a table the analyst rates from the keyboard: arrows move; C, N, I set a
// rating, C or I pressed twice on the same cell (or with Shift) gives CC or II, A gives NA,
// Delete/Backspace clears. With several rating cells selected, a key rates them all in one undo
// step. A context menu and a combo editor (double-click, F2) do the same with the mouse; the
// context menu also offers the actions added to the view (QWidget::addAction) for the row.
class EvidenceMatrixView : public QTableView
{
    Q_OBJECT
public:
    EvidenceMatrixView(EvidenceModel *source, EvidenceFilterModel *proxy, QWidget *parent = nullptr);

    // Evidence ids of the rows with a selected cell, in view order.
    QList<Id> selectedIds() const;
    Id currentId() const;
    void selectEvidence(Id id);
    // Rates the selected rating cells (or the current one) as one edit. A mergeable edit of one
    // cell joins the previous edit of the same cell into one undo step (C then C = CC).
    void rateSelection(Rating rating, bool mergeable = true);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    std::optional<Rating> ratingForKey(const QKeyEvent *event, bool *promoted);

    EvidenceModel *m_source;
    EvidenceFilterModel *m_proxy;
    // For the "press twice" shortcuts: the last rating key, where and when it was pressed.
    int m_lastKey = 0;
    QPersistentModelIndex m_lastIndex;
    QElapsedTimer m_lastKeyTime;
};

} // namespace inquest
