#include "evidencemodel.h"
#include "displayzone.h"

#include "model/commands.h"
#include "scoring/scores.h"

#include <QColor>

namespace inquest {

EvidenceModel::EvidenceModel(CaseDocument *doc, QObject *parent)
    : CaseListModel(doc, parent)
{
    followCaseProperties(Provenance, Provenance); // the display zone: the provenance times
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

QColor ratingColor(Rating r)
{
    switch (r) {
    case Rating::CC:
        return QColor(0x7b, 0xc4, 0x7f);
    case Rating::C:
        return QColor(0xc7, 0xe9, 0xc0);
    case Rating::N:
        return QColor(0xee, 0xee, 0xee);
    case Rating::I:
        return QColor(0xfd, 0xd0, 0xa2);
    case Rating::II:
        return QColor(0xf0, 0x8a, 0x7e);
    case Rating::NA:
        return QColor(0xdd, 0xdd, 0xe8);
    case Rating::Unrated:
        break;
    }
    return {};
}

static QString provenanceText(const Provenance &p, const DisplayZone &zone)
{
    QStringList parts;
    if (p.hasLines())
        parts.append(
            QStringLiteral("lines %1\u2013%2 of %3").arg(p.firstLine).arg(p.lastLine).arg(p.sourceSha256.left(8)));
    if (p.hasTimeRange())
        parts.append(zone.span(p.timeBegin, p.timeEnd) + (p.metric.isEmpty() ? QString() : u' ' + p.metric));
    if (p.hasStatement())
        parts.append(QStringLiteral("statement #%1").arg(p.statementId));
    return parts.join(QStringLiteral("; "));
}

QVariant EvidenceModel::data(const QModelIndex &index, int role) const
{
    const Evidence *e = recordAt(index.row());
    if (!e || index.column() < 0 || index.column() >= columnCount())
        return {};
    switch (role) {
    case IdRole:
        return e->id;
    case TagsRole:
        return e->tags;
    case StateRole:
        return int(e->state);
    case StarredRole:
        return e->starred;
    default:
        break;
    }
    if (index.column() >= FixedColumns) {
        const Rating r = e->rating(hypothesisAt(index.column()));
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return toString(r);
        case SortRole:
            return ratingValue(r).value_or(-3);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        case Qt::BackgroundRole: {
            if (r == Rating::Unrated)
                return {};
            // Items that are not scored (suggested, rejected) keep their colours, faded.
            QColor c = ratingColor(r);
            if (e->state != EvidenceState::Accepted)
                c = QColor((c.red() + 255 * 2) / 3, (c.green() + 255 * 2) / 3, (c.blue() + 255 * 2) / 3);
            return c;
        }
        case Qt::ForegroundRole:
            if (r == Rating::Unrated)
                return {};
            return QColor(e->state == EvidenceState::Accepted ? Qt::black : Qt::gray);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Title)
        return e->reason.isEmpty() ? e->description : e->reason;
    if (role == Qt::ToolTipRole && index.column() == Diagnosticity)
        return diagnosticityFormula();
    if (role == Qt::ForegroundRole && e->state != EvidenceState::Accepted)
        return QColor(Qt::gray); // what is not scored looks it
    if (role == SortRole) {
        switch (Column(index.column())) {
        case Star:
            return e->starred;
        case Diagnosticity:
            return diagnosticity(*e, document()->hypotheses());
        case Relevance:
            return int(e->relevance);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Diagnosticity)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Star:
        return e->starred ? QStringLiteral("\u2605") : QString();
    case Title:
        return e->title;
    case State:
        return toString(e->state);
    case Origin:
        return e->origin;
    case Grade:
        return QStringLiteral("%1%2").arg(e->reliability).arg(e->credibility);
    case Relevance:
        return toString(e->relevance);
    case Provenance:
        return provenanceText(e->provenance, DisplayZone::of(document()->meta()));
    case Tags:
        return e->tags.join(QStringLiteral(", "));
    case Diagnosticity:
        return diagnosticity(*e, document()->hypotheses());
    case FixedColumns:
        break;
    }
    return {};
}

QVariant EvidenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Diagnosticity)
        return diagnosticityFormula();
    if (role == Qt::ToolTipRole && section >= FixedColumns)
        return tr("Rate with the keyboard: C, C twice or Shift+C = CC, N, I, I twice or Shift+I = II, A = NA, "
                  "Delete clears");
    if (role != Qt::DisplayRole)
        return {};
    if (section >= FixedColumns) {
        const Hypothesis *h = document()->find<Hypothesis>(hypothesisAt(section));
        return h ? h->name : QVariant();
    }
    if (section == EvidenceModel::Provenance)
        return tr("Provenance (%1)").arg(DisplayZone::of(document()->meta()).name());
    static const char *names[] = {"\u2605",
                                  QT_TR_NOOP("Title"),
                                  QT_TR_NOOP("State"),
                                  QT_TR_NOOP("Origin"),
                                  QT_TR_NOOP("Grade"),
                                  QT_TR_NOOP("Relevance"),
                                  QT_TR_NOOP("Provenance"),
                                  QT_TR_NOOP("Tags"),
                                  QT_TR_NOOP("Diag.")};
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
        const QString title = value.toString().trimmed();
        if (title.isEmpty())
            return false;
        edit::setValue(document(), e->id, &Evidence::title, title, tr("Rename evidence"));
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
    // Hypotheses are columns here. A rename only changes a header; anything else (added,
    // removed, moved) changes the column set, and the diagnosticity with it.
    if (e.entity != Entity::Hypothesis)
        return;
    if (e.action == ChangeAction::Modified && e.index >= 0) {
        emit headerDataChanged(Qt::Horizontal, FixedColumns + e.index, FixedColumns + e.index);
        return;
    }
    beginResetModel();
    endResetModel();
}

} // namespace inquest
