#include "newsedit.h"
#include "newsextractor.h"
#include "newsstance.h"
#include "newstime.h"

#include <QRegularExpression>

#include <algorithm>

namespace inquest::news {

namespace {

void resuggest(Statement &s, const Source &article)
{
    const QStringView words = QStringView(article.text).mid(s.offset, s.length);
    s.quote = words.toString().simplified();
    const StanceSuggestion stance = suggestStance(words);
    s.stance = stance.stance;
    s.stanceTriggers = stance.triggers;
    s.stanceConfirmed = false;
    QList<TimeRef> times;
    for (const TimeRef &t : std::as_const(s.times)) {
        if (t.offset < 0 || (t.offset >= s.offset && t.offset < s.offset + s.length))
            times.append(t);
    }
    s.times = times;
}

} // namespace

std::optional<std::pair<Statement, Statement>> splitStatement(const Statement &s, const Source &article, qint64 at)
{
    if (s.offset < 0 || at <= s.offset || at >= s.offset + s.length || s.offset + s.length > article.text.size())
        return std::nullopt;
    Statement first = s, second = s;
    first.id = second.id = 0;
    first.length = at - s.offset;
    second.offset = at;
    second.length = s.offset + s.length - at;
    resuggest(first, article);
    resuggest(second, article);
    if (first.quote.isEmpty() || second.quote.isEmpty())
        return std::nullopt;
    return std::pair{first, second};
}

std::optional<Statement> mergeStatements(QList<Statement> list, const Source &article)
{
    if (list.size() < 2)
        return std::nullopt;
    std::sort(list.begin(), list.end(), [](const Statement &a, const Statement &b) { return a.offset < b.offset; });
    Statement merged = list.first();
    merged.id = 0;
    qint64 end = merged.offset + merged.length;
    for (const Statement &s : std::as_const(list)) {
        if (s.sourceId != merged.sourceId || s.offset < 0)
            return std::nullopt;
        end = qMax(end, s.offset + s.length);
        merged.reliability = qMax(merged.reliability, s.reliability); // 'F' > 'A': the worse grade
        merged.credibility = qMax(merged.credibility, s.credibility);
        merged.direct = merged.direct && s.direct;
        for (const TimeRef &t : s.times) {
            if (!merged.times.contains(t))
                merged.times.append(t);
        }
    }
    merged.length = end - merged.offset;
    resuggest(merged, article);
    return merged;
}

Statement statementFromSelection(const Source &article, qint64 offset, qint64 length)
{
    Statement s;
    s.sourceId = article.id;
    offset = qBound<qint64>(0, offset, article.text.size());
    length = qBound<qint64>(0, length, article.text.size() - offset);
    s.offset = offset;
    s.length = length;
    s.direct = false;
    const QStringView words = QStringView(article.text).mid(offset, length);
    // Reuse the extractor on the selection for who said it and when.
    const QList<Statement> found = extractStatements(words, {article.published, article.outlet, article.timeZone});
    if (!found.isEmpty()) {
        s.speaker = found.first().speaker;
        s.role = found.first().role;
        s.organisation = found.first().organisation;
        s.direct = found.first().direct && found.size() == 1 && found.first().length + 2 >= length;
    }
    for (TimeRef t : findTimes(words, article.published, article.timeZone)) {
        t.offset += offset;
        s.times.append(t);
    }
    resuggest(s, article);
    return s;
}

Evidence evidenceFromStatement(const Statement &s, const Source *article)
{
    Evidence e;
    const QString who = s.organisation.isEmpty() || s.speaker == s.organisation
                            ? (s.speaker.isEmpty() ? QStringLiteral("Unattributed") : s.speaker)
                            : QStringLiteral("%1 (%2)").arg(s.speaker, s.organisation);
    const QString excerpt = s.quote.size() > 80 ? s.quote.left(77) + QStringLiteral("\u2026") : s.quote;
    e.title = QStringLiteral("%1: \u201C%2\u201D").arg(who, excerpt);
    e.description = s.quote;
    if (article)
        e.description +=
            QStringLiteral("\n\n\u2014 %1%2%3")
                .arg(article->title.isEmpty() ? article->path.section(u'/', -1) : article->title,
                     article->outlet.isEmpty() ? QString() : QStringLiteral(", ") + article->outlet,
                     article->published.isValid() ? QStringLiteral(", ") + article->published.toString(Qt::ISODate)
                                                  : QString());
    e.origin = QStringLiteral("statement");
    e.provenance.statementId = s.id;
    e.provenance.sourceId = s.sourceId;
    if (!s.times.isEmpty()) {
        e.provenance.timeBegin = s.times.first().begin;
        e.provenance.timeEnd = s.times.first().end;
    }
    e.reliability = s.reliability;
    e.credibility = s.credibility;
    e.kindRatings = s.stance;
    e.state = EvidenceState::Suggested;
    QStringList reason;
    reason.append(s.stanceConfirmed ? QStringLiteral("stance confirmed by the analyst")
                                    : QStringLiteral("stance suggested, not confirmed"));
    if (!s.stanceTriggers.isEmpty())
        reason.append(QStringLiteral("stance from: ") + s.stanceTriggers.join(QStringLiteral(", ")));
    if (!s.organisationBasis.isEmpty()) {
        reason.append(QStringLiteral("organisation %1 inferred (%2)").arg(s.organisation, s.organisationBasis));
        if (s.reliability > u'A' && s.reliability < u'F')
            reason.append(inferredGradeNote(s));
    }
    e.reason = reason.join(QStringLiteral("; "));
    return e;
}

QChar inferredReliability(QChar reliability)
{
    return reliability >= u'A' && reliability < u'E' ? QChar(reliability.unicode() + 1) : reliability;
}

QString inferredGradeNote(const Statement &s)
{
    if (s.organisationBasis.isEmpty() || s.reliability <= u'A' || s.reliability >= u'E')
        return {};
    return QStringLiteral("graded %1, not %2: a statement whose organisation is inferred starts one step less "
                          "reliable than one its organisation is named beside")
        .arg(s.reliability)
        .arg(QChar(s.reliability.unicode() - 1));
}

bool speaksForAffectedParty(const Statement &s, const QStringList &sites)
{
    // "Amazon.com, Inc." -> "amazon": the first word of the organisation, letters and digits only.
    QString org;
    for (const QChar c : s.organisation.trimmed().toLower()) {
        if (!c.isLetterOrNumber())
            break;
        org.append(c);
    }
    if (org.size() < 3)
        return false;
    for (const QString &site : sites) {
        const QStringList labels =
            site.toLower().split(QRegularExpression(QStringLiteral("[.\\-]")), Qt::SkipEmptyParts);
        if (labels.contains(org))
            return true;
    }
    return false;
}

} // namespace inquest::news
