#include "newsattribution.h"
#include "newsspeakercontext.h"
#include "newswords.h"

#include <QRegularExpression>
#include <QStringMatcher>

namespace inquest::news {

using namespace speakercontext;

namespace {

#define ROLE                                                                                                           \
    "(?:spokes(?:wo)?m[ae]n|spokespe(?:rson|ople)|representatives?|officials?|executives?|chief\\s+executive"          \
    "|CEO|CTO|CFO|COO|officers?|founder|co-founder|director|manager|engineers?|analysts?|researchers?|experts?|"       \
    "members?"                                                                                                         \
    "|activists?|hackers?|statement|message|posting|post|blog\\s+post|tweet|e-?mail|press\\s+release|sources?"         \
    "|insiders?|editor|lawyer|chairman|chairwoman|chair|minister|president|groups?|collective|readers?|viewers?"       \
    "|passengers?|residents?|traders|brokers|owners|drivers|riders|students|nurses|patients|commuters|data|figures|"   \
    "regulator|watchdog|people\\s+familiar\\s+with\\s+(?:the\\s+)?(?:matter|"                                          \
    "situation|plans?|discussions?)"                                                                                   \
    "|vice\\s+president|administrators?|organisers?|partners?|(?:pro-)?(?:vice-)?chancellor|dean|provost|registrar"    \
    "|professor|(?-i:(?:department|team)(?!\\s+[a-z]))"                                                                \
    "|organizers?|customers?|users?|shoppers?|staff|employees?|operators?|supporters?|volunteers?|"                    \
    "thread|forum\\s+thread|notice|announcement|status\\s+(?:page|history)|filing"                                     \
    "|(?:head|chief)\\s+of\\s+(?:[a-z]+\\s+(?=operations|security|engineering|infrastructure))?\\w+|chief)"            \
    "(?!['\u2019]s\\b)"
// Case-sensitive even inside case-insensitive patterns: names are capitalised.
#define NAME                                                                                                           \
    "(?-i:(?:[A-Z][\\w&'.-]*[\\w&](?:'(?=\\s+[A-Z]))?(?:\\s+(?:[A-Z][\\w&'.-]*[\\w&](?:'(?=\\s+[A-Z]))?|of|de|von|"    \
    "van|al)){0,5}"                                                                                                    \
    "|[A-Z]))"
// "the Karnataka transport department", "the Flight Attendants United union": a name and a few
// lower-case words ending in an institution noun are one organisation.
#define INSTITUTION                                                                                                    \
    "(?:(?-i:\\s+[a-z]+){0,2}?(?-i:\\s+(?:department|ministry|office|agency|authority|council|commission|union"        \
    "|committee|regulator|police|court)))?"
#define VERB                                                                                                           \
    "(?:(?:has|have|had)\\s+)?(?:(?:also|later|then|previously|earlier)\\s+)?(?:said|says|say|told|tells|tell|added|"  \
    "adds|"                                                                                                            \
    "wrote|writes|stated|states|explained|explains|claimed|claims|insisted|insists|denied|denies|confirmed|"           \
    "confirms|announced|announces|declared|declares|warned|warns|tweeted|tweets|posted|posts|commented|noted|"         \
    "notes|argued|argues|continued|read|reads|replied|replies|acknowledged|admitted|admits|maintained|maintains|"      \
    "(?:is|are|was|were)\\s+blaming|blamed|blames|suggested|suggests|reported|reports|emphasised|emphasized|"          \
    "emphasises|emphasizes|"                                                                                           \
    "stressed|stresses|made\\s+(?:it\\s+)?clear|makes\\s+(?:it\\s+)?clear|pointed\\s+out|points\\s+out|ruled\\s+out|"  \
    "rules\\s+out|assured|assures|revealed|reveals|detailed|recalled|conceded|concedes|showed|shows|speculated|"       \
    "speculate|grumbled|"                                                                                              \
    "complained|complains|quipped|remarked|apologised|apologized|apologises|apologizes"                                \
    "|put\\s+it\\s+(?:bluntly|simply|plainly|succinctly|starkly)"                                                      \
    "|observed|urged)"

QString clean(QString s)
{
    s = s.simplified();
    while (!s.isEmpty() && (s.back() == u',' || s.back() == u'.' || s.back() == u':' || s.back() == u';'))
        s.chop(1);
    if (s.endsWith(QStringLiteral("'s")) || s.endsWith(QStringLiteral("\u2019s")))
        s.chop(2);
    return s.trimmed();
}

bool looksLikeOrganisation(const QString &name)
{
    if (name.isEmpty() || isGenericWord(firstOf(name)))
        return false;
    static const QRegularExpression suffix(QStringLiteral(
        "\\b(?:Inc|Ltd|Corp|Corporation|Group|Services|Company|Agency|Police|Ministry|University|Bank|Association|"
        "Networks?|Foundation|Institute|Party|Council|Commission|Department|Office|Times|News|Post|Journal"
        "|Administration|Authority|Committee|Board|Bureau|Agency|Exchange|Telecom|Airlines?|Airways|Mobile|Cloud"
        "|Rail|Railways?|Ferries|Lines|Water|Energy|Systems|Securities|Partners|Technologies|Labs|Software|Payments"
        "|Hosting|Media)\\b"));
    // One word ("Amazon", "WikiLeaks") or a name with an organisation word; two plain capitalised
    // words are more likely a person.
    return !name.contains(u' ') || suffix.match(name).hasMatch() || name.count(u' ') >= 3;
}

const QRegularExpression &anaphor()
{
    static const QRegularExpression re(
        QStringLiteral(
            "^(?:he|she|they|it|we|the\\s+(?:company|group|firm|retailer|site|website|organi[sz]ation|activists|"
            "hackers|"
            "collective|spokes(?:wo)?man|spokesperson|campaigners|movement|network|store|business|official|bank|airline"
            "|council|provider|operator|platform|service|agency|carrier|utility|insurer|lender|startup|team|retailer"
            "|exchange|processor|app|telco|streamer|broadcaster|marketplace|university|college|school|hospital))"
            "$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// The words VERB may begin with before its verb, and the verbs (every other word of VERB).
const QStringList &verbLeads()
{
    static const QStringList words = {QStringLiteral("has"),        QStringLiteral("have"),    QStringLiteral("had"),
                                      QStringLiteral("also"),       QStringLiteral("later"),   QStringLiteral("then"),
                                      QStringLiteral("previously"), QStringLiteral("earlier"), QStringLiteral("is"),
                                      QStringLiteral("are"),        QStringLiteral("was"),     QStringLiteral("were")};
    return words;
}

bool isVerbWord(QStringView word)
{
    static const AsciiWordSet verbs = [] {
        QStringList words;
        static const QRegularExpression letters(QStringLiteral("[a-z]+"));
        auto it = letters.globalMatch(QStringLiteral(VERB));
        while (it.hasNext()) {
            const QString w = it.next().captured();
            // "s" of "\\s", and the words after a verb that begin no verb ("made it clear")
            // An apology alone says nothing ("X has apologised after its app crashed"): it attributes
            // a quote ("…," she apologised) but starts no reported speech.
            if (!verbLeads().contains(w) && w != u"s" && w != u"it" && w != u"clear" && w != u"out" &&
                !w.startsWith(u"apologi"))
                words.append(w);
        }
        return AsciiWordSet(words, Qt::CaseSensitive);
    }();
    return verbs.contains(word);
}

// The matches "\\b" VERB "\\b" would give over a sentence with globalMatch (`re` is that
// expression, anchoredAtOffset()), trying it only at a verb and the lead words just before it:
// scanned over every sentence of a long article it was a large part of the extraction time.
QList<QRegularExpressionMatch> verbMatches(const QRegularExpression &re, QStringView text)
{
    QList<QRegularExpressionMatch> out;
    const qsizetype n = text.size();
    qsizetype pos = 0;
    for (qsizetype i = 0; i < n;) {
        if (!isAsciiLetter(text[i].unicode())) {
            ++i;
            continue;
        }
        qsizetype e = i;
        while (e < n && isAsciiLetter(text[e].unicode()))
            ++e;
        if (!isVerbWord(text.mid(i, e - i))) {
            i = e;
            continue;
        }
        qsizetype starts[4] = {i};
        int count = 1;
        qsizetype cur = i;
        while (count < 4) { // "has also said", "is blaming"
            qsizetype q = cur;
            while (q > 0 && isPcreSpace(text[q - 1].unicode()))
                --q;
            qsizetype ws = q;
            while (ws > 0 && isAsciiLetter(text[ws - 1].unicode()))
                --ws;
            static const AsciiWordSet leads(verbLeads(), Qt::CaseSensitive);
            if (q == cur || ws == q || !leads.contains(text.mid(ws, q - ws)))
                break;
            starts[count++] = ws;
            cur = ws;
        }
        bool found = false;
        for (int k = count - 1; k >= 0 && !found; --k) {
            if (starts[k] < pos)
                continue;
            auto m = re.match(text, starts[k], QRegularExpression::NormalMatch,
                              QRegularExpression::DontCheckSubjectStringMatchOption); // checked below
            if (m.hasMatch()) {
                pos = m.capturedEnd();
                out.append(std::move(m));
                found = true;
            }
        }
        if (found) {
            i = qMax(e, pos);
        } else {
            pos = qMax(pos, i + 1); // no match begins at or before this verb
            i = e;
        }
    }
    return out;
}

} // namespace

Attribution parseSpeaker(QStringView raw)
{
    Attribution a;
    QString phrase = clean(raw.toString());
    static const QRegularExpression leadIn(
        QStringLiteral("^(?:(?:and|but|later|then|also|in\\s+a\\s+statement|meanwhile)\\s*,?\\s+)+"),
        QRegularExpression::CaseInsensitiveOption);
    // Word pre-checks keep the expressions below off phrases they cannot match: each needs the
    // phrase to begin with one of a few words, a capital, or to hold a word of a set. Caseless
    // matching also takes U+017F and U+212A for "s" and "k": such phrases skip the pre-checks.
    const bool plain = !hasCaselessOddities(phrase);
    static const AsciiWordSet leadInWords({"and", "but", "later", "then", "also", "in", "meanwhile"},
                                          Qt::CaseInsensitive);
    if (!plain || leadInWords.contains(firstWord(phrase)))
        phrase.remove(leadIn);
    if (phrase.isEmpty() || phrase.size() > 160)
        return a;
    const bool capitalised = phrase[0].unicode() >= u'A' && phrase[0].unicode() <= u'Z'; // NAME begins so
    static const AsciiWordSet anaphorWords({"he", "she", "they", "it", "we", "the"}, Qt::CaseInsensitive);
    if ((!plain || anaphorWords.contains(firstWord(phrase))) && anaphor().match(phrase).hasMatch()) {
        a.speaker = phrase;
        a.anaphoric = a.found = true;
        if (phrase.startsWith(QLatin1String("the "), Qt::CaseInsensitive))
            a.anaphorNoun = phrase.section(u' ', -1).toLower();
        return a;
    }
    // "John Smith, a spokesman for WikiLeaks" -> name, then the role phrase.
    static const QRegularExpression appositive(QStringLiteral("^(?<name>" NAME "),\\s+(?<rest>.+)$"));
    if (auto m = capitalised && phrase.contains(u',') ? appositive.match(phrase) : QRegularExpressionMatch();
        m.hasMatch()) {
        // Group numbers looked up on first use: the look-up compiles the expression.
        static const int appositiveRest = groupIndex(appositive, u"rest"),
                         appositiveName = groupIndex(appositive, u"name");
        Attribution inner = parseSpeaker(m.capturedView(appositiveRest));
        static const QRegularExpression article(QStringLiteral("^(?:a|an|the)\\s"),
                                                QRegularExpression::CaseInsensitiveOption);
        // "Marcus Lee, head of reliability at Forge": without an article the rest must be a role.
        if (article.match(m.capturedView(appositiveRest)).hasMatch() || (inner.found && !inner.role.isEmpty())) {
            inner.speaker = m.captured(appositiveName);
            inner.anaphoric = inner.anaphoric && inner.organisation.isEmpty();
            inner.found = true;
            return inner;
        }
    }
    // "the Communications Minister, Peter Galloway": a role, then the person who holds it.
    static const QRegularExpression roleThenName(
        QStringLiteral("^(?<role>[^,]{2,80}),\\s+(?<name>[A-Z][\\w'\u2019-]+(?:\\s+[A-Z][\\w'\u2019-]+){1,2})$"));
    if (auto m = phrase.contains(u',') ? roleThenName.match(phrase) : QRegularExpressionMatch();
        m.hasMatch() && !isGenericWord(firstOf(m.capturedView(QStringLiteral("name"))))) {
        Attribution role = parseSpeaker(m.capturedView(QStringLiteral("role")));
        if (role.found && !role.role.isEmpty() &&
            role.speaker.compare(phrase.section(u',', 0, 0).trimmed(), Qt::CaseInsensitive) == 0) {
            role.speaker = m.captured(QStringLiteral("name"));
            role.anaphoric = role.anaphoric && role.organisation.isEmpty();
            return role;
        }
    }
    // "The chief executive of Chatwise, Rhea Castellano".
    static const QRegularExpression roleOfOrgName(
        QStringLiteral("^(?:(?:the|a|an)\\s+)?(?<role>(?:[\\w-]+\\s+){0,2}?" ROLE ")\\s+(?:of|at|for)\\s+(?<org>" NAME
                       "),\\s+(?<name>" NAME ")$"),
        QRegularExpression::CaseInsensitiveOption);
    if (auto m = phrase.contains(u',') ? roleOfOrgName.match(phrase) : QRegularExpressionMatch(); m.hasMatch()) {
        a.role = m.captured(QStringLiteral("role")).toLower();
        a.organisation = clean(m.captured(QStringLiteral("org")));
        a.speaker = m.captured(QStringLiteral("name"));
        a.found = true;
        return a;
    }
    // "a spokeswoman for Amazon", "a statement which appeared to be sent from Anonymous",
    // "activists calling themselves Anonymous".
    static const QRegularExpression roleFor(
        QStringLiteral("^(?<det>(?:a|an|the|one|two|several|some|\\w+)\\s+)?(?<mod>(?:[\\w-]+\\s+){0,2}?)(?<role>" ROLE
                       ")\\b(?<mid>[^,;\"\u201C\u201D]{0,70}?)"
                       "\\b(?<by>for|at|from|with|of|by|attributed\\s+to|calling\\s+(?:themselves|itself)|known\\s+as"
                       "|called|named)\\s+(?:the\\s+)?(?<org>" NAME INSTITUTION ")"),
        QRegularExpression::CaseInsensitiveOption);
    // "an Amazon spokeswoman", "Amazon spokesman John Smith".
    static const QRegularExpression orgRole(QStringLiteral(
        "^(?:(?i:a|an|the|one)\\s+)?(?<org>" NAME ")(?:'s|\u2019s)?\\s+(?<between>(?:[a-z-]+\\s+){0,2}?)(?<role>" ROLE
        ")(?:\\s+(?<name>" NAME "))?$"));
    static const QRegularExpression roleOnly(
        QStringLiteral("^(?<det>(?:a|an|the|one|\\w+)\\s+)?(?<mod>(?:[\\w'\u2019-]+\\s+){0,2}?)(?<role>" ROLE
                       ")\\b(?<rest>.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression groupWords(
        QStringLiteral("\\b(?:the\\s+group|the\\s+company|the\\s+firm|its|their)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    // Each of roleFor, orgRole and roleOnly needs a ROLE, and every ROLE contains one of these
    // words whole (a multi-word role its last or first word): without one they cannot match.
    static const AsciiWordSet roleWords({"spokesman",
                                         "spokesmen",
                                         "spokeswoman",
                                         "spokeswomen",
                                         "spokesperson",
                                         "spokespeople",
                                         "representative",
                                         "representatives",
                                         "official",
                                         "officials",
                                         "executive",
                                         "executives",
                                         "ceo",
                                         "cto",
                                         "founder",
                                         "director",
                                         "manager",
                                         "engineer",
                                         "engineers",
                                         "analyst",
                                         "analysts",
                                         "researcher",
                                         "researchers",
                                         "expert",
                                         "experts",
                                         "member",
                                         "members",
                                         "activist",
                                         "activists",
                                         "hacker",
                                         "hackers",
                                         "statement",
                                         "message",
                                         "posting",
                                         "post",
                                         "tweet",
                                         "email",
                                         "mail",
                                         "release",
                                         "source",
                                         "sources",
                                         "insider",
                                         "insiders",
                                         "editor",
                                         "lawyer",
                                         "chairman",
                                         "chairwoman",
                                         "president",
                                         "administrator",
                                         "administrators",
                                         "organiser",
                                         "organisers",
                                         "organizer",
                                         "organizers",
                                         "customer",
                                         "customers",
                                         "user",
                                         "users",
                                         "shopper",
                                         "shoppers",
                                         "staff",
                                         "employee",
                                         "employees",
                                         "operator",
                                         "operators",
                                         "supporter",
                                         "supporters",
                                         "volunteer",
                                         "volunteers",
                                         "thread",
                                         "notice",
                                         "announcement",
                                         "page",
                                         "filing",
                                         "head",
                                         "chief",
                                         "partner",
                                         "partners",
                                         "chancellor",
                                         "dean",
                                         "provost",
                                         "registrar",
                                         "professor",
                                         "department",
                                         "team",
                                         "officer",
                                         "officers",
                                         "cfo",
                                         "coo",
                                         "chair",
                                         "minister",
                                         "group",
                                         "groups",
                                         "collective",
                                         "reader",
                                         "readers",
                                         "viewer",
                                         "viewers",
                                         "passenger",
                                         "passengers",
                                         "resident",
                                         "residents",
                                         "traders",
                                         "brokers",
                                         "owners",
                                         "drivers",
                                         "riders",
                                         "students",
                                         "nurses",
                                         "patients",
                                         "commuters",
                                         "people",
                                         "history",
                                         "data",
                                         "figures",
                                         "regulator",
                                         "watchdog"},
                                        Qt::CaseInsensitive);
    static const int roleForOrg = groupIndex(roleFor, u"org"), roleForRole = groupIndex(roleFor, u"role"),
                     roleForDet = groupIndex(roleFor, u"det"), orgRoleOrg = groupIndex(orgRole, u"org"),
                     orgRoleRole = groupIndex(orgRole, u"role"), orgRoleName = groupIndex(orgRole, u"name"),
                     roleOnlyRole = groupIndex(roleOnly, u"role"), roleOnlyDet = groupIndex(roleOnly, u"det"),
                     roleOnlyRest = groupIndex(roleOnly, u"rest");
    const bool mayHaveRole = !plain || hasWordAmong(phrase, roleWords);
    if (!mayHaveRole) {
        // Only the descriptor and a bare name remain possible.
    } else if (auto m = roleFor.match(phrase); m.hasMatch() && !isGenericWord(firstOf(m.capturedView(roleForOrg)))) {
        a.role = m.captured(roleForRole).toLower();
        a.organisation = clean(m.captured(roleForOrg));
        // "a partner at the Mumbai brokerage Shah Iyer Securities": a place, the kind of firm, then
        // the firm's own name, which is the organisation.
        static const QRegularExpression kindThenName(
            QStringLiteral("^\\s+(?:[a-z-]+\\s+){0,2}?(?:firm|company|brokerage|bank|group|provider|operator|startup"
                           "|agency|consultancy|chain|retailer|carrier|insurer|lender)\\s+(?<name>" NAME ")"));
        if (const auto k = kindThenName.match(QStringView(phrase).mid(m.capturedEnd(roleForOrg))); k.hasMatch())
            a.organisation = clean(k.captured(QStringLiteral("name")));
        a.speaker = clean(m.captured(roleForDet) + m.captured(QStringLiteral("mod")) + m.captured(roleForRole));
        // The group itself speaks when the phrase names it ("a group calling itself X", "a
        // message attributed to X") or its members speak ("activists of the X collective"); a
        // spokeswoman for X is still a spokeswoman.
        static const QRegularExpression naming(QStringLiteral("^(?:attributed|calling|known|called|named)"));
        static const QRegularExpression members(QStringLiteral("^(?:activists?|hackers?|members?)$"),
                                                QRegularExpression::CaseInsensitiveOption);
        const QString by = m.captured(QStringLiteral("by"));
        if (naming.match(by).hasMatch() || (by == u"of" && members.match(a.role).hasMatch()))
            a.speaker = a.organisation;
        a.found = true;
        return a;
    }
    if (auto m = mayHaveRole ? orgRole.match(phrase) : QRegularExpressionMatch();
        m.hasMatch() && !isGenericWord(firstOf(m.capturedView(orgRoleOrg)))) {
        a.organisation = clean(m.captured(orgRoleOrg));
        // "Nordvik's IT director": the possessor is the organisation, the words after it qualify the role.
        for (const QString &mark : {QStringLiteral("'s "), QStringLiteral("\u2019s ")}) {
            if (const qsizetype at = a.organisation.indexOf(mark); at > 0)
                a.organisation = a.organisation.left(at);
        }
        // "Kansas Governor's office spokeswoman": the office, not its holder, is the organisation.
        static const QRegularExpression institution(QStringLiteral(
            "\\b(?:department|ministry|office|agency|authority|council|commission|committee|union)\\s+$"));
        static const int orgRoleBetween = groupIndex(orgRole, u"between");
        if (institution.match(m.capturedView(orgRoleBetween)).hasMatch())
            a.organisation = clean(
                phrase.mid(m.capturedStart(orgRoleOrg), m.capturedEnd(orgRoleBetween) - m.capturedStart(orgRoleOrg)));
        a.role = m.captured(orgRoleRole).toLower();
        a.speaker = m.hasCaptured(orgRoleName) ? m.captured(orgRoleName) : phrase;
        // "Business owners", "Rodavia drivers": people the name describes, who speak for no organisation.
        static const QRegularExpression people(
            QStringLiteral("^(?:traders|brokers|owners|drivers|riders|students|nurses|patients|commuters)$"));
        if (people.match(a.role).hasMatch())
            a.organisation.clear();
        if (a.role == u"regulator" || a.role == u"watchdog")
            a.organisation = a.speaker; // "Japan's financial regulator" is the organisation
        a.found = true;
        return a;
    }
    // "Hosting firm Greyfield", "the retailer Amazon".
    static const QRegularExpression descriptor(
        QStringLiteral(
            "^(?:the\\s+)?(?:[\\w'\u2019-]+\\s+){0,2}(?:firm|company|group|provider|host|retailer|operator|site"
            "|website|collective|association|regulator|processor|carrier|startup|app|service|exchange)\\s+"
            "(?<org>" NAME ")$"),
        QRegularExpression::CaseInsensitiveOption);
    static const AsciiWordSet descriptorWords({"firm", "company", "group", "provider", "host", "retailer", "operator",
                                               "site", "website", "collective", "association", "regulator", "processor",
                                               "carrier", "startup", "app", "service", "exchange"},
                                              Qt::CaseInsensitive);
    if (auto m = !plain || hasWordAmong(phrase, descriptorWords) ? descriptor.match(phrase) : QRegularExpressionMatch();
        m.hasMatch()) {
        static const int descriptorOrg = groupIndex(descriptor, u"org");
        a.organisation = a.speaker = clean(m.captured(descriptorOrg));
        a.found = true;
        return a;
    }
    if (auto m = mayHaveRole ? roleOnly.match(phrase) : QRegularExpressionMatch(); m.hasMatch()) {
        a.role = m.captured(roleOnlyRole).toLower();
        const QString mod = m.captured(QStringLiteral("mod"));
        a.speaker = clean(m.captured(roleOnlyDet) + mod + m.captured(roleOnlyRole));
        // "a company spokesperson", "a spokesman for the group": the organisation is the one
        // the article speaks of.
        static const QRegularExpression companyWord(
            QStringLiteral("\\b(?:company|firm|group|bank|airline|council|retailer|operator|provider|exchange|"
                           "processor|carrier|app|startup|university|college|school|hospital)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression possessive(QStringLiteral("^(?:its|their|our)\\s+$"),
                                                   QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch noun = companyWord.match(mod);
        a.anaphoric = groupWords.match(m.capturedView(roleOnlyRest)).hasMatch() || noun.hasMatch() ||
                      companyWord.match(m.captured(roleOnlyDet)).hasMatch() ||
                      possessive.match(m.capturedView(roleOnlyDet)).hasMatch();
        if (noun.hasMatch())
            a.anaphorNoun = noun.captured().toLower(); // "the exchange's managing director"
        // "Skyrelay's vice president of network operations": the possessive names the organisation.
        static const QRegularExpression possessor(QStringLiteral("^(?<org>[A-Z][\\w&.-]*[\\w&])(?:'s|\u2019s)\\s"));
        if (auto o = possessor.match(mod); o.hasMatch() && !isGenericWord(o.capturedView(QStringLiteral("org"))))
            a.organisation = o.captured(QStringLiteral("org"));
        // "the Communications Minister", "Industry Minister Claire Dubois": the office speaks for
        // the government; its title is the organisation.
        static const QRegularExpression office(
            QStringLiteral("^(?:(?:[Tt]he|[Aa]n?)\\s+)?(?<office>(?:[A-Z][\\w&-]*\\s+){1,3}Minister)\\b"));
        if (auto o = a.role == u"minister" ? office.match(phrase) : QRegularExpressionMatch(); o.hasMatch()) {
            a.organisation = o.captured(QStringLiteral("office"));
            a.organisationBasis = QStringLiteral("the title of the office");
            a.anaphoric = false;
        }
        // "Japan's financial regulator", "the data watchdog": an institution speaks for itself.
        if (a.role == u"regulator" || a.role == u"watchdog") {
            a.organisation = a.speaker;
            a.anaphoric = false;
        }
        // "chief executive Dana Whitfield", "company spokesman Luis Ortega": the person speaks.
        static const QRegularExpression namedAfter(QStringLiteral("^\\s+(?<name>" NAME ")$"));
        if (auto n = namedAfter.match(m.capturedView(roleOnlyRest));
            n.hasMatch() && !isGenericWord(firstOf(n.capturedView(QStringLiteral("name")))))
            a.speaker = n.captured(QStringLiteral("name"));
        a.found = true;
        return a;
    }
    static const QRegularExpression name(QStringLiteral("^(?<name>" NAME ")$"));
    if (auto m = capitalised ? name.match(phrase) : QRegularExpressionMatch();
        m.hasMatch() && !isGenericWord(firstOf(phrase))) {
        a.speaker = phrase;
        if (looksLikeOrganisation(phrase))
            a.organisation = phrase;
        a.found = true;
    }
    return a;
}

Attribution attributionAfter(QStringView after)
{
    // "…,” said a spokeswoman for Amazon." / "…,” read a statement from Anonymous."
    static const QRegularExpression verbFirst(
        QStringLiteral("^[\\s,\u2014-]*" VERB
                       "\\s+(?<who>.+?)(?:\\s+(?:on|in|at|last|yesterday|earlier|late|told|adding|who|when|after"
                       "|before|during|posted\\s+to)\\b.*)?[.!?]?\\s*$"));
    // "…,” a spokeswoman for Amazon told Reuters." / "…,” she said."
    static const QRegularExpression whoFirst(QStringLiteral("^[\\s,\u2014-]*(?<who>[^.!?]{1,120}?)\\s+" VERB "\\b"));
    static const int verbFirstWho = groupIndex(verbFirst, u"who"), whoFirstWho = groupIndex(whoFirst, u"who");
    const QStringView window = after.left(300);
    if (auto m = verbFirst.match(window); m.hasMatch()) {
        QString who = m.captured(verbFirstWho);
        // "one message posted to the group's chat channel" keeps "the group" for later resolution.
        Attribution a = parseSpeaker(who);
        if (!a.found) {
            static const QRegularExpression cut(QStringLiteral("\\s+(?:posted|sent|published|issued|released)\\b.*$"));
            a = parseSpeaker(QString(who).remove(cut));
        }
        if (a.found && a.organisation.isEmpty() && who.size() < window.size()) {
            // "said Carlos Mendez, vice president of engineering at Parcelo": the cut at "at"
            // took the organisation away.
            static const QRegularExpression whole(
                QStringLiteral("^[\\s,\u2014-]*" VERB "\\s+(?<who>[^.!?]+?)[.!?]?\\s*$"));
            if (auto w = whole.match(window); w.hasMatch() && w.capturedView(QStringLiteral("who")).contains(u',')) {
                const Attribution longer = parseSpeaker(w.capturedView(QStringLiteral("who")));
                if (longer.found && !longer.organisation.isEmpty())
                    a = longer;
            }
        }
        if (a.found) {
            if (a.organisation.isEmpty() && (window.contains(u"the group") || window.contains(u"the company")))
                a.anaphoric = true;
            return a;
        }
    }
    if (auto m = whoFirst.match(window); m.hasMatch())
        return parseSpeaker(m.capturedView(whoFirstWho));
    return {};
}

Attribution attributionBefore(QStringView before)
{
    static const QRegularExpression according(
        QStringLiteral("(?:\\b[Aa]ccording\\s+to|(?:^|[.!?]\\s+)Per)\\s+(?<who>.+?),\\s*$"));
    static const QRegularExpression saidColon(QStringLiteral(
        "(?:^|[,;.][\u201D\u2019\"]?\\s+|\\b(?:and|but|then|when|after|as)\\s+)(?<who>[^,;.:]{1,120}?),?\\s+" VERB
        "(?:\\s+(?!that\\b)(?:\\S+\\s+){0,7}?\\S+?)?\\s*(?:that\\s*)?[:,]?\\s*$"));
    static const int accordingWho = groupIndex(according, u"who"), saidColonWho = groupIndex(saidColon, u"who");
    const QStringView window = before.right(300);
    if (auto m = according.match(window); m.hasMatch())
        return parseSpeaker(m.capturedView(accordingWho));
    if (auto m = saidColon.match(window); m.hasMatch()) {
        const qsizetype whoStart = m.capturedStart(saidColonWho);
        const Attribution a = withRoleBefore(window, whoStart, parseSpeaker(m.capturedView(saidColonWho)));
        return withNameBefore(window, whoStart, m.capturedView(saidColonWho), a, nullptr);
    }
    return {};
}

Attribution reportedSpeech(QStringView sentence, qsizetype *clauseStart)
{
    // "According to X, …", "Per X, …".
    static const QRegularExpression according(
        QStringLiteral("(?:\\b[Aa]ccording\\s+to|^Per)\\s+(?<who>[^,.;]+(?:,\\s+[A-Z][\\w'\u2019-]+(?:\\s+[A-Z][\\w'"
                       "\u2019-]+){1,2}(?=,))?)"));
    static const QStringMatcher accordingWord(u"according", Qt::CaseInsensitive);
    if (auto m = accordingWord.indexIn(sentence) >= 0 || sentence.startsWith(u"Per ") ? according.match(sentence)
                                                                                      : QRegularExpressionMatch();
        m.hasMatch()) {
        static const int accordingWho = groupIndex(according, u"who");
        Attribution a = parseSpeaker(m.capturedView(accordingWho));
        // "according to a notice Medora sent to its customers": whoever sent the document speaks.
        static const QRegularExpression sender(QStringLiteral(
            "^(?:an?|the|its|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:notice|statement|circular|timeline|post|filing|report"
            "|letter|e-?mail|message|update|memo|note|bulletin)\\s+(?:that\\s+)?(?<who>" NAME
            ")\\s+(?:had\\s+)?(?:sent|issued|published|posted|shared|released|filed|circulated|gave)\\b"));
        if (const auto d = sender.match(m.capturedView(accordingWho)); d.hasMatch()) {
            const Attribution named = parseSpeaker(d.capturedView(QStringLiteral("who")));
            if (named.found && named.role.isEmpty())
                a = named;
        }
        // "according to a timeline the company shared with reporters": the company's own account.
        static const QRegularExpression owner(
            QStringLiteral("\\b(?:the\\s+(?:company|firm|group|bank|airline|exchange))\\b"),
            QRegularExpression::CaseInsensitiveOption);
        if (const auto o = a.found ? QRegularExpressionMatch() : owner.match(m.capturedView(accordingWho));
            o.hasMatch()) {
            a.speaker = o.captured().toLower();
            a.anaphorNoun = a.speaker.section(u' ', -1);
            a.anaphoric = a.found = true;
        }
        if (a.found) {
            if (clauseStart)
                *clauseStart = 0;
            return a;
        }
    }
    static const QRegularExpression verb(QStringLiteral("\\b" VERB "\\b"));
    static const QRegularExpression verbAt = anchoredAtOffset(verb);
    QList<QRegularExpressionMatch> verbs;
    if (isValidUtf16(sentence)) {
        verbs = verbMatches(verbAt, sentence);
    } else {
        auto it = verb.globalMatch(sentence);
        while (it.hasNext())
            verbs.append(it.next());
    }
    for (const QRegularExpressionMatch &m : std::as_const(verbs)) {
        // "Outage reported on 18 May": a participle, not someone speaking.
        static const QRegularExpression participle(QStringLiteral("^\\s+(?:on|in|at|by|for|to|from)\\b"));
        // "… posted on a hacking forum that it had …" is someone speaking.
        static const QRegularExpression speechFollows(QStringLiteral("^[^.;:!?]{0,60}?\\bthat\\s"));
        if ((m.captured().endsWith(u"reported") || m.captured().endsWith(u"posted")) &&
            participle.match(sentence.mid(m.capturedEnd(), 8)).hasMatch() &&
            !speechFollows.match(sentence.mid(m.capturedEnd(), 80)).hasMatch())
            continue;
        // "to submit a detailed report": after an article the word is an adjective.
        static const QRegularExpression article(QStringLiteral("\\b(?:a|an|the)\\s+$"),
                                                QRegularExpression::CaseInsensitiveOption);
        if (article
                .match(sentence.mid(qMax<qsizetype>(0, m.capturedStart() - 5), qMin<qsizetype>(5, m.capturedStart())))
                .hasMatch())
            continue;
        // The subject: back from the verb to a clause boundary.
        QStringView pre = sentence.left(m.capturedStart());
        // "…, Rhea Castellano, made it clear": the comma that closes the name is no boundary.
        const QStringView bare = pre.trimmed().endsWith(u',') ? pre.trimmed().chopped(1) : pre;
        qsizetype subjectStart = lastBoundaryEnd(bare);
        QStringView subject = bare.mid(subjectStart).trimmed();
        // "She apologised to the students, and said …": a second verb shares the sentence's subject,
        // the words before its first verb.
        static const QRegularExpression andVerb(QStringLiteral("(?:^|[\\s,])and$"));
        if (subject.isEmpty() && andVerb.match(bare.trimmed()).hasMatch()) {
            static const QRegularExpression firstVerb(
                QStringLiteral("^(?<subject>[A-Z][^,;:]{0,60}?)\\s+(?:(?:has|have|had)\\s+)?[a-z]+(?:ed|es)\\b"));
            if (const auto f = firstVerb.match(sentence); f.hasMatch()) {
                subjectStart = 0;
                subject = f.capturedView(QStringLiteral("subject"));
            }
        }
        // "Nordvik Ferries, which runs crossings between Denmark, Norway and Sweden, said": a
        // relative clause closed by the comma before the verb is no subject, lists in it neither.
        QStringView relative; // ", who chairs the council's committee"
        if (pre.trimmed().endsWith(u',')) {
            const qsizetype rel =
                qMax(bare.lastIndexOf(QLatin1String(", which ")), bare.lastIndexOf(QLatin1String(", who ")));
            if (rel > 0 && bare.mid(rel).count(u',') <= 3) {
                const QStringView head = bare.left(rel);
                relative = bare.mid(rel);
                subjectStart = lastBoundaryEnd(head);
                subject = head.mid(subjectStart).trimmed();
            }
        }
        // "One reader, who asked not to be named, told us": the relative clause is no subject.
        if ((subject.startsWith(u"who ") || subject.startsWith(u"which ")) && subjectStart > 0) {
            const QStringView head = bare.left(subjectStart).trimmed();
            const QStringView named = head.endsWith(u',') ? head.chopped(1) : head;
            subjectStart = lastBoundaryEnd(named);
            subject = named.mid(subjectStart).trimmed();
        }
        if (subject.isEmpty() || subject.size() > 120)
            continue;
        Attribution a;
        // "Owners across North America and Europe told us": an "and" between two nouns joins them
        // into one subject; after a verb ("Sales fell and …") it starts a clause.
        if (const QStringView upTo = bare.left(subjectStart).trimmed(); upTo.endsWith(u" and")) {
            const QStringView head = upTo.chopped(4).trimmed();
            const qsizetype headStart = lastBoundaryEnd(head);
            static const QRegularExpression verbLike(
                QStringLiteral("\\b(?:\\w+ed|was|were|is|are|has|have|had|did|does|went|fell|came|took|saw|said|says"
                               "|told|got|left|ran|began|rose|broke)\\b"),
                QRegularExpression::CaseInsensitiveOption);
            const QStringView chunk = head.mid(headStart);
            if (!chunk.isEmpty() && !chunk.contains(u',') && !verbLike.match(chunk).hasMatch()) {
                const QStringView joined =
                    bare.mid(headStart, subject.data() + subject.size() - (bare.data() + headStart));
                a = parseSpeaker(joined);
                if (a.found) {
                    subjectStart = headStart;
                    subject = joined;
                }
            }
        }
        if (!a.found)
            a = parseSpeaker(subject);
        // "Around 11:30 GMT the bank said": the speaker is the end of the words before the verb.
        for (qsizetype at = subject.indexOf(u' '), tries = 0; !a.found && at > 0 && tries < 6; ++tries) {
            const QStringView rest = subject.mid(at + 1);
            if (!rest.isEmpty() && (rest[0].isUpper() || rest.startsWith(u"the ") || rest.startsWith(u"a ")))
                a = parseSpeaker(rest);
            at = subject.indexOf(u' ', at + 1);
        }
        if (!a.found)
            continue;
        // "Edgewise showed error pages": only data and figures show what happened.
        if ((m.captured().endsWith(u"showed") || m.captured().endsWith(u"shows")) && a.role != u"data" &&
            a.role != u"figures")
            continue;
        // "Jana Petrov, Skyrelay's vice president of network operations, said": the person
        // named before the role speaks.
        if (subjectStart > 0)
            a = withNameBefore(sentence, subjectStart, subject, a, &subjectStart);
        if (a.anaphoric &&
            (subject.compare(u"he", Qt::CaseInsensitive) == 0 || subject.compare(u"she", Qt::CaseInsensitive) == 0)) {
            if (const Attribution named = personNamedBefore(sentence.left(subjectStart)); named.found)
                a = named;
        }
        a = withRoleBefore(sentence, subjectStart, a);
        // "Dev Patel, who chairs Stroudley District Council's environment committee, said": the
        // organisation the person leads or works for.
        static const QRegularExpression worksFor(
            QStringLiteral("^,\\s+who\\s+(?:chairs|heads|leads|runs|directs|represents|works\\s+(?:for|at))\\s+"
                           "(?:the\\s+)?(?<org>" NAME ")"));
        if (const auto w =
                a.organisation.isEmpty() && !relative.isEmpty() ? worksFor.match(relative) : QRegularExpressionMatch();
            w.hasMatch() && !isGenericWord(firstOf(w.capturedView(QStringLiteral("org"))))) {
            a.organisation = clean(w.captured(QStringLiteral("org")));
            a.anaphoric = false;
        }
        if (clauseStart)
            *clauseStart = m.capturedEnd();
        return a;
    }
    return {};
}

} // namespace inquest::news
