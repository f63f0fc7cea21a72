#include "newstime.h"
#include "newswords.h"

#include <QRegularExpression>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace inquest::news {

namespace {

namespace bg = boost::gregorian;
namespace bpt = boost::posix_time;

// Building blocks of the one expression that scans the text (pieces are parsed afterwards).
#define WD "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)(?![a-z])\\.?"
#define MON                                                                                                       \
    "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|" \
    "Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\\.?"
#define ZONE "(?:GMT|UTC|UT|Z|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\\b"
#define AMPM "[ap]\\.?m\\b\\.?"
#define CLOCK                                                                                                     \
    "(?:\\b(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?:\\s*" AMPM ")?(?:\\s*" ZONE ")?"                                      \
    "|\\b(?:1[0-2]|0?[1-9])\\s*" AMPM "(?:\\s*" ZONE ")?"                                                          \
    "|\\b(?:[01]\\d|2[0-3])[0-5]\\d\\s*(?:hrs\\s+)?" ZONE                                                         \
    "|\\b(?:noon|midnight)\\b(?:\\s*" ZONE ")?)"
#define DATE                                                                                                      \
    "(?:(?:" WD ",?\\s+)?(?:the\\s+)?\\b(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\\s+of)?\\s+" MON               \
    "(?:,?\\s+\\d{4}\\b)?"                                                                                         \
    "|(?:" WD ",?\\s+)?" MON "\\s+(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?"                  \
    "|\\b\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b"                                                                   \
    "|\\b\\d{4}-\\d{2}-\\d{2}\\b)"
#define NUMBER "(?:\\d+|an?|half\\s+an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|ninety)"

const QRegularExpression &scanner()
{
    // No optional lead-in here: it would make the engine try it at every position. The
    // preposition and "about" before a match are read back from the text (leadIn()).
    static const QRegularExpression re(QStringLiteral(
        "(?:(?<dur>\\bfor\\s+(?:(?:more\\s+than|over|almost|nearly|about|around|at\\s+least|some|up\\s+to|less\\s+than|under|roughly|approximately)\\s+)?"
        NUMBER "\\s+(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?)\\b)"
        "|(?<rel>(?i:\\b(?:(?:earlier|later)\\s+(?:today|this\\s+(?:morning|afternoon|evening))|today|yesterday|tonight"
        "|last\\s+night|this\\s+(?:morning|afternoon|evening|weekend)|last\\s+weekend|over\\s+the\\s+weekend"
        "|at\\s+the\\s+weekend)\\b))"
        "|(?<ct>" CLOCK "(?:\\s*,?\\s*(?:on\\s+)?(?:" DATE "|" WD "))?)"
        "|(?<dt>(?:(?:last|this|next)\\s+)?(?:" DATE "|" WD ")(?:,?\\s+at\\s+" CLOCK ")?))"));
    return re;
}

const QRegularExpression &clockPart()
{
    static const QRegularExpression re(QStringLiteral(
        "\\b(?:(?<h>[01]?\\d|2[0-3])[:.](?<m>[0-5]\\d)(?:\\s*(?<ap>[ap])\\.?m\\b\\.?)?"
        "|(?<h2>1[0-2]|0?[1-9])\\s*(?<ap2>[ap])\\.?m\\b\\.?"
        "|(?<h3>[01]\\d|2[0-3])(?<m3>[0-5]\\d)(?=\\s*(?:hrs\\s+)?" ZONE ")"
        "|(?<word>noon|midnight)\\b)(?:\\s*(?<zone>" ZONE "))?"));
    return re;
}

const QRegularExpression &datePart()
{
    static const QRegularExpression re(QStringLiteral(
        "(?<dmd>(?:[12]\\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?<dmm>" MON ")(?:,?\\s+(?<dmy>\\d{4})\\b)?"
        "|(?<mdm>" MON ")\\s+(?<mdd>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\b(?:,?\\s+(?<mdy>\\d{4})\\b)?"
        "|\\b(?<n1>\\d{1,2})/(?<n2>\\d{1,2})/(?<ny>\\d{4}|\\d{2})\\b"
        "|\\b(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})\\b"));
    return re;
}

const QRegularExpression &weekdayPart()
{
    static const QRegularExpression re(QStringLiteral("(?:^|\\s|,)(?<mod>(?:last|this|next)\\s+)?(?<wd>" WD ")"));
    return re;
}

// The scanner tried at every position of a long article costs far more than everything else, so
// it is tried only where a match can begin. Every match contains an anchor: a digit, a weekday or
// month abbreviation, "noon"/"midnight", a duration unit or a relative-day word, and before its
// first anchor only a few fixed words ("for more than", "last", "over the", "earlier this", …)
// separated by white space. Trying the scanner anchored at those word starts, in text order,
// yields exactly the matches a global match would.

bool startsWithAscii(QStringView t, qsizetype i, const char *word, bool caseless)
{
    for (qsizetype k = 0; word[k]; ++k, ++i) {
        if (i >= t.size())
            return false;
        const char16_t c = t[i].unicode();
        if (!(c == char16_t(word[k]) || (caseless && isAsciiLetter(c) && (c | 0x20) == char16_t(word[k]))))
            return false;
    }
    return true;
}

// Most characters can begin no anchor: the scan loop settles them with one look-up in this table
// and whether the character before is a \w one; isAnchorAt() checks the rest.
enum AnchorClass : quint8 { Upper = 1, AtWordStart = 2, WordChar = 4 };
constexpr auto AnchorClasses = [] {
    std::array<quint8, 128> table{};
    for (int c = 0; c < 128; ++c)
        table[c] = isPcreWordChar(char16_t(c)) ? WordChar : 0;
    for (const char *c = "MTWFSJAONDYE"; *c; ++c)
        table[std::size_t(*c)] |= Upper;
    // Every alternative that can begin at a digit has \b before it, and lead words end in white
    // space: a digit after a word character ("000" in "45 000", "0" in "2010") begins nothing.
    // The lower-case anchors ("noon", "day", "morning", …) stand after \b or \s in the expression,
    // so one inside a word begins no match's first anchor; the word's own first anchor (or the
    // next one, walking back over the same lead words) finds those matches.
    for (const char *c = "0123456789yenmhsdtaw"; *c; ++c)
        table[std::size_t(*c)] |= AtWordStart;
    return table;
}();

// A number begins a match only when what follows it can continue one: "21:45", "12/12",
// "2010-12-12", "12th", "12 December", "10 pm", "2145 GMT", "30 minutes" (one of these letters
// or a capital, after white space or not). Every alternative takes at most 4 digits, or \d+
// before white space, so the character after the whole run decides.
bool numberMayBeginMatch(QStringView t, qsizetype i)
{
    qsizetype e = i;
    while (e < t.size() && t[e].unicode() >= u'0' && t[e].unicode() <= u'9')
        ++e;
    if (e < t.size() && (t[e] == u':' || t[e] == u'.' || t[e] == u'/' || t[e] == u'-'))
        return true;
    while (e < t.size() && isPcreSpace(t[e].unicode()))
        ++e;
    if (e >= t.size())
        return false;
    const char16_t c = t[e].unicode();
    return (c >= u'A' && c <= u'Z') || (c < 128 && std::string_view("aphomsdnrt").find(char(c)) != std::string_view::npos);
}

bool isAnchorAt(QStringView t, qsizetype i)
{
    const char16_t c = t[i].unicode();
    if (c >= u'0' && c <= u'9')
        return numberMayBeginMatch(t, i);
    auto is = [&](const char *w) { return startsWithAscii(t, i, w, false); };
    auto isCaseless = [&](const char *w) { return startsWithAscii(t, i, w, true); };
    switch (c) {
    case u'M': return is("Mon") || is("Mar") || is("May") || isCaseless("morning");
    case u'T': return is("Tue") || is("Thu") || isCaseless("today") || isCaseless("tonight");
    case u'W': return is("Wed") || isCaseless("weekend");
    case u'F': return is("Fri") || is("Feb");
    case u'S': return is("Sat") || is("Sun") || is("Sep");
    case u'J': return is("Jan") || is("Jun") || is("Jul");
    case u'A': return is("Apr") || is("Aug") || isCaseless("afternoon");
    case u'O': return is("Oct");
    case u'N': return is("Nov") || isCaseless("night");
    case u'D': return is("Dec");
    case u'Y': case u'y': return isCaseless("yesterday");
    case u'E': case u'e': return isCaseless("evening");
    case u'n': return is("noon") || isCaseless("night");
    case u'm': return is("midnight") || is("min") || isCaseless("morning");
    case u'h': return is("hour") || is("hr");
    case u's': return is("sec");
    case u'd': return is("day");
    case u't': return isCaseless("today") || isCaseless("tonight");
    case u'a': return isCaseless("afternoon");
    case u'w': return isCaseless("weekend");
    default: return false;
    }
}

// Words that may stand before a match's first anchor (compared without case: a superset).
bool isLeadWord(QStringView w)
{
    static const AsciiWordSet words({"for", "more", "than", "over", "almost", "nearly", "about", "around", "at", "least", "some", "up", "to",
        "less", "under", "roughly", "approximately", "an", "a", "half", "one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty",
        "fifty", "ninety", "earlier", "later", "this", "last", "next", "the"},
                                    Qt::CaseInsensitive);
    return words.contains(w);
}

// The lead words a match may begin with (the others follow "for"); compared without case, a superset.
bool mayBeginMatch(QStringView w)
{
    static const AsciiWordSet words({"for", "earlier", "later", "last", "this", "next", "the", "over", "at"},
                                    Qt::CaseInsensitive);
    return words.contains(w);
}

class ScannerMatches
{
public:
    explicit ScannerMatches(QStringView text)
        : m_text(text)
    {
        // PCRE checks the whole subject for valid UTF-16 on every call unless told not to: that
        // is checked once here, and text that fails it keeps the plain global match.
        m_full = hasCaselessOddities(text) || !isValidUtf16(text);
        if (m_full)
            m_it = scanner().globalMatch(text);
    }

