#include "evidencefiltermodel.h"
#include "evidencemodel.h"

namespace inquest {

EvidenceFilterModel::EvidenceFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EvidenceModel::SortRole);
    setDynamicSortFilter(true);
}

void EvidenceFilterModel::setStateFilter(std::optional<EvidenceState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

void EvidenceFilterModel::setTagFilter(const QString &tag)
{
    if (tag.trimmed() == m_tag)
        return;
    m_tag = tag.trimmed();
    invalidateFilter();
}

void EvidenceFilterModel::setStarredOnly(bool starredOnly)
{
    if (starredOnly == m_starredOnly)
        return;
    m_starredOnly = starredOnly;
    invalidateFilter();
}

bool EvidenceFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state && index.data(EvidenceModel::StateRole).toInt() != int(*m_state))
        return false;
    if (m_starredOnly && !index.data(EvidenceModel::StarredRole).toBool())
        return false;
    if (!m_tag.isEmpty() && !index.data(EvidenceModel::TagsRole).toStringList().contains(m_tag, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace inquest
