#pragma once

#include "caselistmodel.h"

namespace inquest {

// Evidence rows; after the fixed columns, one rating column per hypothesis (the ACH matrix).
// Rating cells show CC…NA (blank = unrated), are coloured, and take a rating string on edit.
class EvidenceModel : public CaseListModel<Evidence>
{
    Q_OBJECT
public:
    enum Column { Star, Title, State, Origin, Grade, Relevance, Provenance, Tags, Diagnosticity, FixedColumns };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers where text would sort wrongly (diagnosticity, ratings)
        IdRole,                      // the evidence id of the row
        TagsRole,                    // QStringList, for filtering
        StateRole,                   // int(EvidenceState)
        StarredRole,                 // bool
    };
    explicit EvidenceModel(CaseDocument *doc, QObject *parent = nullptr);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    // The hypothesis shown in a rating column, or 0.
    Id hypothesisAt(int column) const;
    bool isRatingColumn(int column) const { return hypothesisAt(column) != 0; }

protected:
    void otherChanged(const ChangeEvent &e) override;
};

// Background colour of a rating cell (green for consistent … red for inconsistent); invalid
// for unrated cells.
QColor ratingColor(Rating r);

} // namespace inquest