    bool next(QRegularExpressionMatch *m)
    {
        if (m_full) {
            if (!m_it.hasNext())
                return false;
            *m = m_it.next();
            return true;
        }
        const qsizetype n = m_text.size();
        const char16_t *p = m_text.utf16();
        bool afterWordChar = m_pos > 0 && isPcreWordChar(p[m_pos - 1]);
        for (qsizetype a = m_pos; a < n; ++a) {
            const quint8 cls = p[a] < 128 ? AnchorClasses[p[a]] : 0;
            const bool wordStart = !afterWordChar;
            afterWordChar = cls & WordChar;
            if (!((cls & Upper) || ((cls & AtWordStart) && wordStart)) || !isAnchorAt(m_text, a))
                continue;
            qsizetype starts[24];
            int count = candidates(a, starts);
            for (int k = count - 1; k >= 0; --k) {
                if (starts[k] < m_pos)
                    continue;
                static const QRegularExpression anchored = anchoredAtOffset(scanner());
                *m = anchored.match(m_text, starts[k], QRegularExpression::NormalMatch,
                                    QRegularExpression::DontCheckSubjectStringMatchOption);
                if (m->hasMatch()) {
                    m_pos = m->capturedEnd();
                    return true;
                }
            }
            m_pos = a + 1; // no match begins at or before this anchor
        }
        m_pos = n;
        return false;
    }

private:
    // Possible starts of a match whose first anchor is at a, in descending order.
    int candidates(qsizetype a, qsizetype *out) const
    {
        const QStringView t = m_text;
        int count = 0;
        out[count++] = a;
        qsizetype cur = a;
        if (a > 0 && isAsciiLetter(t[a - 1].unicode())) { // "to|night", "t|hr|ee"
            qsizetype rs = a, re = a;
            while (rs > 0 && isAsciiLetter(t[rs - 1].unicode()))
                --rs;
            while (re < t.size() && isAsciiLetter(t[re].unicode()))
                ++re;
            out[count++] = rs;
            if (!isLeadWord(t.mid(rs, re - rs)))
                return count;
            cur = rs;
        }
        for (int words = 0; words < 8; ++words) {
            qsizetype q = cur;
            while (q > 0 && isPcreSpace(t[q - 1].unicode()))
                --q;
            if (q == cur) {
                if (q > 0 && t[q - 1] == u'-') // "forty-five"
                    --q;
                else
                    break;
            }
            qsizetype ws = q;
            while (ws > 0 && isAsciiLetter(t[ws - 1].unicode()))
                --ws;
            if (ws == q)
                break;
            const QStringView word = t.mid(ws, q - ws);
            // "last", "this", "next", "the" may begin inside a word ("blast Sunday" matches).
            for (const char *suffix : {"last", "this", "next", "the"}) {
                const qsizetype len = qstrlen(suffix);
                if (word.size() > len && startsWithAscii(word, word.size() - len, suffix, false))
                    out[count++] = q - len;
            }
            if (!isLeadWord(word))
                break;
            if (mayBeginMatch(word)) // "about", "than", "five" only follow "for"
                out[count++] = ws;
            cur = ws;
        }
        return count;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    bool m_full = false;
    QRegularExpressionMatchIterator m_it;
};

// Whether `s` contains one of `stems` (capitalised, case-sensitive as the expressions match them).
template <std::size_t N>
bool containsStem(QStringView s, const std::array<const char *, N> &stems)
{
    for (qsizetype i = 0; i + 2 < s.size(); ++i) {
        if (s[i].unicode() < u'A' || s[i].unicode() > u'Z')
            continue;
        for (const char *stem : stems) {
            if (startsWithAscii(s, i, stem, false))
                return true;
        }
    }
    return false;
}

// Every month name of MON begins with one of these; datePart() needs one, or a '/' or '-'.
bool mayHoldDate(QStringView s)
{
    static constexpr std::array<const char *, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return s.contains(u'/') || s.contains(u'-') || containsStem(s, months);
}

// Every weekday name of WD begins with one of these.
bool mayHoldWeekday(QStringView s)
{
    static constexpr std::array<const char *, 7> days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    return containsStem(s, days);
}

// Every alternative of clockPart() needs a digit, "noon" or "midnight".
bool mayHoldClock(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() >= u'0' && c.unicode() <= u'9')
            return true;
    }
    return s.contains(u"noon") || s.contains(u"midnight");
}

