#include "newsparties.h"
#include "newsarticle.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace inquest::news {

namespace {

bool isPersonalName(const QString &s)
{
    if (s.isEmpty() || !s[0].isUpper() || !s.contains(u' '))
        return false;
    static const QRegularExpression name(QStringLiteral("^[A-Z][\\w'\u2019-]+(?:\\s+[A-Z][\\w'\u2019-]+){1,2}$"));
    return name.match(s).hasMatch();
}

bool isSingleName(const QString &s)
{
    if (s.isEmpty() || !s[0].isUpper() || s.contains(u' '))
        return false;
    static const QRegularExpression name(QStringLiteral("^[A-Z][\\w'\u2019-]+$"));
    return name.match(s).hasMatch();
}

QString lastWord(const QString &s) { return s.section(u' ', -1); }

QString whereIntroduced(const QString &name) { return QStringLiteral("where the article first names %1").arg(name); }

// "Brightwave spokesperson Dana Whitfield told …": the person named in full before `before`, with
// the organisation the words around the name give.
std::optional<Attribution> introducedEarlier(QStringView text, const QString &surname, qsizetype before)
{
    // A name is introduced near its first use: the search looks back a few pages, not the whole
    // text (which would make long texts quadratic).
    constexpr qsizetype Window = 20000;
    const qsizetype from = qMax<qsizetype>(0, before - Window);
    const QRegularExpression full(
        QStringLiteral("\\b(?:[A-Z][\\w'\u2019-]+\\s+){1,2}%1\\b").arg(QRegularExpression::escape(surname)));
    qsizetype at = -1;
    QString name;
    // Not in the headline and other metadata lines, and not at the start of a sentence, where
    // "Retailer Mossgate" is a description, not a first name.
    const qsizetype body = metadataEnd(text);
    auto it = full.globalMatch(text.left(before), from);
    while (it.hasNext()) {
        const auto m = it.next();
        qsizetype p = m.capturedStart();
        while (p > 0 && (text[p - 1] == u' ' || text[p - 1] == u'\t'))
            --p;
        const bool sentenceStart = p == 0 || text[p - 1] == u'\n' || text[p - 1] == u'.' || text[p - 1] == u'\u201C';
        if (m.capturedStart() < body || sentenceStart)
            continue;
        at = m.capturedStart();
        name = m.captured();
    }
    if (at < 0)
        return std::nullopt;
    // The sentence around the name: the words before it ("Gridlink's operations director") and
    // after it (", a spokesperson for Railnet").
    qsizetype start = at;
    while (start > 0 && text[start - 1] != u'.' && text[start - 1] != u'\n' && text[start - 1] != u'\u201D' &&
           text[start - 1] != u'"' && at - start < 80)
        --start;
    qsizetype end = at + name.size();
    while (end < text.size() && text[end] != u'.' && text[end] != u'\n' && end - at < 160)
        ++end;
    QStringList words = text.mid(start, at - start).toString().simplified().split(u' ', Qt::SkipEmptyParts);
    Attribution best;
    // Shortest lead-in first that parses with an organisation: "Brightwave spokesperson Dana Whitfield".
    for (qsizetype k = words.size() - 1; k >= 0 && k >= words.size() - 5; --k) {
        const Attribution a = parseSpeaker(QStringList(words.mid(k)).join(u' ') + u' ' + name);
        if (a.found && !a.organisation.isEmpty() && a.speaker.endsWith(surname)) {
            best = a;
            break;
        }
    }
    if (best.organisation.isEmpty()) {
        const QString after = text.mid(at + name.size(), end - at - name.size()).toString();
        if (after.startsWith(u',')) {
            const Attribution a = parseSpeaker(name + after.section(u',', 0, 1));
            if (a.found && !a.organisation.isEmpty())
                best = a;
        }
    }
    best.speaker = name.simplified();
    best.found = true;
    best.anaphoric = false;
    return best;
}

} // namespace

