#pragma once

#include "caselistmodel.h"

namespace inquest {

// Evidence rows; after the fixed columns, one rating column per hypothesis (the ACH matrix).
class EvidenceModel : public CaseListModel<Evidence>
{
    Q_OBJECT
public:
    enum Column { Star, Title, State, Origin, Grade, Relevance, Provenance, FixedColumns };
    explicit EvidenceModel(CaseDocument *doc, QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    // The hypothesis shown in a rating column, or 0.
    Id hypothesisAt(int column) const;

protected:
    void otherChanged(const ChangeEvent &e) override;
};

} // namespace inquest