int monthOf(QStringView name)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
        if (startsWithAscii(name, 0, names[i], true))
            return i + 1;
    }
    return 0;
}

int weekdayOf(QStringView name) // boost: 0 = Sunday
{
    static const char *const names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (int i = 0; i < 7; ++i) {
        if (startsWithAscii(name, 0, names[i], true))
            return i;
    }
    return -1;
}

int zoneMinutes(QStringView zone)
{
    static const struct
    {
        const char *name;
        int minutes;
    } zones[] = {{"GMT", 0},    {"UTC", 0},    {"UT", 0},     {"Z", 0},      {"BST", 60},
                 {"CET", 60},   {"CEST", 120}, {"EST", -300}, {"EDT", -240}, {"CST", -360},
                 {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}};
    for (const auto &z : zones) {
        if (zone == QLatin1StringView(z.name))
            return z.minutes;
    }
    return 0;
}

std::optional<bg::date> makeDate(int y, int m, int d)
{
    try {
        return bg::date(y, m, d);
    } catch (const std::exception &) {
        return std::nullopt; // 31 April, 29 February in a common year, …
    }
}

// The year nearest publication; with a weekday, the nearest year in which that date falls on it.
std::optional<bg::date> inferYear(int month, int day, int weekday, const std::optional<bg::date> &pub)
{
    if (!pub)
        return std::nullopt;
    std::optional<bg::date> best;
    const int span = weekday >= 0 ? 6 : 1;
    for (int y = pub->year() - span; y <= pub->year() + span; ++y) {
        const auto d = makeDate(y, month, day);
        if (!d || (weekday >= 0 && d->day_of_week().as_number() != weekday))
            continue;
        if (!best || std::abs((*d - *pub).days()) < std::abs((*best - *pub).days()))
            best = d;
    }
    return best ? best : (weekday >= 0 ? inferYear(month, day, -1, pub) : std::nullopt);
}

