#pragma once

#include "model/kinds.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace inquest {

// The evidence board's view of EvidenceModel: filtered by state, tag and star, sortable by any
// column with numbers where numbers matter (diagnosticity, ratings), via EvidenceModel::SortRole.
class EvidenceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EvidenceFilterModel(QObject *parent = nullptr);

    void setStateFilter(std::optional<EvidenceState> state);
    void setTagFilter(const QString &tag); // exact tag, case-insensitive; empty = any
    void setStarredOnly(bool starredOnly);
    std::optional<EvidenceState> stateFilter() const { return m_state; }
    QString tagFilter() const { return m_tag; }
    bool starredOnly() const { return m_starredOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<EvidenceState> m_state;
    QString m_tag;
    bool m_starredOnly = false;
};

} // namespace inquest
