#include "newsstance.h"
#include "newswords.h"

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
        {K::Hardware,
         QRegularExpression(
             QStringLiteral(
                 "\\b(?:hardware\\s+(?:failure|fault|problem|issue|malfunction|error)s?"
                 "|(?:failed|failing|faulty|broken|defective)\\s+(?:hardware|servers?|disks?|drives?|routers?"
                 "|switch(?:es)?|power\\s+suppl(?:y|ies)|equipment)"
                 "|(?:power|equipment|server|disk|storage|router|switch|cooling)\\s+(?:failure|fault|outage)s?"
                 "|(?:hardware|equipment)\\s+(?:failed|broke)"
                 "|(?:cooling|air[- "
                 "]conditioning|chillers?)\\s+(?:(?:equipment|systems?|units?)\\s+)?(?:had\\s+|has\\s+)?"
                 "(?:failed|broke(?:\\s+down)?|stopped)"
                 "|power\\s+(?:cuts?|loss|failures?)|lost\\s+power"
                 "|(?:failed|failing|faulty|broken|defective)\\s+(?:disk\\s+arrays?|storage\\s+controllers?|"
                 "controllers?"
                 "|transfer\\s+switch(?:es)?|generators?|hard\\s+drives?|memory|network\\s+cards?)"
                 "|(?:failed|failing|faulty|broken|defective)\\s+(?:network|storage|disk|power|core)\\s+(?:switch(?:es)"
                 "?"
                 "|arrays?|controllers?|cards?|units?|servers?|routers?)"
                 "|(?:storage|disk)\\s+(?:systems?|arrays?)\\b[^.,;:]{0,50}?\\b(?:had\\s+|has\\s+)?(?:failed|broke|"
                 "died)"
                 "|(?:controllers?|disk\\s+arrays?|power\\s+suppl(?:y|ies)|transfer\\s+switch(?:es)?|generators?|"
                 "hard\\s+drives?"
                 "|disks?|servers?|routers?|switch(?:es)?)\\s+(?:that\\s+|had\\s+|have\\s+)?(?:failed|burned\\s+out|"
                 "burnt\\s+out"
                 "|broke|died|overheated))\\b"),
             ci)},
        {K::Ddos,
         QRegularExpression(
             QStringLiteral(
                 "\\b(?:d\\.?dos|distributed\\s+denial[- ]of[- ]service|denial[- ]of[- ]service"
                 "|(?:cyber[- ]?)?attack(?:s|ed|ing)?\\s+(?:on|against)\\b"
                 "|(?:an|planned|planning|launch(?:ed|ing)?|cyber)\\s+attacks?"
                 "|attack(?:ed|ing)?\\s+(?-i:(?=[A-Z]))\\w+"
                 "|attack(?:ed|ing)?\\s+(?:us|them|it|the\\s+(?:site|forum|servers?|shop|store|network))\\b"
                 "|(?:take|took|taken|taking|bring|brought|knock(?:ed)?)\\s+(?:\\S+\\s+){0,3}?(?:down|offline)\\b"
                 "|flood(?:ed|ing)?\\s+(?:\\S+\\s+){0,2}?with\\s+(?:junk\\s+)?(?:traffic|requests)"
                 "|overwhelm(?:ed|ing|s)?\\s+(?:\\S+\\s+){0,2}?with\\s+(?:junk|bogus|fake|malicious)\\s+"
                 "(?:traffic|requests)"
                 "|malicious\\s+(?:activity|traffic|actors?|acts?|intent|party|parties)|outside\\s+interference"
                 "|(?:anyone|anybody|someone|somebody)\\s+outside\\s+(?:the\\s+company|the\\s+firm|us)\\s+(?:was|were|"
                 "had\\s+been)"
                 "\\s+involved|cyber[- ]?attacks?|hack(?:s|ed|ing|ers?)?\\b|intrusions?"
                 "|(?:break|broke|broken|breaking)\\s+into\\b"
                 "|attack(?:s|ed|ers)?\\b)"),
             ci)},
        {K::FlashCrowd,
         QRegularExpression(
             QStringLiteral("\\b(?:flash\\s+crowds?|(?:surge|spike|rush|influx)\\s+(?:in|of)\\s+(?:\\w+\\s+)?"
                            "(?:traffic|visitors|shoppers|demand|customers|users)"
                            "|(?:heavy|high|unusual|unexpected|record|huge)\\s+(?:traffic|demand|load)"
                            // "nothing unusual in our traffic"
                            "|(?:unusual|abnormal)\\s+(?:in|about|with)\\s+(?:our|the|its|their)\\s+"
                            "(?:traffic|demand|load)"
                            "|sheer\\s+(?:number|volume|scale)\\s+of\\s+(?:\\w+\\s+)?(?:fans|visitors|viewers|users|"
                            "people|shoppers"
                            "|customers|requests)"
                            "|slashdot(?:ted)?|too\\s+many\\s+(?:visitors|users|shoppers|requests)"
                            // "more people tried to buy a ticket in ten minutes than we normally see in a week"
                            "|more\\s+(?:people|users|customers|players|visitors|shoppers|fans|orders|requests)\\b"
                            "[^.;:]{0,80}?\\bthan\\s+(?:we\\s+)?(?:normally|usually|ever|typically|on\\s+a\\s+normal"
                            "|at\\s+any)"
                            // "Demand jumped five-fold", "four times as many players", "all arriving at once"
                            "|(?:demand|sign-?ins|log-?ins|logins|visitors|players|users|customers|shoppers|fans"
                            "|orders|bookings)\\b[^.;:]{0,50}?\\b(?:two|three|four|five|six|seven|eight|nine|ten|\\d+)"
                            "(?:[- ]?fold|\\s+times)"
                            "|(?:two|three|four|five|six|seven|eight|nine|ten)\\s+times\\s+as\\s+many\\s+(?:\\w+\\s+)?"
                            "(?:players|users|customers|visitors|people|shoppers|fans|passengers|viewers)"
                            "|(?:all|everyone|everybody)\\s+(?:\\w+\\s+){0,2}?(?:arriving|logging\\s+in|signing\\s+in"
                            "|trying\\s+to\\s+\\w+)\\s+at\\s+(?:once|the\\s+same\\s+time))\\b"),
             ci)},
        {K::Change,
         QRegularExpression(
             QStringLiteral(
                 "\\b(?:maintenance\\s+(?:update|upgrade|change|work)s?"
                 "|(?:software|code|configuration|config)\\s+(?:update|change|deployment|rollout|upgrade"
                 "|error|push|bug)s?|(?:planned|scheduled|routine)\\s+(?:maintenance|change|update|upgrade)s?"
                 "|misconfigur\\w+"
                 "|(?:botched|faulty|bad|failed)\\s+(?:update|deployment|release|upgrade|configuration\\s+change)s?"
                 "|(?:database|system|software|firmware)\\s+(?:upgrade|update|migration)s?|database\\s+migrations?"
                 "|migration\\s+locked|mistyped\\s+(?:a\\s+|the\\s+)?command|(?:operator|human)\\s+error|typo"
                 "|(?:configuration|config)\\s+changes?"
                 "|(?:incorrect|wrong|mistyped)\\s+(?:command|value|parameter|flag|setting|state)s?"
                 "|contain(?:ed|s)?\\s+a\\s+bug|bugs?\\s+in\\s+(?:an?\\s+|the\\s+)?(?:update|release|code))"
                 "\\b"),
             ci)},
        {K::Network,
         QRegularExpression(
             QStringLiteral(
                 "\\b(?:(?:network|networking|routing|bgp|dns|connectivity|peering|backbone)\\s+(?:problem|"
                 "issue|failure"
                 "|fault|outage|error)s?|(?:fibre|fiber|cable)\\s+cuts?"
                 "|(?:fibre|fiber|optical|undersea|submarine)(?:[- "
                 "]optic)?\\s+(?:lines?|cables?|links?)\\b[^.;:]{0,60}?"
                 "\\b(?:was|were|had\\s+been|been)\\s+(?:cut|severed|damaged)|route\\s+leaks?"
                 // "a problem with the campus network"
                 "|(?:problems?|issues?|faults?|failures?)\\s+(?:with|in|on)\\s+(?:the|our|its|their)\\s+"
                 "(?:\\w+\\s+)?(?:network|routing|dns|connectivity)\\b(?!\\s+(?:card|switch|equipment)))\\b"),
             ci)},
    };
    return list;
}