void resolvePeople(QStringView text, const QList<PartyAt> &parties)
{
    struct Person
    {
        QString name;
        QString organisation;
    };
    QHash<QString, Person> bySurname;
    QHash<QString, QString> organisationOf; // full name -> organisation
    QSet<QString> notIntroduced;            // single names no full name before them ends in
    for (const PartyAt &p : parties) {
        const Attribution &a = *p.who;
        if (a.found && isPersonalName(a.speaker) && a.organisation != a.speaker && !a.organisation.isEmpty())
            organisationOf.insert(a.speaker, a.organisation);
    }
    for (const PartyAt &p : parties) {
        Attribution &a = *p.who;
        // "Professor Gillian Ashworth, the university's pro-vice-chancellor": the person is known
        // by name now, the organisation once "the university" is read (extractStatements).
        if (a.found && a.anaphoric && isPersonalName(a.speaker)) {
            bySurname[lastWord(a.speaker)].name = a.speaker;
            continue;
        }
        if (!a.found || a.anaphoric)
            continue;
        if (isPersonalName(a.speaker) && a.organisation != a.speaker) {
            if (a.organisation.isEmpty() && organisationOf.contains(a.speaker)) {
                a.organisation = organisationOf.value(a.speaker);
                a.organisationBasis = QStringLiteral("this person's organisation in another statement");
            }
            Person &known = bySurname[lastWord(a.speaker)];
            known.name = a.speaker;
            if (!a.organisation.isEmpty())
                known.organisation = a.organisation;
            continue;
        }
        if (!isSingleName(a.speaker))
            continue;
        if (const auto it = bySurname.constFind(a.speaker); it != bySurname.cend()) {
            a.speaker = it->name;
            a.organisation = it->organisation;
            a.organisationBasis = a.organisation.isEmpty() ? QString() : whereIntroduced(it->name);
            continue;
        }
        if (notIntroduced.contains(a.speaker))
            continue;
        if (const auto earlier = introducedEarlier(text, a.speaker, p.offset); !earlier) {
            notIntroduced.insert(a.speaker); // "Amazon", "WikiLeaks": an organisation, not a surname
        } else {
            Person &known = bySurname[a.speaker];
            known.name = earlier->speaker;
            known.organisation =
                earlier->organisation.isEmpty() ? organisationOf.value(earlier->speaker) : earlier->organisation;
            a.speaker = known.name;
            a.organisation = known.organisation;
            a.organisationBasis = a.organisation.isEmpty() ? QString() : whereIntroduced(known.name);
            if (a.role.isEmpty())
                a.role = earlier->role;
        }
    }
}

QList<EmbeddedPost> findEmbeddedPosts(QStringView text)
{
    QList<EmbeddedPost> out;
    if (!text.contains(QLatin1String("(@")))
        return out;
    static const QRegularExpression signature(
        QStringLiteral("(?:^[ \\t]*|(?<=[.!?])[ \\t]+)(?:\u2014|\u2013|--?)[ \\t]*(?<author>[^\\n(@]{2,80}?)[ "
                       "\\t]*\\(@(?<handle>\\w{1,30})\\)"
                       "[^\\n]{0,60}$"),
        QRegularExpression::MultilineOption);
    auto it = signature.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        // The post: the paragraph (or lines) just above the signature, or the words before it on
        // its line ("… a $20 credit. — Dana Whitfield (@danawhit) March 3, 2025").
        qsizetype end = m.capturedStart();
        while (end > 0 && text[end - 1].isSpace())
            --end;
        qsizetype begin = end;
        while (begin > 0 && !(text[begin - 1] == u'\n' && begin >= 2 && text[begin - 2] == u'\n'))
            --begin;
        if (end <= begin)
            continue;
        out.append({begin, end, m.capturedEnd(), m.captured(QStringLiteral("author")).trimmed(),
                    m.captured(QStringLiteral("handle"))});
    }
    return out;
}

