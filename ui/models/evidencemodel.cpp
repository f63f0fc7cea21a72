#include "evidencemodel.h"
#include "timeformat.h"

#include "model/commands.h"

namespace inquest {

EvidenceModel::EvidenceModel(CaseDocument *doc, QObject *parent)
    : CaseListModel(doc, parent)
{
}

int EvidenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumns + int(document()->hypotheses().size());
}

Id EvidenceModel::hypothesisAt(int column) const
{
    const int h = column - FixedColumns;
    const auto &hs = document()->hypotheses();
    return h >= 0 && h < hs.size() ? hs[h].id : 0;
}

static QString provenanceText(const Provenance &p)
{
    QStringList parts;
    if (p.hasLines())
        parts.append(QStringLiteral("lines %1\u2013%2 of %3").arg(p.firstLine).arg(p.lastLine).arg(p.sourceSha256.left(8)));
    if (p.hasTimeRange())
        parts.append(timeformat::span(p.timeBegin, p.timeEnd) + (p.metric.isEmpty() ? QString() : u' ' + p.metric));
    if (p.hasStatement())
        parts.append(QStringLiteral("statement #%1").arg(p.statementId));
    return parts.join(QStringLiteral("; "));
}

QVariant EvidenceModel::data(const QModelIndex &index, int role) const
{
    const Evidence *e = recordAt(index.row());
    if (!e || index.column() < 0 || index.column() >= columnCount())
        return {};
    if (index.column() >= FixedColumns) {
        const Rating r = e->rating(hypothesisAt(index.column()));
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return toString(r);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignCenter);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Title)
        return e->reason.isEmpty() ? e->description : e->reason;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Star: return e->starred ? QStringLiteral("\u2605") : QString();
    case Title: return e->title;
    case State: return toString(e->state);
    case Origin: return e->origin;
    case Grade: return QStringLiteral("%1%2").arg(e->reliability).arg(e->credibility);
    case Relevance: return toString(e->relevance);
    case Provenance: return provenanceText(e->provenance);
    case FixedColumns: break;
    }
    return {};
}

QVariant EvidenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section >= FixedColumns) {
        const Hypothesis *h = document()->find<Hypothesis>(hypothesisAt(section));
        return h ? h->name : QVariant();
    }
    static const char *names[] = {"\u2605",          QT_TR_NOOP("Title"),     QT_TR_NOOP("State"),
                                  QT_TR_NOOP("Origin"), QT_TR_NOOP("Grade"), QT_TR_NOOP("Relevance"),
                                  QT_TR_NOOP("Provenance")};
    return section >= 0 && section < FixedColumns ? tr(names[section]) : QVariant();
}

Qt::ItemFlags EvidenceModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = CaseListModel::flags(index);
    if (index.isValid() && (index.column() == Title || index.column() >= FixedColumns))
        f |= Qt::ItemIsEditable;
    return f;
}

bool EvidenceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Evidence *e = recordAt(index.row());
    if (!e || role != Qt::EditRole)
        return false;
    if (index.column() == Title) {
        edit::setValue(document(), e->id, &Evidence::title, value.toString().trimmed(), tr("Rename evidence"));
        return true;
    }
    if (index.column() >= FixedColumns) {
        const auto rating = ratingFromString(value.toString());
        if (!rating)
            return false;
        edit::setRating(document(), e->id, hypothesisAt(index.column()), *rating);
        return true;
    }
    return false;
}

void EvidenceModel::otherChanged(const ChangeEvent &e)
{
    // Hypotheses are columns here: any change to them changes the column set or headers.
    if (e.entity == Entity::Hypothesis) {
        beginResetModel();
        endResetModel();
    }
}

} // namespace inquest
