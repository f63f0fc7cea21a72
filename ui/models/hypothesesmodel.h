#pragma once

#include "caselistmodel.h"

namespace inquest {

// Hypotheses in the analyst's order; name and kind are editable (undoable).
class HypothesesModel : public CaseListModel<Hypothesis>
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Prior, ColumnCount };
    using CaseListModel::CaseListModel;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
};

} // namespace inquest
