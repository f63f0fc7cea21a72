#include "newsdenial.h"

#include <QRegularExpression>

namespace inquest::news {

bool deniesWhatCameBefore(QStringView words)
{
    // The subject refers back ("that", "the claim"); the predicate denies it. Short: a longer
    // sentence says what it denies, and the stance of its own words is the one to use.
    static const QRegularExpression denial(
        QStringLiteral("\\b(?:that|this|it|such\\s+claims?|th(?:ose|ese)\\s+claims|the\\s+(?:claims?|reports?|"
                       "suggestions?|speculation|allegations?|rumou?rs?|theory|theories))"
                       "(?:\\s+(?:was|were|is|are|had\\s+been|has\\s+been)|'s|\u2019s)\\s+"
                       "(?:(?:simply|completely|entirely|just)\\s+)?"
                       "(?:not\\s+(?:the\\s+case|true|correct|accurate|right)|untrue|false|incorrect|inaccurate|"
                       "baseless|unfounded)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return words.count(u' ') < 16 && denial.match(words).hasMatch();
}

void stanceFromDenials(QList<Statement> &statements, qint64 maxGap)
{
    for (qsizetype i = 1; i < statements.size(); ++i) {
        Statement &s = statements[i];
        const Statement &before = statements.at(i - 1);
        if (!s.stance.isEmpty() || before.stance.isEmpty() || s.offset < 0 || before.offset < 0 ||
            s.offset - (before.offset + before.length) > maxGap || !deniesWhatCameBefore(s.quote))
            continue;
        QStringList denied;
        for (auto it = before.stance.cbegin(); it != before.stance.cend(); ++it) {
            const Rating r = it.value() == Rating::CC  ? Rating::II
                             : it.value() == Rating::C ? Rating::I
                                                       : Rating::Unrated;
            if (r == Rating::Unrated)
                continue; // a denial of a denial is left to the analyst
            s.stance.insert(it.key(), r);
            denied.append(toString(it.key()));
        }
        if (!denied.isEmpty())
            s.stanceTriggers.append(QStringLiteral("denies the statement before (%1: \u201C%2\u201D)")
                                        .arg(denied.join(QStringLiteral(", ")),
                                             before.stanceTriggers.join(QStringLiteral("\u201D, \u201C"))));
    }
}

} // namespace inquest::news
