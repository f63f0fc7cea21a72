#include "hypothesesmodel.h"

#include "model/commands.h"

namespace inquest {

QVariant HypothesesModel::data(const QModelIndex &index, int role) const
{
    const Hypothesis *h = recordAt(index.row());
    if (!h || index.column() < 0 || index.column() >= ColumnCount || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    switch (Column(index.column())) {
    case Name:
        return h->name;
    case Kind:
        return toString(h->kind);
    case Prior:
        return h->prior > 0 ? QVariant(h->prior) : QVariant(role == Qt::EditRole ? QVariant(0.0) : tr("uniform"));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant HypothesesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[] = {QT_TR_NOOP("Hypothesis"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Prior")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

Qt::ItemFlags HypothesesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = CaseListModel::flags(index);
    return index.isValid() ? f | Qt::ItemIsEditable : f;
}

bool HypothesesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Hypothesis *h = recordAt(index.row());
    if (!h || role != Qt::EditRole)
        return false;
    switch (Column(index.column())) {
    case Name: {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return false;
        edit::renameHypothesis(document(), h->id, name);
        return true;
    }
    case Kind: {
        const auto kind = hypothesisKindFromString(value.toString());
        if (!kind)
            return false;
        edit::setHypothesisKind(document(), h->id, *kind);
        return true;
    }
    case Prior: {
        bool ok = false;
        const double p = value.toDouble(&ok);
        if (!ok || p < 0 || p > 1)
            return false;
        edit::setValue(document(), h->id, &Hypothesis::prior, p, tr("Change prior"));
        return true;
    }
    case ColumnCount:
        break;
    }
    return false;
}

} // namespace inquest