// *hasDate: whether `s` names a date at all (placeable or not).
std::optional<bg::date> parseDate(QStringView s, const std::optional<bg::date> &pub, bool *hasDate)
{
    static const int dmd = groupIndex(datePart(), u"dmd"), dmm = groupIndex(datePart(), u"dmm"),
                     dmy = groupIndex(datePart(), u"dmy"), mdm = groupIndex(datePart(), u"mdm"),
                     mdd = groupIndex(datePart(), u"mdd"), mdy = groupIndex(datePart(), u"mdy"),
                     iy = groupIndex(datePart(), u"iy"), im = groupIndex(datePart(), u"im"),
                     id = groupIndex(datePart(), u"id"), n1 = groupIndex(datePart(), u"n1"),
                     n2 = groupIndex(datePart(), u"n2"), ny = groupIndex(datePart(), u"ny"),
                     wd = groupIndex(weekdayPart(), u"wd");
    const auto m = mayHoldDate(s) ? datePart().match(s) : QRegularExpressionMatch();
    *hasDate = m.hasMatch();
    if (!m.hasMatch())
        return std::nullopt;
    int weekday = -1;
    const auto w = mayHoldWeekday(s) ? weekdayPart().match(s) : QRegularExpressionMatch();
    if (w.hasMatch() && w.capturedStart(wd) < m.capturedStart())
        weekday = weekdayOf(w.capturedView(wd));
    auto withYear = [&](int y, int mo, int d) -> std::optional<bg::date> {
        if (y > 0)
            return makeDate(y < 100 ? 2000 + y : y, mo, d);
        return inferYear(mo, d, weekday, pub);
    };
    if (m.hasCaptured(dmd))
        return withYear(m.capturedView(dmy).toInt(), monthOf(m.capturedView(dmm)), m.capturedView(dmd).toInt());
    if (m.hasCaptured(mdm))
        return withYear(m.capturedView(mdy).toInt(), monthOf(m.capturedView(mdm)), m.capturedView(mdd).toInt());
    if (m.hasCaptured(iy))
        return makeDate(m.capturedView(iy).toInt(), m.capturedView(im).toInt(), m.capturedView(id).toInt());
    // d/m/y unless the first number cannot be a day-of-month-first reading.
    const int a = m.capturedView(n1).toInt(), b = m.capturedView(n2).toInt(), y = m.capturedView(ny).toInt();
    return (b > 12 && a <= 12) ? withYear(y, a, b) : withYear(y, b, a);
}

