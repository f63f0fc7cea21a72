#include "scoretablemodel.h"

#include <QColor>
#include <QFont>

namespace inquest {

void ScoreTableModel::setResult(const ScoreResult &result)
{
    // Same hypotheses in possibly new order and values: rows keep their count, so a
    // dataChanged is enough and the view keeps its scroll position.
    if (result.ranked.size() == m_result.ranked.size()) {
        m_result = result;
        if (!m_result.ranked.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_result = result;
    endResetModel();
}

int ScoreTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.ranked.size());
}

QVariant ScoreTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_result.ranked.size() || index.column() >= ColumnCount)
        return {};
    const HypothesisScore &s = m_result.ranked[index.row()];
    const bool leading = s.rank == 1; // every hypothesis tied for first is shown as leading
    if (role == Qt::FontRole && leading) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole && index.column() != Hypothesis && index.column() != Kind)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole)
        return s.id;
    // The scoring dock hides the kind column when narrow: the name's tooltip still tells it.
    if (role == Qt::ToolTipRole && index.column() == Hypothesis)
        return QStringLiteral("%1 (%2)").arg(s.name, toString(s.kind));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Rank: // a shared rank reads "=1", as in `inquest score`
        return m_result.tied(s) ? QStringLiteral("=%1").arg(s.rank) : QString::number(s.rank);
    case Hypothesis:
        return s.name;
    case Kind:
        return toString(s.kind);
    case Inconsistency:
        return QString::number(s.inconsistency, 'f', 2);
    case Support:
        return QString::number(s.support, 'f', 2);
    case Posterior:
        // Long evidence chains push posteriors to the extremes; say "< 0.1 %" rather than a false 0.
        if (s.posterior > 0.0 && s.posterior < 0.0005)
            return QStringLiteral("< 0.1 %");
        if (s.posterior < 1.0 && s.posterior > 0.9995)
            return QStringLiteral("> 99.9 %");
        return QStringLiteral("%1 %").arg(s.posterior * 100.0, 0, 'f', 1);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ScoreTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Inconsistency:
            return inconsistencyFormula();
        case Support:
            return supportFormula();
        case Posterior:
            return posteriorFormula();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    // "Incons." fits the narrow scoring dock; the tooltip names it in full (weighted inconsistency).
    static const char *names[] = {QT_TR_NOOP("#"),       QT_TR_NOOP("Hypothesis"), QT_TR_NOOP("Kind"),
                                  QT_TR_NOOP("Incons."), QT_TR_NOOP("Support"),    QT_TR_NOOP("Posterior")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace inquest
