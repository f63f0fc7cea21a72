#pragma once

#include "caselistmodel.h"

namespace inquest {

class StatementsModel : public CaseListModel<Statement>
{
    Q_OBJECT
public:
    enum Column { Speaker, Organisation, Time, Stance, Grade, Quote, ColumnCount };
    using CaseListModel::CaseListModel;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

// "supports hardware; against ddos" from a stance map.
QString stanceText(const QMap<HypothesisKind, Rating> &stance);

} // namespace inquest
