#include "newsstance.h"

#include <QRegularExpression>

namespace inquest::news {

namespace {

struct Trigger
{
    HypothesisKind kind;
    QRegularExpression re;
};

const QList<Trigger> &triggers()
{
    using K = HypothesisKind;
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const QList<Trigger> list = {
        {K::Hardware, QRegularExpression(QStringLiteral(
                          "\\b(?:hardware\\s+(?:failure|fault|problem|issue|malfunction|error)s?"
                          "|(?:failed|failing|faulty|broken|defective)\\s+(?:hardware|servers?|disks?|drives?|routers?"
                          "|switch(?:es)?|power\\s+suppl(?:y|ies)|equipment)"
                          "|(?:power|equipment|server|disk|storage|router|switch|cooling)\\s+(?:failure|fault|outage)s?"
                          "|(?:hardware|equipment)\\s+(?:failed|broke))\\b"),
                      ci)},
        {K::Ddos, QRegularExpression(QStringLiteral(
                      "\\b(?:d\\.?dos|distributed\\s+denial[- ]of[- ]service|denial[- ]of[- ]service"
                      "|(?:cyber[- ]?)?attack(?:s|ed|ing)?\\s+(?:on|against)\\b"
                      "|(?:an|planned|planning|launch(?:ed|ing)?|cyber)\\s+attacks?"
                      "|attack(?:ed|ing)?\\s+(?-i:(?=[A-Z]))\\w+"
                      "|attack(?:ed|ing)?\\s+(?:us|them|it|the\\s+(?:site|forum|servers?|shop|store|network))\\b"
                      "|(?:take|took|taken|taking|bring|brought|knock(?:ed)?)\\s+(?:\\S+\\s+){0,3}?(?:down|offline)\\b"
                      "|flood(?:ed|ing)?\\s+(?:\\S+\\s+){0,2}?with\\s+(?:junk\\s+)?(?:traffic|requests))"),
                  ci)},
        {K::FlashCrowd, QRegularExpression(QStringLiteral(
                            "\\b(?:flash\\s+crowds?|(?:surge|spike|rush|influx)\\s+(?:in|of)\\s+(?:\\w+\\s+)?"
                            "(?:traffic|visitors|shoppers|demand|customers|users)"
                            "|(?:heavy|high|unusual|unexpected|record|huge)\\s+(?:traffic|demand|load)"
                            "|slashdot(?:ted)?|too\\s+many\\s+(?:visitors|users|shoppers|requests))\\b"),
                        ci)},
        {K::Change, QRegularExpression(QStringLiteral(
                        "\\b(?:(?:software|code|configuration|config)\\s+(?:update|change|deployment|rollout|upgrade"
                        "|error|push|bug)s?|(?:planned|scheduled|routine)\\s+maintenance|misconfigur\\w+"
                        "|(?:botched|faulty|bad|failed)\\s+(?:update|deployment|release|upgrade)s?)\\b"),
                    ci)},
        {K::Network, QRegularExpression(QStringLiteral(
                         "\\b(?:(?:network|routing|bgp|dns|connectivity|peering|backbone)\\s+(?:problem|issue|failure"
                         "|fault|outage|error)s?|(?:fibre|fiber|cable)\\s+cuts?|route\\s+leaks?)\\b"),
                     ci)},
    };
    return list;
}

// Words that, shortly before a trigger and in the same clause, deny it.
const QRegularExpression &negation()
{
    static const QRegularExpression re(
        QStringLiteral("\\b(?:not|no|nobody|none|never|neither|nor|without|denied|denies|deny|denying|ruled\\s+out|rules\\s+out"
                       "|rule\\s+out|rather\\s+than|instead\\s+of|\\w+n't)\\b|n't\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// A claim about what might or could be is no claim about what happened.
const QRegularExpression &hedge()
{
    static const QRegularExpression re(
        QStringLiteral("\\b(?:may|might|could|able|capable|unable|possibly|perhaps|enough)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &causal()
{
    static const QRegularExpression re(
        QStringLiteral("\\b(?:because\\s+of|caused\\s+by|due\\s+to|result\\s+of|blam(?:e|ed|es|ing)\\b.*\\bon"
                       "|down\\s+to|traced\\s+to|attributed\\s+to)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// The clause before `at`: back to the last clause boundary, at most ~8 words.
QStringView clauseBefore(QStringView text, qsizetype at)
{
    qsizetype from = at;
    int words = 0;
    while (from > 0) {
        const QChar c = text[from - 1];
        if (c == u',' || c == u';' || c == u'.' || c == u':' || c == u'!' || c == u'?' || c == u'(' ||
            c == u'\u201C' || c == u'"')
            break;
        if (c.isSpace() && ++words > 8)
            break;
        --from;
    }
    QStringView clause = text.mid(from, at - from);
    // "… but", "… however" start a new clause whose negation does not reach back.
    static const QRegularExpression contrast(
        QStringLiteral("\\b(?:but|however|although|though|yet|and\\s+(?:says|said|adds|added|insists|claims))\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    qsizetype cut = -1;
    auto it = contrast.globalMatch(clause);
    while (it.hasNext())
        cut = it.next().capturedEnd();
    return cut >= 0 ? clause.mid(cut) : clause;
}

// All triggers as one expression with a named group per kind: one scan per statement.
const QRegularExpression &combined()
{
    static const QRegularExpression re = [] {
        QStringList parts;
        for (const Trigger &t : triggers())
            parts.append(QStringLiteral("(?<k%1>%2)").arg(int(t.kind)).arg(t.re.pattern()));
        return QRegularExpression(parts.join(u'|'), QRegularExpression::CaseInsensitiveOption);
    }();
    return re;
}

} // namespace

StanceSuggestion suggestStance(QStringView text)
{
    StanceSuggestion result;
    QMap<HypothesisKind, int> support, against;
    QMap<HypothesisKind, bool> strong;
    {
        auto it = combined().globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            Trigger t{HypothesisKind::Other, {}};
            for (HypothesisKind kind : allHypothesisKinds()) {
                if (m.hasCaptured(QStringLiteral("k%1").arg(int(kind)))) {
                    t.kind = kind;
                    break;
                }
            }
            const QStringView before = clauseBefore(text, m.capturedStart());
            const auto neg = [&] {
                QRegularExpressionMatch last;
                auto n = negation().globalMatch(before);
                while (n.hasNext())
                    last = n.next();
                return last;
            }();
            // "a routing problem was not involved": the denial follows the trigger.
            static const QRegularExpression denialAfter(
                QStringLiteral("^\\s+(?:was|were|is|are|had\\s+been|has\\s+been)\\s+(?:not|never)\\b|^\\s+(?:wasn't|weren't|isn't)\\b"),
                QRegularExpression::CaseInsensitiveOption);
            const auto after = denialAfter.match(text.mid(m.capturedEnd(), 40));
            const bool negatedAfter = after.hasMatch();
            const bool negated = neg.hasMatch() || negatedAfter;
            if (negated && hedge().match(before).hasMatch())
                continue; // "may not have been able to take X down": not a claim
            const bool isStrong = causal().match(before).hasMatch();
            if (negatedAfter && !neg.hasMatch()) {
                against[t.kind]++;
                result.triggers.append(
                    text.mid(m.capturedStart(), m.capturedLength() + after.capturedEnd()).toString().simplified());
            } else if (negated) {
                against[t.kind]++;
                const qsizetype from = before.data() - text.data() + neg.capturedStart();
                result.triggers.append(text.mid(from, m.capturedEnd() - from).toString().simplified());
            } else {
                support[t.kind]++;
                result.triggers.append(m.captured().simplified());
            }
            strong[t.kind] = strong.value(t.kind) || isStrong;
        }
    }
    for (HypothesisKind kind : allHypothesisKinds()) {
        if (against.value(kind))
            result.stance.insert(kind, strong.value(kind) ? Rating::II : Rating::I);
        else if (support.value(kind))
            result.stance.insert(kind, strong.value(kind) ? Rating::CC : Rating::C);
    }
    return result;
}

} // namespace inquest::news
