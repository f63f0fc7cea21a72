#pragma once

#include "model/casedocument.h"

#include <QAbstractTableModel>

namespace inquest {

// A thin table adapter over one record list of a CaseDocument (sources, evidence, …): it
// forwards the document's change events as row insertions, removals, moves and data changes.
// Subclasses say what the columns are.
template <typename R> class CaseListModel : public QAbstractTableModel
{
public:
    explicit CaseListModel(CaseDocument *doc, QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , m_doc(doc)
    {
        QObject::connect(doc, &CaseDocument::aboutToChange, this, [this](const ChangeEvent &e) { onAboutToChange(e); });
        QObject::connect(doc, &CaseDocument::changed, this, [this](const ChangeEvent &e) { onChanged(e); });
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(records().size()); }

    const R *recordAt(int row) const { return row >= 0 && row < records().size() ? &records()[row] : nullptr; }
    Id idAt(int row) const { return recordAt(row) ? recordAt(row)->id : 0; }
    int rowOf(Id id) const { return m_doc->indexOf<R>(id); }
    CaseDocument *document() const { return m_doc; }

protected:
    const QList<R> &records() const
    {
        if constexpr (std::is_same_v<R, Source>)
            return m_doc->sources();
        else if constexpr (std::is_same_v<R, Hypothesis>)
            return m_doc->hypotheses();
        else if constexpr (std::is_same_v<R, Evidence>)
            return m_doc->evidence();
        else if constexpr (std::is_same_v<R, Statement>)
            return m_doc->statements();
        else if constexpr (std::is_same_v<R, RemoteSource>)
            return m_doc->remoteSources();
        else
            return m_doc->markers();
    }

    // Other entities a subclass shows (e.g. hypotheses as evidence columns) call this.
    virtual void otherChanged(const ChangeEvent &) {}

    // Columns [first, last] that read a case-wide setting (the display zone, site names): a
    // change of the case's properties re-reads them in every row, and their headers.
    void followCaseProperties(int first, int last)
    {
        QObject::connect(m_doc, &CaseDocument::changed, this, [this, first, last](const ChangeEvent &e) {
            if (e.entity != Entity::Case || e.action != ChangeAction::Modified)
                return;
            emit this->headerDataChanged(Qt::Horizontal, first, last);
            if (rowCount() > 0)
                emit this->dataChanged(this->index(0, first), this->index(rowCount() - 1, last));
        });
    }

private:
    void onAboutToChange(const ChangeEvent &e)
    {
        if (e.entity == Entity::Case && e.action == ChangeAction::Reset) {
            beginResetModel();
            m_resetting = true;
            return;
        }
        if (e.entity != entityOf<R>())
            return;
        switch (e.action) {
        case ChangeAction::Added:
            beginInsertRows({}, e.index, e.index);
            break;
        case ChangeAction::Removed:
            beginRemoveRows({}, e.index, e.index);
            break;
        case ChangeAction::Moved:
            // QList::move(from, to) puts the row at `to`; Qt wants the row it goes before.
            beginMoveRows({}, e.fromIndex, e.fromIndex, {}, e.index > e.fromIndex ? e.index + 1 : e.index);
            break;
        case ChangeAction::Reset:
            beginResetModel();
            m_resetting = true;
            break;
        case ChangeAction::Modified:
            break;
        }
    }

    void onChanged(const ChangeEvent &e)
    {
        if (e.action == ChangeAction::Reset && m_resetting && (e.entity == Entity::Case || e.entity == entityOf<R>())) {
            m_resetting = false;
            endResetModel();
            return;
        }
        if (e.entity != entityOf<R>()) {
            otherChanged(e);
            return;
        }
        switch (e.action) {
        case ChangeAction::Added:
            endInsertRows();
            break;
        case ChangeAction::Removed:
            endRemoveRows();
            break;
        case ChangeAction::Moved:
            endMoveRows();
            break;
        case ChangeAction::Modified:
            if (e.index >= 0)
                emit dataChanged(index(e.index, 0), index(e.index, columnCount() - 1));
            break;
        case ChangeAction::Reset:
            break;
        }
    }

    bool m_resetting = false;
    CaseDocument *m_doc;
};

} // namespace inquest