struct Clock
{
    bpt::time_duration time;
    int zone = 0;
};

std::optional<Clock> parseClock(QStringView s)
{
    static const int hi = groupIndex(clockPart(), u"h"), mi = groupIndex(clockPart(), u"m"),
                     api = groupIndex(clockPart(), u"ap"), h2i = groupIndex(clockPart(), u"h2"),
                     ap2i = groupIndex(clockPart(), u"ap2"), h3i = groupIndex(clockPart(), u"h3"),
                     m3i = groupIndex(clockPart(), u"m3"), wordi = groupIndex(clockPart(), u"word"),
                     zonei = groupIndex(clockPart(), u"zone");
    if (!mayHoldClock(s))
        return std::nullopt;
    const auto m = clockPart().match(s);
    if (!m.hasMatch())
        return std::nullopt;
    int h = 0, min = 0;
    QStringView ap;
    if (m.hasCaptured(hi)) {
        h = m.capturedView(hi).toInt();
        min = m.capturedView(mi).toInt();
        ap = m.capturedView(api);
        // "2.5" is a number, not a time: the dotted form needs am/pm or a zone.
        if (s.mid(m.capturedEnd(hi), 1) == u"." && ap.isEmpty() && !m.hasCaptured(zonei))
            return std::nullopt;
    } else if (m.hasCaptured(h2i)) {
        h = m.capturedView(h2i).toInt();
        ap = m.capturedView(ap2i);
    } else if (m.hasCaptured(h3i)) {
        h = m.capturedView(h3i).toInt();
        min = m.capturedView(m3i).toInt();
    } else {
        h = m.capturedView(wordi) == u"noon" ? 12 : 0;
    }
    if (!ap.isEmpty()) {
        if (h > 12)
            return std::nullopt;
        h = (h % 12) + (ap.compare(u"p", Qt::CaseInsensitive) == 0 ? 12 : 0);
    }
    return Clock{bpt::hours(h) + bpt::minutes(min), zoneMinutes(m.capturedView(zonei))};
}

qint64 micros(const bpt::ptime &t)
{
    static const bpt::ptime epoch(bg::date(1970, 1, 1));
    return (t - epoch).total_microseconds();
}

// The words just before a match: "until about 2145 GMT" -> prep "until", approximate.
struct LeadIn
{
    qsizetype start;
    QString prep;
    bool approximate = false;
};

