#include "statementsmodel.h"

#include "model/commands.h"
#include "news/newsedit.h"
#include "news/newsmetadata.h"

#include <QColor>
#include <QFont>
#include <QRegularExpression>

#include <algorithm>

namespace inquest {

QString stanceText(const QMap<HypothesisKind, Rating> &stance)
{
    QStringList parts;
    for (auto it = stance.begin(); it != stance.end(); ++it) {
        switch (it.value()) {
        case Rating::CC:
            parts.append(QStringLiteral("strongly supports ") + toString(it.key()));
            break;
        case Rating::C:
            parts.append(QStringLiteral("supports ") + toString(it.key()));
            break;
        case Rating::I:
            parts.append(QStringLiteral("against ") + toString(it.key()));
            break;
        case Rating::II:
            parts.append(QStringLiteral("strongly against ") + toString(it.key()));
            break;
        default:
            break;
        }
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<QMap<HypothesisKind, Rating>> parseStance(const QString &text)
{
    QMap<HypothesisKind, Rating> stance;
    static const QRegularExpression item(
        QStringLiteral(
            "^\\s*(?:(?<verb>supports?|strongly\\s+supports?|against|strongly\\s+against)\\s+(?<kind>[\\w-]+)"
            "|(?<kind2>[\\w-]+)\\s*[:=]\\s*(?<rating>CC|C|N|I|II|NA))\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString &part : text.split(QRegularExpression(QStringLiteral("[;,]|\\s{2,}")), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        const auto m = item.match(part);
        if (!m.hasMatch())
            return std::nullopt;
        const auto kind = hypothesisKindFromString(m.hasCaptured(u"kind") ? m.captured(u"kind").toLower()
                                                                          : m.captured(u"kind2").toLower());
        if (!kind)
            return std::nullopt;
        if (m.hasCaptured(u"rating")) {
            stance.insert(*kind, *ratingFromString(m.captured(u"rating").toUpper()));
        } else {
            const QString verb = m.captured(u"verb").toLower();
            const bool strong = verb.startsWith(u"strongly");
            stance.insert(*kind, verb.contains(u"against") ? (strong ? Rating::II : Rating::I)
                                                           : (strong ? Rating::CC : Rating::C));
        }
    }
    return stance;
}

Qt::ItemFlags StatementsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = CaseListModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsEditable;
    return f;
}

bool StatementsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Statement *s = recordAt(index.row());
    if (!s || role != Qt::EditRole)
        return false;
    CaseDocument *doc = document();
    const QString text = value.toString().trimmed();
    switch (Column(index.column())) {
    case Speaker:
        edit::setValue(doc, s->id, &Statement::speaker, text, tr("Edit speaker"));
        return true;
    case Organisation:
        // Typed (or accepted as it stands), the organisation is the analyst's, no longer a guess.
        doc->undoStack()->beginMacro(tr("Edit organisation"));
        edit::setValue(doc, s->id, &Statement::organisation, text, tr("Edit organisation"));
        edit::setValue(doc, s->id, &Statement::organisationBasis, QString(), tr("Edit organisation"));
        doc->undoStack()->endMacro();
        return true;
    case Quote:
        edit::setValue(doc, s->id, &Statement::quote, text, tr("Edit statement words"));
        return true;
    case Grade: {
        // Admiralty grade: reliability A-F, credibility 1-6.
        static const QRegularExpression grade(QStringLiteral("^([A-Fa-f])\\s*([1-6])$"));
        const auto m = grade.match(text);
        if (!m.hasMatch())
            return false;
        edit::setStatementGrade(doc, s->id, m.captured(1).toUpper().at(0), m.captured(2).toInt());
        return true;
    }
    case Stance: {
        const auto stance = parseStance(text);
        if (!stance)
            return false;
        edit::setStatementStance(doc, s->id, *stance);
        return true;
    }
    case Time: // typed in the display zone, as the column shows it
        return news::setStatementTime(doc, s->id, text, DisplayZone::of(doc->meta()).id);
    case ColumnCount:
        break;
    }
    return false;
}

bool StatementsModel::hasTimeNote(const Statement &s)
{
    return std::any_of(s.times.begin(), s.times.end(), [](const TimeRef &t) { return !t.note.isEmpty(); });
}

StatementsModel::StatementsModel(CaseDocument *doc, QObject *parent)
    : CaseListModel(doc, parent)
{
    followCaseProperties(Time, Time); // the display zone
}

QString StatementsModel::describeTimes(const Statement &s, const DisplayZone &zone)
{
    QStringList lines;
    for (const TimeRef &t : s.times) {
        QString line =
            QStringLiteral("\u201C%1\u201D = %2%3%4")
                .arg(t.phrase, t.isPeriod() ? zone.span(t.begin, t.end) : zone.formatShort(t.begin),
                     t.manual ? tr(" (set by hand)") : QString(),
                     t.assumedZone.isEmpty() ? QString() : tr(" (no zone stated: read as %1)").arg(t.assumedZone));
        if (!t.note.isEmpty())
            line += QStringLiteral("\n    \u26A0 ") + t.note;
        lines.append(line);
    }
    return lines.join(u'\n');
}

QVariant StatementsModel::data(const QModelIndex &index, int role) const
{
    const Statement *s = recordAt(index.row());
    if (!s || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole && index.column() == Quote)
        return s->quote;
    if (role == Qt::ToolTipRole && index.column() == Stance)
        return s->stanceTriggers.isEmpty()
                   ? tr("No stance suggested")
                   : (s->stanceConfirmed ? tr("Confirmed. ") : tr("Suggested, not confirmed. ")) +
                         tr("Triggered by: %1").arg(s->stanceTriggers.join(QStringLiteral("; ")));
    if (role == Qt::ToolTipRole && index.column() == Time && !s->times.isEmpty())
        return describeTimes(*s, DisplayZone::of(document()->meta()));
    if (role == Qt::ForegroundRole && index.column() == Time && hasTimeNote(*s))
        return QColor(176, 84, 0); // read by an assumption, or contradicting the article: look again
    if (role == Qt::ForegroundRole && index.column() == Stance && !s->stanceConfirmed)
        return QColor(Qt::darkGray); // a suggestion, until the analyst confirms it
    const bool inferred = !s->organisation.isEmpty() && !s->organisationBasis.isEmpty();
    if (role == Qt::ToolTipRole && index.column() == Grade && inferred) {
        if (const QString note = news::inferredGradeNote(*s); !note.isEmpty())
            return note;
    }
    if (index.column() == Organisation && inferred) {
        // A guess is shown as one: greyed, marked, and the tooltip says what it rests on.
        if (role == Qt::ForegroundRole)
            return QColor(Qt::darkGray);
        if (role == Qt::ToolTipRole)
            return tr("Inferred, not written beside the words: %1. Edit the organisation to confirm or correct it.")
                .arg(s->organisationBasis);
        if (role == Qt::DisplayRole)
            return tr("%1 (inferred)").arg(s->organisation);
    }
    if (role == Qt::FontRole && index.column() == Quote && !s->direct) {
        QFont italic;
        italic.setItalic(true); // reported speech, not the speaker's own words
        return italic;
    }
    if (role == Qt::EditRole) {
        switch (Column(index.column())) {
        case Stance:
            return s->stanceConfirmed || s->stance.isEmpty() ? stanceText(s->stance)
                                                             : stanceText(s->stance) + QStringLiteral(" ?");
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Speaker:
        return s->speaker;
    case Organisation:
        return s->organisation;
    case Time: {
        if (s->times.isEmpty())
            return QString();
        const TimeRef &t = s->times.first();
        const DisplayZone zone = DisplayZone::of(document()->meta());
        if (role == Qt::EditRole) // the main time only, without marks, as setData reads it back
            return (t.approximate ? QStringLiteral("~") : QString()) + zone.editable(t.begin, t.end);
        const QString flag = hasTimeNote(*s) ? QStringLiteral(" \u26A0") : QString();
        if (!t.isPeriod())
            return zone.formatShort(t.begin) + (s->times.size() > 1 ? QStringLiteral(" \u2026") : QString()) + flag;
        // A period within one day reads "2010-12-12 21:15–21:45Z"; longer ones in full.
        const QString text = zone.period(t.begin, t.end);
        return (t.approximate ? QStringLiteral("~") : QString()) + text +
               (s->times.size() > 1 ? QStringLiteral(" \u2026") : QString()) + flag;
    }
    case Stance:
        return s->stanceConfirmed || s->stance.isEmpty() ? stanceText(s->stance)
                                                         : stanceText(s->stance) + QStringLiteral(" ?");
    case Grade:
        return QStringLiteral("%1%2").arg(s->reliability).arg(s->credibility);
    case Quote:
        return s->quote;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == Time)
        return tr("Time (%1)").arg(DisplayZone::of(document()->meta()).name());
    static const char *names[] = {QT_TR_NOOP("Speaker"), QT_TR_NOOP("Organisation"), QT_TR_NOOP("Time"),
                                  QT_TR_NOOP("Stance"),  QT_TR_NOOP("Grade"),        QT_TR_NOOP("Quote")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace inquest
