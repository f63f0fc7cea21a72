#include "statementsmodel.h"
#include "timeformat.h"

namespace inquest {

QString stanceText(const QMap<HypothesisKind, Rating> &stance)
{
    QStringList parts;
    for (auto it = stance.begin(); it != stance.end(); ++it) {
        switch (it.value()) {
        case Rating::CC:
        case Rating::C: parts.append(QStringLiteral("supports ") + toString(it.key())); break;
        case Rating::I:
        case Rating::II: parts.append(QStringLiteral("against ") + toString(it.key())); break;
        default: break;
        }
    }
    return parts.join(QStringLiteral("; "));
}

QVariant StatementsModel::data(const QModelIndex &index, int role) const
{
    const Statement *s = recordAt(index.row());
    if (!s || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole && index.column() == Quote)
        return s->quote;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Speaker: return s->speaker;
    case Organisation: return s->organisation;
    case Time: return s->times.isEmpty() ? QString() : timeformat::utc(s->times.first().begin);
    case Stance: return stanceText(s->stance);
    case Grade: return QStringLiteral("%1%2").arg(s->reliability).arg(s->credibility);
    case Quote: return s->quote;
    case ColumnCount: break;
    }
    return {};
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[] = {QT_TR_NOOP("Speaker"), QT_TR_NOOP("Organisation"), QT_TR_NOOP("Time (UTC)"),
                                  QT_TR_NOOP("Stance"),  QT_TR_NOOP("Grade"),        QT_TR_NOOP("Quote")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace inquest