// Words that, shortly before a trigger and in the same clause, deny it.
const QRegularExpression &negation()
{
    static const QRegularExpression re(QStringLiteral("\\b(?:not|no|nobody|none|nothing|never|neither|nor|without|"
                                                      "denied|denies|deny|denying|ruled\\s+out|rules\\s+out"
                                                      "|rule\\s+out|rather\\s+than|instead\\s+of|\\w+n't)\\b|n't\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// A negation that sets another thing against the trigger ("rather than", "instead of") rather
// than denying it outright.
bool contrastNegation(QStringView negationOnwards)
{
    return negationOnwards.startsWith(QLatin1String("rather"), Qt::CaseInsensitive) ||
           negationOnwards.startsWith(QLatin1String("instead"), Qt::CaseInsensitive);
}

// A claim about what might or could be is no claim about what happened.
const QRegularExpression &hedge()
{
    static const QRegularExpression re(
        QStringLiteral("\\b(?:may|might|could|able|capable|unable|possibly|perhaps|enough|cannot|can't|yet)\\b"),
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

// Whether `clause` has a word the contrast expression below needs: "but", "however", …, or "and"
// followed by a reporting verb ("and says"). Plain text only (see clauseBefore()).
bool mayHaveContrast(QStringView clause)
{
    static const AsciiWordSet words({"but", "however", "although", "though", "yet"}, Qt::CaseInsensitive);
    static const AsciiWordSet andWord({"and"}, Qt::CaseInsensitive);
    static const AsciiWordSet verbs({"says", "said", "adds", "added", "insists", "claims"}, Qt::CaseInsensitive);
    const qsizetype n = clause.size();
    for (qsizetype i = 0; i < n;) {
        if (!isAsciiLetter(clause[i].unicode())) {
            ++i;
            continue;
        }
        qsizetype e = i + 1;
        while (e < n && isAsciiLetter(clause[e].unicode()))
            ++e;
        const QStringView word = clause.mid(i, e - i);
        if (words.contains(word))
            return true;
        if (andWord.contains(word)) {
            qsizetype k = e;
            while (k < n && isPcreSpace(clause[k].unicode()))
                ++k;
            if (k > e && verbs.contains(firstWord(clause.mid(k))))
                return true;
        }
        i = e;
    }
    return false;
}

// "n't" in any case (of plain text, see clauseBefore()), which the negation expression needs
// without one of its words.
bool hasContraction(QStringView text)
{
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        if ((text[i].unicode() | 0x20) == u'n' && text[i + 1] == u'\'' && (text[i + 2].unicode() | 0x20) == u't')
            return true;
    }
    return false;
}

// The clause before `at`: back to the last clause boundary, at most ~8 words.
// `plain`: the text has none of the characters the caseless expressions match beyond ASCII
// (hasCaselessOddities), so word pre-filters may stand in for expressions that find nothing.
QStringView clauseBefore(QStringView text, qsizetype at, bool plain)
{
    qsizetype from = at;
    int words = 0;
    while (from > 0) {
        const QChar c = text[from - 1];
        if (c == u',') {
            // "not caused, directly or indirectly, by an attack": a short aside between commas
            // does not end the clause the negation governs.
            const qsizetype open = text.left(from - 1).lastIndexOf(u',');
            const QStringView aside = open >= 0 ? text.mid(open + 1, from - 1 - open).trimmed() : QStringView();
            if (open >= 0 && !aside.isEmpty() && aside.count(u' ') <= 3 && from - open < 40 && !aside.contains(u'.') &&
                words + aside.count(u' ') <= 8) {
                words += int(aside.count(u' ')) + 1;
                from = open;
                continue;
            }
            break;
        }
        if (c == u';' || c == u'.' || c == u':' || c == u'!' || c == u'?' || c == u'(' || c == u'\u201C' || c == u'"')
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
    if (plain && !mayHaveContrast(clause))
        return clause;
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

// Every trigger begins at a word boundary with one of these words (compared without case;
// "*" marks a stem that may go on: "failed", "attacking", "misconfigured", "ddosed").
bool mayStartTrigger(QStringView word)
{
    static const AsciiWordSet words(
        {"hardware",     "fail*",       "faulty",   "broken",   "defective", "power",      "equipment",  "server",
         "disk",         "storage",     "router",   "switch",   "cooling",   "d",          "ddos*",      "distributed",
         "denial",       "cyber*",      "attack*",  "an",       "planned",   "planning",   "launch*",    "take*",
         "took",         "taking",      "bring",    "brought",  "knock*",    "flood*",     "flash",      "surge",
         "spike",        "rush",        "influx",   "heavy",    "high",      "unusual",    "unexpected", "record",
         "huge",         "slashdot*",   "too",      "software", "code",      "config*",    "scheduled",  "routine",
         "misconfigur*", "botched",     "bad",      "network",  "routing",   "bgp",        "dns",        "connectivity",
         "peering",      "backbone",    "fibre",    "fiber",    "cable",     "route",      "lost",       "controller*",
         "generator*",   "transfer",    "hard",     "disks",    "servers",   "routers",    "switches",   "malicious",
         "hack*",        "intrusion*",  "database", "system",   "firmware",  "migration",  "mistyped",   "operator",
         "human",        "typo",        "bug*",     "memory",   "incorrect", "wrong",      "contain*",   "outside",
         "anyone",       "anybody",     "someone",  "somebody", "sheer",     "networking", "optical",    "undersea",
         "submarine",    "overwhelm*",  "demand",   "sign",     "log*",      "visitors",   "players",    "users",
         "customers",    "shoppers",    "fans",     "orders",   "bookings",  "two",        "three",      "four",
         "five",         "six",         "seven",    "eight",    "nine",      "ten",        "all",        "everyone",
         "everybody",    "maintenance", "abnormal", "problem*", "issue*",    "fault*",     "air",        "chiller*",
         "break*",       "broke*",      "more"},
        Qt::CaseInsensitive);
    return words.contains(word);
}

// The matches combined().globalMatch(text) gives, trying the expression (anchored) only at the
// word starts that can begin a trigger: most statements have none, and a scan of every position
// costs far more than these few tries.
// `plain`: !hasCaselessOddities(text), known to the caller.
QList<QRegularExpressionMatch> triggerMatches(QStringView text, bool plain)
{
    QList<QRegularExpressionMatch> out;
    if (!plain || !isValidUtf16(text)) {
        auto it = combined().globalMatch(text);
        while (it.hasNext())
            out.append(it.next());
        return out;
    }
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isAsciiLetter(text[i].unicode()) || (i > 0 && isPcreWordChar(text[i - 1].unicode()))) {
            ++i;
            continue;
        }
        qsizetype e = i;
        while (e < n && isAsciiLetter(text[e].unicode()))
            ++e;
        if (mayStartTrigger(text.mid(i, e - i))) {
            static const QRegularExpression anchored = anchoredAtOffset(combined());
            auto m = anchored.match(text, i, QRegularExpression::NormalMatch,
                                    QRegularExpression::DontCheckSubjectStringMatchOption); // checked above
            if (m.hasMatch()) {
                i = m.capturedEnd();
                out.append(std::move(m));
                continue;
            }
        }
        i = e;
    }
    return out;
}
} // namespace

StanceSuggestion suggestStance(QStringView text)
{
    StanceSuggestion result;
    static const QList<HypothesisKind> kinds = allHypothesisKinds();
    QMap<HypothesisKind, int> support, against;
    QMap<HypothesisKind, bool> strong;
    bool trafficDenied = false;
    {
        static const QList<int> groups = [] {
            QList<int> numbers;
            for (HypothesisKind kind : kinds)
                numbers.append(groupIndex(combined(), QStringLiteral("k%1").arg(int(kind))));
            return numbers;
        }();
        const bool plain = !hasCaselessOddities(text);
        // Words without which negation(), causal() and denialAfter find nothing.
        static const AsciiWordSet negationWords({"not", "no", "nobody", "none", "nothing", "never", "neither", "nor",
                                                 "without", "denied", "denies", "deny", "denying", "ruled", "rules",
                                                 "rule", "rather", "instead"},
                                                Qt::CaseInsensitive);
        static const AsciiWordSet causalWords({"because", "caused", "due", "result", "blame", "blamed", "blames",
                                               "blaming", "down", "traced", "attributed"},
                                              Qt::CaseInsensitive);
        static const AsciiWordSet denialWords({"was", "were", "is", "are", "had", "has", "wasn", "weren", "isn"},
                                              Qt::CaseInsensitive);
        for (const QRegularExpressionMatch &m : triggerMatches(text, plain)) {
            HypothesisKind kind = HypothesisKind::Other;
            for (qsizetype g = 0; g < groups.size(); ++g) {
                if (m.hasCaptured(groups[g])) {
                    kind = kinds[g];
                    break;
                }
            }
            const QStringView before = clauseBefore(text, m.capturedStart(), plain);
            // Where the last negation in `before` starts, -1 for none. Offsets, not match objects:
            // even an empty QRegularExpressionMatch allocates, and this runs for every trigger.
            const qsizetype negAt = [&] {
                qsizetype last = -1;
                if (plain && !hasWordAmong(before, negationWords) && !hasContraction(before))
                    return last;
                auto n = negation().globalMatch(before);
                while (n.hasNext())
                    last = n.next().capturedStart();
                return last;
            }();
            // "a routing problem was not involved": the denial follows the trigger.
            static const QRegularExpression denialAfter(
                QStringLiteral("^\\s+(?:was|were|is|are|had\\s+been|has\\s+been)\\s+(?:not|never)\\b|^\\s+(?:wasn't|"
                               "weren't|isn't)\\b"),
                QRegularExpression::CaseInsensitiveOption);
            const QStringView afterText = text.mid(m.capturedEnd(), 40);
            // The expression is anchored: white space, then one of denialWords.
            const auto mayDeny = [&] {
                qsizetype k = 0;
                while (k < afterText.size() && isPcreSpace(afterText[k].unicode()))
                    ++k;
                return k > 0 && denialWords.contains(firstWord(afterText.mid(k)));
            };
            qsizetype afterEnd = -1;
            if (!plain || mayDeny()) {
                const QRegularExpressionMatch after = denialAfter.match(afterText);
                afterEnd = after.hasMatch() ? after.capturedEnd() : -1;
            }
            if (afterEnd < 0) {
                // "the attack the group described never occurred": a denied event later in the clause.
                static const QRegularExpression deniedEvent(
                    QStringLiteral(
                        "^[^.,;:!?]{0,60}?\\b(?:never|did\\s+not|didn't|was\\s+not|wasn't|were\\s+not)\\s+"
                        "(?:\\w+\\s+)?(?:occur(?:red)?|happen(?:ed)?|take\\s+place|took\\s+place|involved|to\\s+blame"
                        "|the\\s+cause|responsible|exist(?:ed)?)\\b"),
                    QRegularExpression::CaseInsensitiveOption);
                const QStringView rest = text.mid(m.capturedEnd(), 90);
                if (rest.contains(QLatin1String("never")) || rest.contains(QLatin1String("not")) ||
                    rest.contains(QLatin1String("n't")) || !plain) {
                    const QRegularExpressionMatch later = deniedEvent.match(rest);
                    afterEnd = later.hasMatch() ? later.capturedEnd() : -1;
                }
            }
            const bool negatedAfter = afterEnd >= 0;
            const bool negated = negAt >= 0 || negatedAfter;
            static const AsciiWordSet hedgeWords({"may", "might", "could", "able", "capable", "unable", "possibly",
                                                  "perhaps", "enough", "cannot", "can", "yet"},
                                                 Qt::CaseInsensitive);
            if (negated && (!plain || hasWordAmong(before, hedgeWords)) && hedge().match(before).hasMatch())
                continue; // "may not have been able to take X down", "cannot rule out an attack": not a claim
            // "investigating whether an attack was behind it": an open question, not a claim.
            static const QRegularExpression open(
                QStringLiteral("\\b(?:whether|investigat\\w*|unclear|unknown|speculat\\w*|rumou?r\\w*|possible|"
                               "possibility|potential|suspected)\\b"),
                QRegularExpression::CaseInsensitiveOption);
            static const AsciiWordSet openWords({"whether", "investigating", "investigate", "investigated",
                                                 "investigation", "unclear", "unknown", "speculation", "speculated",
                                                 "rumour", "rumours", "rumor", "rumors", "possible", "possibility",
                                                 "potential", "suspected"},
                                                Qt::CaseInsensitive);
            if (!negated && (!plain || hasWordAmong(before, openWords)) && open.match(before).hasMatch())
                continue;
            // "We neither condemn nor applaud these attacks": a judgement of the attacks, negated
            // or not, says nothing about what caused the outage.
            static const QRegularExpression judged(
                QStringLiteral("\\b(?:condemn|applaud|condone|endorse|support|welcome|critici[sz]e|praise|approve\\s+of"
                               "|distance\\s+(?:ourselves|itself|themselves)\\s+from)(?:s|ed|d|ing)?\\s+"
                               "(?:(?:these|those|the|such|this|any|all)\\s+)?(?:\\w+\\s+)?$"),
                QRegularExpression::CaseInsensitiveOption);
            static const AsciiWordSet judgedWords({"condemn", "condemns", "condemned", "applaud", "applauds",
                                                   "applauded", "condone", "condones", "endorse", "endorses", "support",
                                                   "supports", "welcome", "welcomes", "criticise", "criticize",
                                                   "praise", "approve", "distance"},
                                                  Qt::CaseInsensitive);
            if ((!plain || hasWordAmong(before, judgedWords)) && judged.match(before).hasMatch())
                continue;
            const bool isStrong = (!plain || hasWordAmong(before, causalWords)) && causal().match(before).hasMatch();
            // "We saw no unusual traffic": no surge of traffic at all is no flood of it either. Not for
            // a contrast ("a DDoS rather than a surge in traffic"), which names the other cause.
            if (negated && kind == HypothesisKind::FlashCrowd &&
                m.capturedView().contains(QLatin1String("traffic"), Qt::CaseInsensitive) &&
                (negAt < 0 || !contrastNegation(before.mid(negAt))))
                trafficDenied = true;
            if (negatedAfter && negAt < 0) {
                against[kind]++;
                result.triggers.append(simplifiedText(text.mid(m.capturedStart(), m.capturedLength() + afterEnd)));
            } else if (negated) {
                against[kind]++;
                const qsizetype from = before.data() - text.data() + negAt;
                result.triggers.append(simplifiedText(text.mid(from, m.capturedEnd() - from)));
            } else {
                support[kind]++;
                result.triggers.append(simplifiedText(m.capturedView()));
            }
            strong[kind] = strong.value(kind) || isStrong;
        }
    }
    if (trafficDenied && !support.value(HypothesisKind::Ddos))
        against[HypothesisKind::Ddos]++;
    for (HypothesisKind kind : kinds) {
        if (against.value(kind))
            result.stance.insert(kind, strong.value(kind) ? Rating::II : Rating::I);
        else if (support.value(kind))
            result.stance.insert(kind, strong.value(kind) ? Rating::CC : Rating::C);
    }
    return result;
}

} // namespace inquest::news