LeadIn leadIn(QStringView text, qsizetype start)
{
    LeadIn lead{start, {}, false};
    auto wordBefore = [&](qsizetype at, qsizetype *wordStart) {
        qsizetype e = at;
        while (e > 0 && text[e - 1] == u' ')
            --e;
        if (e == at || e == 0)
            return QString();
        qsizetype b = e;
        while (b > 0 && text[b - 1].isLetter())
            --b;
        *wordStart = b;
        return text.mid(b, e - b).toString().toLower();
    };
    static const QStringList approx = {QStringLiteral("about"), QStringLiteral("around"),
                                       QStringLiteral("approximately"), QStringLiteral("roughly"),
                                       QStringLiteral("circa")};
    static const QStringList preps = {QStringLiteral("until"), QStringLiteral("till"), QStringLiteral("to"),
                                      QStringLiteral("from"),  QStringLiteral("since"), QStringLiteral("at"),
                                      QStringLiteral("on"),    QStringLiteral("by"),    QStringLiteral("before"),
                                      QStringLiteral("after")};
    qsizetype ws = start;
    QString w = wordBefore(start, &ws);
    if (approx.contains(w)) {
        lead.approximate = true;
        lead.start = ws;
        w = wordBefore(ws, &ws);
    } else if ((w == u"before" || w == u"after")) {
        qsizetype ws2 = ws;
        const QString w2 = wordBefore(ws, &ws2);
        if (w2 == u"shortly" || w2 == u"just") { // "shortly before 10pm"
            lead.approximate = true;
            lead.start = ws2;
            w = wordBefore(ws2, &ws);
        }
    }
    if (preps.contains(w)) {
        lead.prep = w;
        lead.start = ws;
    }
    return lead;
}

struct Item
{
    TimeRef ref;
    qint64 end = 0; // end offset of the phrase in the text
    QString prep;
    bool resolved = false;
    bool dateOnly = false;
    bpt::time_duration duration; // for "for 30 minutes"
    bool isDuration = false;
    bool ownDate = false; // the phrase names its date (or weekday) rather than borrowing one
};

bpt::time_duration parseDuration(QStringView s)
{
    static const QRegularExpression re(QStringLiteral("(?<n>\\d+|an?|half\\s+an|[a-z-]+)\\s+(?<u>[a-z]+)$"));
    static const int ni = groupIndex(re, u"n"), ui = groupIndex(re, u"u");
    const auto m = re.match(s.trimmed());
    static const char *const words[] = {"zero", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", "eleven", "twelve"};
    const QString n = m.captured(ni);
    double count = n.toInt();
    if (n == u"a" || n == u"an")
        count = 1;
    else if (n.startsWith(u"half"))
        count = 0.5;
    for (int i = 0; i < 13; ++i) {
        if (n == QLatin1StringView(words[i]))
            count = i;
    }
    static const QStringList tens = {QStringLiteral("fifteen"), QStringLiteral("twenty"), QStringLiteral("thirty"),
                              QStringLiteral("forty"), QStringLiteral("forty-five"), QStringLiteral("fifty"),
                              QStringLiteral("ninety")};
    const int tensValue[] = {15, 20, 30, 40, 45, 50, 90};
    if (const qsizetype i = tens.indexOf(n); i >= 0)
        count = tensValue[i];
    const QString unit = m.captured(ui);
    const double seconds = unit.startsWith(u"min")   ? 60
                           : unit.startsWith(u"h")   ? 3600
                           : unit.startsWith(u"d")   ? 86400
                                                     : 1;
    return bpt::seconds(qint64(count * seconds));
}

} // namespace

