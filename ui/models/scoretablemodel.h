#pragma once

#include "scoring/scores.h"

#include <QAbstractTableModel>

namespace inquest {

// The ranked hypotheses of a ScoreResult as a read-only table; header tool tips give each
// score's formula.
class ScoreTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Hypothesis, Kind, Inconsistency, Support, Posterior, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setResult(const ScoreResult &result);
    const ScoreResult &result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ScoreResult m_result;
};

} // namespace inquest
