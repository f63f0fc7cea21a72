#include "newstimescan.h"
#include "newswords.h"

#include <array>
#include <string_view>

namespace inquest::news::timescan {

// Building blocks of the one expression that scans the text (pieces are parsed afterwards).
#define WD                                                                                                             \
    "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)(?![a-z]" \
    ")\\.?"
#define MON                                                                                                            \
    "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"        \
    "Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\\.?"
// The zone names news writes after a clock time (their offsets: newszones.h).
#define ZONE                                                                                                           \
    "(?:(?:Eastern|Pacific|Central|Mountain)(?!\\s+European)(?:\\s+(?:[Ss]tandard\\s+|[Dd]aylight\\s+)?[Tt]ime)?|GMT|" \
    "UTC|UT|Z|BST|IST"                                                                                                 \
    "|CET|CEST"                                                                                                        \
    "|WET|WEST|EET|EEST|MSK|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|AKST|AKDT|HST|JST|KST|HKT|SGT|AEST|AEDT"       \
    "|ACST|ACDT|AWST|NZST|NZDT|SAST|BRT|(?:Bras[i\u00ED]lia|Moscow|Beijing|Tokyo)\\s+[Tt]ime)\\b"
#define AMPM "[apAP]\\.?[mM]\\b\\.?"
#define CLOCK                                                                                                          \
    "(?:\\b(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?:\\s*" AMPM ")?(?:\\s*" ZONE ")?"                                          \
    "|\\b(?:1[0-2]|0?[1-9])\\s*" AMPM "(?:\\s*" ZONE ")?"                                                              \
    "|\\b(?:[01]\\d|2[0-3])[0-5]\\d\\s*(?:hrs\\s+)?" ZONE "|\\b(?:noon|midnight)\\b(?:\\s*" ZONE ")?)"
#define DATE                                                                                                           \
    "(?:(?:" WD ",?\\s+)?(?:the\\s+)?\\b(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\\s+of)?\\s+" MON                  \
    "(?:,?\\s+\\d{4}\\b)?"                                                                                             \
    "|(?:" WD ",?\\s+)?" MON "\\s+(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?"                    \
    "|\\b\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b"                                                                       \
    "|\\b\\d{4}-\\d{2}-\\d{2}\\b)"
#define NUMBER                                                                                                         \
    "(?:\\d+|an?|half\\s+an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"     \
    "forty|forty-five|fifty|ninety)"

const QRegularExpression &scanner()
{
    // No optional lead-in here: it would make the engine try it at every position. The
    // preposition and "about" before a match are read back from the text (leadIn()).
    static const QRegularExpression re(QStringLiteral(
        "(?:(?<dur>\\bfor\\s+(?:(?:more\\s+than|over|almost|nearly|about|around|at\\s+least|some|up\\s+to|less\\s+than|"
        "under|roughly|approximately)\\s+)?" NUMBER "\\s+(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?)\\b)"
        "|(?<rel>(?i:\\b(?:(?:earlier|later)\\s+(?:today|this\\s+(?:morning|afternoon|evening))|today|yesterday|tonight"
        "|last\\s+night|this\\s+(?:morning|afternoon|evening|weekend)|last\\s+weekend|over\\s+the\\s+weekend"
        "|at\\s+the\\s+weekend)\\b))"
        "|(?<ct>" CLOCK "(?:\\s*,?\\s*(?:on\\s+)?(?:" DATE "|" WD "))?)"
        "|(?<dt>(?:(?:last|this|next)\\s+)?(?:" DATE "|" WD ")(?:,?\\s+at\\s+" CLOCK ")?))"));
    return re;
}

const QRegularExpression &anchoredScanner()
{
    static const QRegularExpression re = anchoredAtOffset(scanner());
    return re;
}

const QRegularExpression &clockPart()
{
    static const QRegularExpression re(
        QStringLiteral("\\b(?:(?<h>[01]?\\d|2[0-3])[:.](?<m>[0-5]\\d)(?:\\s*(?<ap>[apAP])\\.?[mM]\\b\\.?)?"
                       "|(?<h2>1[0-2]|0?[1-9])\\s*(?<ap2>[apAP])\\.?[mM]\\b\\.?"
                       "|(?<h3>[01]\\d|2[0-3])(?<m3>[0-5]\\d)(?=\\s*(?:hrs\\s+)?" ZONE ")"
                       "|(?<word>noon|midnight)\\b)(?:\\s*(?:hrs\\s+)?(?<zone>" ZONE "))?"));
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

namespace {

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
    return (c >= u'A' && c <= u'Z') ||
           (c < 128 && std::string_view("aphomsdnrt").find(char(c)) != std::string_view::npos);
}

bool isAnchorAt(QStringView t, qsizetype i)
{
    const char16_t c = t[i].unicode();
    if (c >= u'0' && c <= u'9')
        return numberMayBeginMatch(t, i);
    auto is = [&](const char *w) { return startsWithAscii(t, i, w, false); };
    auto isCaseless = [&](const char *w) { return startsWithAscii(t, i, w, true); };
    switch (c) {
    case u'M':
        return is("Mon") || is("Mar") || is("May") || isCaseless("morning");
    case u'T':
        return is("Tue") || is("Thu") || isCaseless("today") || isCaseless("tonight");
    case u'W':
        return is("Wed") || isCaseless("weekend");
    case u'F':
        return is("Fri") || is("Feb");
    case u'S':
        return is("Sat") || is("Sun") || is("Sep");
    case u'J':
        return is("Jan") || is("Jun") || is("Jul");
    case u'A':
        return is("Apr") || is("Aug") || isCaseless("afternoon");
    case u'O':
        return is("Oct");
    case u'N':
        return is("Nov") || isCaseless("night");
    case u'D':
        return is("Dec");
    case u'Y':
    case u'y':
        return isCaseless("yesterday");
    case u'E':
    case u'e':
        return isCaseless("evening");
    case u'n':
        return is("noon") || isCaseless("night");
    case u'm':
        return is("midnight") || is("min") || isCaseless("morning");
    case u'h':
        return is("hour") || is("hr");
    case u's':
        return is("sec");
    case u'd':
        return is("day");
    case u't':
        return isCaseless("today") || isCaseless("tonight");
    case u'a':
        return isCaseless("afternoon");
    case u'w':
        return isCaseless("weekend");
    default:
        return false;
    }
}

// Words that may stand before a match's first anchor (compared without case: a superset).
bool isLeadWord(QStringView w)
{
    static const AsciiWordSet words(
        {"for",    "more",   "than",    "over",   "almost", "nearly",  "about",         "around", "at",      "least",
         "some",   "up",     "to",      "less",   "under",  "roughly", "approximately", "an",     "a",       "half",
         "one",    "two",    "three",   "four",   "five",   "six",     "seven",         "eight",  "nine",    "ten",
         "eleven", "twelve", "fifteen", "twenty", "thirty", "forty",   "fifty",         "ninety", "earlier", "later",
         "this",   "last",   "next",    "the"},
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

// Whether `s` contains one of `stems` (capitalised, case-sensitive as the expressions match them).
template <std::size_t N> bool containsStem(QStringView s, const std::array<const char *, N> &stems)
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

} // namespace

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

ScannerMatches::ScannerMatches(QStringView text)
    : m_text(text)
{
    // PCRE checks the whole subject for valid UTF-16 on every call unless told not to: that
    // is checked once here, and text that fails it keeps the plain global match.
    m_full = hasCaselessOddities(text) || !isValidUtf16(text);
    if (m_full)
        m_it = scanner().globalMatch(text);
}

bool ScannerMatches::next(QRegularExpressionMatch *m)
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
        // A tight loop over the characters that begin no anchor: nearly all of them.
        quint8 cls = 0;
        for (; a < n; ++a) {
            cls = p[a] < 128 ? AnchorClasses[p[a]] : 0;
            if ((cls & Upper) || ((cls & AtWordStart) && !afterWordChar))
                break;
            afterWordChar = cls & WordChar;
        }
        if (a == n)
            break;
        afterWordChar = cls & WordChar;
        if (!isAnchorAt(m_text, a))
            continue;
        qsizetype starts[24];
        int count = candidates(a, starts);
        for (int k = count - 1; k >= 0; --k) {
            if (starts[k] < m_pos)
                continue;
            *m = anchoredScanner().match(m_text, starts[k], QRegularExpression::NormalMatch,
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

int ScannerMatches::candidates(qsizetype a, qsizetype *out) const
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

} // namespace inquest::news::timescan