QStringList organisationsNamed(QStringView text)
{
#define ORG_NAME "(?-i:[A-Z][\\w&.-]*[\\w&](?:\\s+[A-Z][\\w&.-]*[\\w&]){0,2})"
#define ORG_KIND                                                                                                       \
    "(?:company|firm|provider|processor|carrier|startup|start-up|app|service|retailer|operator|exchange|bank|airline"  \
    "|network|platform|marketplace|broadcaster|streamer|insurer|lender|telco|host|maker|manufacturer|publisher"        \
    "|developer)"
    static const QRegularExpression possessive(QStringLiteral(
        "\\b(?<org>" ORG_NAME ")(?:'s|\u2019s)\\s+(?:[a-z-]+\\s+){0,3}?(?:spokes\\w+|chief|head|president"
        "|founder|co-founder|director|executive|officer|engineers?|CEO|CTO|COO|CFO|status|outage|systems?"
        "|servers?|network|app|website|service)\\b"));
    static const QRegularExpression described(QStringLiteral("\\b" ORG_KIND "\\s+(?<org>" ORG_NAME ")\\b(?!'s)"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression apposition(QStringLiteral(
        "\\b(?<org>" ORG_NAME "),\\s+(?:the|a|an|(?-i:[A-Z]\\w+)(?:'s|\u2019s))\\s+(?:[\\w-]+\\s+){0,4}?" ORG_KIND
        // "… 7:10 am ET Friday, the company said": a speaker after a clause, no apposition
        "\\b(?!\\s+(?:has\\s+|had\\s+)?(?:said|says|told|tells|added|adds|wrote|writes|confirmed|"
        "announced|insisted|explained|stated|claimed|reported|apologi[sz]ed)\\b)"));
    // "the Western Bourse of India", "the Bank of Tarvon": a title with "of" and a place.
    static const QRegularExpression titled(
        QStringLiteral("\\bthe\\s+(?<org>(?:[A-Z][\\w&-]+\\s+){1,3}of\\s+[A-Z][\\w&-]+(?:\\s+[A-Z][\\w&-]+)?)"));
    // "the Southern Cross Lotteries website", "a service run by electronics maker Hoshida".
    static const QRegularExpression product(
        QStringLiteral("\\bthe\\s+(?<org>" ORG_NAME ")\\s+(?:website|app|site|online\\s+store|platform|network)\\b"));
    static const QRegularExpression runBy(QStringLiteral(
        "\\b(?:run|owned|operated|made|built)\\s+by\\s+(?:[a-z-]+\\s+){0,3}?(?<org>" ORG_NAME ")\\b(?!'s)"));
    // "Thornbury University", "Larchmont General Hospital": a name its last word calls an institution.
    static const QRegularExpression institution(
        QStringLiteral("\\b(?<org>(?:[A-Z][\\w&-]+\\s+){1,3}(?:University|College|Hospital|Bank|Exchange|Bourse|Ferries"
                       "|Airlines|Airways|Railways?|Council|Authority|Agency|Association|Commission|Institute))\\b"));
#undef ORG_KIND
#undef ORG_NAME
    static const QStringList notNames = {
        QStringLiteral("The"),      QStringLiteral("A"),      QStringLiteral("An"),       QStringLiteral("It"),
        QStringLiteral("Its"),      QStringLiteral("Monday"), QStringLiteral("Tuesday"),  QStringLiteral("Wednesday"),
        QStringLiteral("Thursday"), QStringLiteral("Friday"), QStringLiteral("Saturday"), QStringLiteral("Sunday"),
        QStringLiteral("In"),       QStringLiteral("On"),     QStringLiteral("But"),      QStringLiteral("This")};
    QStringList out;
    auto add = [&](const QString &org) {
        if (!org.isEmpty() && !notNames.contains(org.section(u' ', 0, 0)) && !out.contains(org))
            out.append(org);
    };
    const qsizetype body = metadataEnd(text);
    const QStringView bodyText = text.mid(body);
    // "Rodavia, Brazil's second-largest ride-hailing app": the possessor describes the name before it.
    static const QRegularExpression appositionBefore(QStringLiteral("\\b[A-Z][\\w&.-]*[\\w&],\\s+$"));
    for (const QRegularExpression *re :
         {&possessive, &described, &apposition, &titled, &institution, &product, &runBy}) {
        auto it = re->globalMatch(bodyText);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (re == &possessive && appositionBefore
                                         .match(bodyText.mid(qMax<qsizetype>(0, m.capturedStart() - 60),
                                                             qMin<qsizetype>(60, m.capturedStart())))
                                         .hasMatch())
                continue;
            add(m.captured(QStringLiteral("org")));
        }
    }
    // The headline's opening name, when the body uses it again.
    static const QRegularExpression opening(
        QStringLiteral("^\\s*(?<org>[A-Z][\\w&.-]*[\\w&](?:\\s+[A-Z][\\w&.-]*[\\w&]){0,2})(?:'s|\u2019s)?\\s+[a-z]"));
    const QStringView title = text.left(body).left(text.indexOf(u'\n') < 0 ? body : text.indexOf(u'\n'));
    // … as a whole word: "Market data feed …" is not named by "Markets".
    if (auto m = opening.match(title); m.hasMatch()) {
        const QRegularExpression again(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(m.captured(u"org"))));
        if (again.match(bodyText).hasMatch())
            add(m.captured(QStringLiteral("org")));
    }
    return out;
}

} // namespace inquest::news