QList<TimeRef> findTimes(QStringView text, QDate published)
{
    std::optional<bg::date> pub;
    if (published.isValid())
        pub = makeDate(published.year(), published.month(), published.day()); // nullopt outside 1400..9999
    QList<Item> items;
    std::optional<bg::date> lastDate;
    qint64 lastDateEnd = -1;
    static const int durGroup = groupIndex(scanner(), u"dur"), relGroup = groupIndex(scanner(), u"rel"),
                     ctGroup = groupIndex(scanner(), u"ct"), dtGroup = groupIndex(scanner(), u"dt");
    ScannerMatches matches(text);
    QRegularExpressionMatch m;
    while (matches.next(&m)) {
        Item item;
        const LeadIn lead = leadIn(text, m.capturedStart());
        item.prep = lead.prep;
        item.ref.offset = lead.start;
        item.end = m.capturedEnd();
        item.ref.phrase = text.mid(lead.start, item.end - lead.start).toString().trimmed();
        if (item.ref.phrase.endsWith(u'.') && !item.ref.phrase.endsWith(u"m.")) // the full stop, not "p.m."
            item.ref.phrase.chop(1);
        item.ref.approximate = lead.approximate;
        auto day = [](const bg::date &d, int fromHour, int toHour) {
            return std::pair{micros(bpt::ptime(d, bpt::hours(fromHour))), micros(bpt::ptime(d, bpt::hours(toHour)))};
        };
        if (m.hasCaptured(durGroup)) {
            item.isDuration = true;
            item.duration = parseDuration(m.capturedView(durGroup));
            const QStringView words = m.capturedView(durGroup);
            static const QRegularExpression vague(QStringLiteral("\\b(?:more|over|almost|nearly|about|around|least|some|up|less|under|roughly|approximately)\\b"));
            item.ref.approximate = item.ref.approximate || vague.match(words).hasMatch();
            items.append(item);
            continue;
        }
        if (m.hasCaptured(relGroup)) {
            if (!pub)
                continue;
            const QString rel = m.captured(relGroup).toLower().simplified();
            std::pair<qint64, qint64> span;
            const int dow = pub->day_of_week().as_number();
            if (rel.endsWith(u"weekend")) {
                // A weekend that has begun (or a Monday looking back) is "this" one; otherwise the next.
                const bool past = rel.startsWith(u"last") || rel.startsWith(u"over");
                int back = dow == 6 ? 0 : dow == 0 ? 1 : (dow == 1 || past) ? dow + 1 : -(6 - dow);
                const bg::date sat = *pub - bg::days(back);
                span = {day(sat, 0, 0).first, day(sat + bg::days(2), 0, 0).first};
            } else if (rel == u"yesterday") {
                span = day(*pub - bg::days(1), 0, 24);
            } else if (rel == u"last night") {
                span = {day(*pub - bg::days(1), 18, 18).first, day(*pub, 6, 6).first};
            } else if (rel.endsWith(u"morning")) {
                span = day(*pub, 6, 12);
            } else if (rel.endsWith(u"afternoon")) {
                span = day(*pub, 12, 18);
            } else if (rel.endsWith(u"evening") || rel == u"tonight") {
                span = day(*pub, 18, 24);
            } else {
                span = day(*pub, 0, 24); // today, earlier today, later today
            }
            item.ref.begin = span.first;
            item.ref.end = span.second;
            item.resolved = true;
            items.append(item);
            continue;
        }
        const QStringView body = m.hasCaptured(ctGroup) ? m.capturedView(ctGroup) : m.capturedView(dtGroup);
        const auto clock = parseClock(body);
        const bool hasClock = clock.has_value();
        if (m.hasCaptured(ctGroup) && !hasClock)
            continue; // "2.5 …": the dotted form without am/pm or zone is not a time
        bool hasDateWords = false;
        std::optional<bg::date> date = parseDate(body, pub, &hasDateWords);
        if (!date && hasDateWords)
            continue; // a date we cannot place (no year, no publication date) or an impossible one
        if (!date) {
            const auto wm = mayHoldWeekday(m.capturedView()) ? weekdayPart().match(QString(u' ' + m.captured()))
                                                             : QRegularExpressionMatch();
            if (wm.hasMatch()) {
                static const int modGroup = groupIndex(weekdayPart(), u"mod");
                static const int wdGroup = groupIndex(weekdayPart(), u"wd");
                const QString mod = wm.captured(modGroup).trimmed();
                // A bare weekday ("the Sunday Times") is no time: it needs "on", "last", "this", …
                if (mod.isEmpty() && item.prep.isEmpty())
                    continue;
                if (!pub)
                    continue;
                const int wd = weekdayOf(wm.capturedView(wdGroup));
                const int dow = pub->day_of_week().as_number();
                if (mod == u"next" || mod == u"this") {
                    int ahead = (wd - dow + 7) % 7;
                    if (mod == u"next" && ahead == 0)
                        ahead = 7;
                    date = *pub + bg::days(ahead);
                } else {
                    int back = (dow - wd + 7) % 7;
                    if (mod == u"last" && back == 0)
                        back = 7;
                    date = *pub - bg::days(back);
                }
            }
        }
        item.ownDate = date.has_value();
        if (hasClock) {
            if (!date && lastDate && lastDateEnd >= 0 &&
                !text.mid(lastDateEnd, item.ref.offset - lastDateEnd).contains(u"\n\n") &&
                item.ref.offset - lastDateEnd < 600)
                date = lastDate;
            if (!date)
                date = pub;
            if (!date)
                continue;
            const bpt::ptime t = bpt::ptime(*date, clock->time) - bpt::minutes(clock->zone);
            item.ref.begin = item.ref.end = micros(t);
        } else if (date) {
            item.dateOnly = true;
            item.ref.begin = micros(bpt::ptime(*date));
            item.ref.end = micros(bpt::ptime(*date + bg::days(1)));
        } else {
            continue;
        }
        if (date && (hasDateWords || !hasClock)) {
            lastDate = date;
            lastDateEnd = item.end;
        }
        item.resolved = true;
        items.append(item);
    }

    // Join durations and "from … until …" into periods.
    QList<TimeRef> out;
    QList<const Item *> outItems;
    const auto isEnding = [](const QString &p) { return p == u"until" || p == u"till" || p == u"to" || p == u"before" || p == u"by"; };
    const auto isStarting = [](const QString &p) { return p == u"from" || p == u"since" || p == u"at" || p == u"after"; };
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        const bool nextIsNear = i + 1 < items.size() && items[i + 1].ref.offset - item.end <= 40;
        if (item.isDuration) {
            if (nextIsNear && items[i + 1].resolved && isEnding(items[i + 1].prep) && !items[i + 1].dateOnly) {
                const Item &end = items[i + 1];
                TimeRef ref;
                ref.offset = item.ref.offset;
                ref.phrase = text.mid(item.ref.offset, end.end - item.ref.offset).toString().trimmed();
                ref.end = end.ref.begin;
                ref.begin = end.ref.begin - item.duration.total_microseconds();
                ref.approximate = item.ref.approximate || end.ref.approximate;
                out.append(ref);
                ++i;
            } else if (!outItems.isEmpty() && isStarting(outItems.back()->prep) && !outItems.back()->dateOnly &&
                       item.ref.offset - outItems.back()->end <= 40 && !out.back().isPeriod()) {
                TimeRef &ref = out.back();
                ref.phrase = text.mid(ref.offset, item.end - ref.offset).toString().trimmed();
                ref.end = ref.begin + item.duration.total_microseconds();
                ref.approximate = ref.approximate || item.ref.approximate;
            }
            continue; // a duration with nothing to hang it on has no place in time
        }
        if (isEnding(item.prep) && !item.dateOnly) {
            if (!outItems.isEmpty() && (outItems.back()->prep == u"from" || outItems.back()->prep == u"since") &&
                item.ref.offset - outItems.back()->end <= 40 && !out.back().isPeriod()) {
                TimeRef &ref = out.back();
                const qint64 day = 86400LL * 1000000;
                if (!outItems.back()->ownDate && item.ownDate) { // "from 10:05 until 10:50 on Friday 25 November"
                    ref.begin = item.ref.begin - ((item.ref.begin % day) + day) % day + ((ref.begin % day) + day) % day;
                    if (ref.begin > item.ref.begin) // "from 23:00 until 01:30 on …": began the evening before
                        ref.begin -= day;
                }
                qint64 end = item.ref.begin;
                // "from 23:00 until 01:30": a clock time without its own date that falls before
                // the start is on the next day.
                if (end < ref.begin && !item.ownDate && ref.begin - end < day)
                    end += day;
                if (end >= ref.begin) {
                    ref.phrase = text.mid(ref.offset, item.end - ref.offset).toString().trimmed();
                    ref.end = end;
                    ref.approximate = ref.approximate || item.ref.approximate;
                    continue;
                }
                // An end before the start ("from 12 December until 10 December") is no period:
                // both stay instants, as written.
            }
            if (item.prep == u"until" || item.prep == u"till") {
                // Open start: some time that day up to the given moment.
                TimeRef ref = item.ref;
                const qint64 dayMicros = 86400LL * 1000000;
                ref.begin = item.ref.begin - ((item.ref.begin % dayMicros) + dayMicros) % dayMicros;
                ref.approximate = true;
                out.append(ref);
                outItems.append(&item);
                continue;
            }
        }
        out.append(item.ref);
        outItems.append(&item);
    }
    return out;
}

} // namespace inquest::news
