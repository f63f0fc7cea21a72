#include "newstimeparts.h"
#include "newswords.h"

#include <array>
#include <cstring>

#include <string_view>

// Each matcher follows its expression's alternatives and backtracking order (newstimescan.cpp):
// at each start position, from the left, the first alternative that can complete wins. \s, \w
// and \b are PCRE's without Unicode properties (ASCII), as the expressions are compiled.
namespace inquest::news::timeparts {

namespace {

char16_t at(QStringView s, qsizetype i) { return i >= 0 && i < s.size() ? s[i].unicode() : char16_t(0); }
bool isDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
bool isLower(char16_t c) { return c >= u'a' && c <= u'z'; }
bool isWordAt(QStringView s, qsizetype i) { return i >= 0 && i < s.size() && isPcreWordChar(s[i].unicode()); }
bool isBoundary(QStringView s, qsizetype i) { return isWordAt(s, i - 1) != isWordAt(s, i); }
bool isSpaceAt(QStringView s, qsizetype i) { return i < s.size() && isPcreSpace(s[i].unicode()); }
qsizetype skipSpace(QStringView s, qsizetype i)
{
    while (isSpaceAt(s, i))
        ++i;
    return i;
}
bool hasAscii(QStringView s, qsizetype i, const char *word)
{
    for (; *word; ++word, ++i) {
        if (at(s, i) != char16_t(*word))
            return false;
    }
    return true;
}

// Whether `word` is one of `names` (ASCII): lengths first, most words differ in theirs.
template <std::size_t N> bool isOneOf(QStringView word, const std::string_view (&names)[N])
{
    for (const std::string_view name : names) {
        if (qsizetype(name.size()) != word.size())
            continue;
        qsizetype k = 0;
        while (k < word.size() && word[k].unicode() == char16_t(name[k]))
            ++k;
        if (k == word.size())
            return true;
    }
    return false;
}

// "(?:Name|…)(?![a-z])\.?" (MON, WD): every name is a capital and lower-case letters, so the one
// that can match is the letter at i with the lower-case run after it. End (after a '.'), or -1.
template <std::size_t N> qsizetype nameAt(QStringView s, qsizetype i, const std::string_view (&names)[N])
{
    if (i >= s.size() || s[i].unicode() < u'A' || s[i].unicode() > u'Z')
        return -1;
    qsizetype e = i + 1;
    while (e < s.size() && isLower(s[e].unicode()))
        ++e;
    if (!isOneOf(s.mid(i, e - i), names))
        return -1;
    return at(s, e) == u'.' ? e + 1 : e;
}

qsizetype monthAt(QStringView s, qsizetype i)
{
    static constexpr std::string_view months[] = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December",
                                                  "Jan",     "Feb",      "Mar",       "Apr",     "Jun",      "Jul",
                                                  "Aug",     "Sept",     "Sep",       "Oct",     "Nov",      "Dec"};
    return nameAt(s, i, months);
}

qsizetype weekdayAt(QStringView s, qsizetype i)
{
    static constexpr std::string_view days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                                "Sunday", "Mon",     "Tues",      "Tue",      "Wed",    "Thurs",
                                                "Thur",   "Thu",     "Fri",       "Sat",      "Sun"};
    return nameAt(s, i, days);
}

// ZONE, "(?:(?:Eastern|…)(?:\s+(?:[Ss]tandard\s+|[Dd]aylight\s+)?[Tt]ime)?|GMT|…|BRT)\b": the run of word
// characters at i must be one of the names, or a region alone ("9am Eastern") or followed by
// "[standard] time" in either case.
qsizetype zoneAt(QStringView s, qsizetype i)
{
    qsizetype e = i;
    while (isWordAt(s, e))
        ++e;
    static constexpr std::string_view regions[] = {"Eastern", "Pacific", "Central", "Mountain"};
    if (e > i && isOneOf(s.mid(i, e - i), regions)) {
        auto timeAt = [&](qsizetype t) {
            return (hasAscii(s, t, "Time") || hasAscii(s, t, "time")) && !isWordAt(s, t + 4);
        };
        const qsizetype k = skipSpace(s, e);
        if (k == e)
            return e;
        if (hasAscii(s, k, "European") && !isWordAt(s, k + 8))
            return -1; // "Central European Time" is CET, not US Central
        for (const char *kind : {"Standard", "standard", "Daylight", "daylight"}) {
            const qsizetype n = qsizetype(std::strlen(kind));
            if (hasAscii(s, k, kind) && isSpaceAt(s, k + n)) {
                const qsizetype t = skipSpace(s, k + n);
                if (timeAt(t))
                    return t + 4;
            }
        }
        return timeAt(k) ? k + 4 : e;
    }
    // "Brasilia time", "Moscow Time": a capital's name, white space, "time".
    for (const std::u16string_view city : {u"Brasilia", u"Bras\u00EDlia", u"Moscow", u"Beijing", u"Tokyo"}) {
        const auto n = qsizetype(city.size());
        if (s.mid(i, n) != QStringView(city.data(), n) || !isSpaceAt(s, i + n))
            continue;
        const qsizetype t = skipSpace(s, i + n);
        if ((hasAscii(s, t, "Time") || hasAscii(s, t, "time")) && !isWordAt(s, t + 4))
            return t + 4;
    }
    static constexpr std::string_view zones[] = {
        "GMT", "UTC", "UT",  "Z",   "BST",  "IST",  "CET",  "CEST", "WET",  "WEST", "EET",  "EEST", "MSK",  "EST",
        "EDT", "ET",  "CST", "CDT", "CT",   "MST",  "MDT",  "MT",   "PST",  "PDT",  "PT",   "AKST", "AKDT", "HST",
        "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT", "SAST", "BRT"};
    return e > i && isOneOf(s.mid(i, e - i), zones) ? e : -1;
}

// "\s*(?:hrs\s+)?ZONE" from i: the zone's capture, or none.
Capture zoneAfter(QStringView s, qsizetype i)
{
    const qsizetype j = skipSpace(s, i);
    if (hasAscii(s, j, "hrs") && isSpaceAt(s, j + 3)) {
        const qsizetype k = skipSpace(s, j + 3);
        if (const qsizetype e = zoneAt(s, k); e >= 0)
            return {k, e};
    }
    if (const qsizetype e = zoneAt(s, j); e >= 0)
        return {j, e};
    return {};
}

// "[apAP]\.?[mM]\b\.?" at i: its end, or -1.
qsizetype ampmAt(QStringView s, qsizetype i)
{
    if (at(s, i) != u'a' && at(s, i) != u'p' && at(s, i) != u'A' && at(s, i) != u'P')
        return -1;
    qsizetype k = at(s, i + 1) == u'.' ? i + 2 : i + 1;
    if ((at(s, k) != u'm' && at(s, k) != u'M') || isWordAt(s, k + 1))
        return -1;
    ++k;
    return at(s, k) == u'.' ? k + 1 : k;
}

// Ends of the hour alternatives at i, in the order the expression tries them (-1: not this one).
// "[01]?\d|2[0-3]": two digits with [01] taken, one digit, then 2[0-3].
std::array<qsizetype, 3> clockHours(QStringView s, qsizetype i)
{
    const char16_t a = at(s, i), b = at(s, i + 1);
    return {(a == u'0' || a == u'1') && isDigit(b) ? i + 2 : -1, isDigit(a) ? i + 1 : -1,
            a == u'2' && b >= u'0' && b <= u'3' ? i + 2 : -1};
}
// "1[0-2]|0?[1-9]"
std::array<qsizetype, 3> ampmHours(QStringView s, qsizetype i)
{
    const char16_t a = at(s, i), b = at(s, i + 1);
    return {a == u'1' && b >= u'0' && b <= u'2' ? i + 2 : -1, a == u'0' && b >= u'1' && b <= u'9' ? i + 2 : -1,
            a >= u'1' && a <= u'9' ? i + 1 : -1};
}
// "[12]\d|3[01]|0?[1-9]" (days)
std::array<qsizetype, 4> days(QStringView s, qsizetype i)
{
    const char16_t a = at(s, i), b = at(s, i + 1);
    return {(a == u'1' || a == u'2') && isDigit(b) ? i + 2 : -1, a == u'3' && (b == u'0' || b == u'1') ? i + 2 : -1,
            a == u'0' && b >= u'1' && b <= u'9' ? i + 2 : -1, a >= u'1' && a <= u'9' ? i + 1 : -1};
}
bool hasMinutes(QStringView s, qsizetype i) { return at(s, i) >= u'0' && at(s, i) <= u'5' && isDigit(at(s, i + 1)); }

bool clockAt(QStringView s, qsizetype p, ClockMatch *m)
{
    if (!isBoundary(s, p))
        return false;
    qsizetype end = -1;
    for (const qsizetype h : clockHours(s, p)) { // h:m, h.m
        if (h < 0 || (at(s, h) != u':' && at(s, h) != u'.') || !hasMinutes(s, h + 1))
            continue;
        m->h = {p, h};
        m->m = {h + 1, h + 3};
        end = h + 3;
        const qsizetype a = skipSpace(s, end);
        if (const qsizetype e = ampmAt(s, a); e >= 0) {
            m->ap = {a, a + 1};
            end = e;
        }
        break;
    }
    if (end < 0) { // 10pm
        for (const qsizetype h : ampmHours(s, p)) {
            const qsizetype a = h < 0 ? -1 : skipSpace(s, h);
            if (const qsizetype e = a < 0 ? -1 : ampmAt(s, a); e >= 0) {
                m->h2 = {p, h};
                m->ap2 = {a, a + 1};
                end = e;
                break;
            }
        }
    }
    if (end < 0) { // 2145 GMT ("[01]\d|2[0-3]", then minutes, before a zone)
        const char16_t a = at(s, p), b = at(s, p + 1);
        if ((((a == u'0' || a == u'1') && isDigit(b)) || (a == u'2' && b >= u'0' && b <= u'3')) &&
            hasMinutes(s, p + 2) && zoneAfter(s, p + 4).has()) {
            m->h3 = {p, p + 2};
            m->m3 = {p + 2, p + 4};
            end = p + 4;
        }
    }
    if (end < 0) {
        if (hasAscii(s, p, "noon") && !isWordAt(s, p + 4))
            end = p + 4;
        else if (hasAscii(s, p, "midnight") && !isWordAt(s, p + 8))
            end = p + 8;
        if (end >= 0)
            m->word = {p, end};
    }
    if (end < 0)
        return false;
    if (const Capture zone = zoneAfter(s, end); zone.has()) {
        m->zone = zone;
        end = zone.end;
    }
    m->all = {p, end};
    return true;
}

// ",?\s+(\d{4})\b" at i: the year's capture, or none.
Capture yearAfter(QStringView s, qsizetype i)
{
    if (at(s, i) == u',')
        ++i;
    const qsizetype j = skipSpace(s, i);
    if (j == i || !isDigit(at(s, j)) || !isDigit(at(s, j + 1)) || !isDigit(at(s, j + 2)) || !isDigit(at(s, j + 3)) ||
        isWordAt(s, j + 4))
        return {};
    return {j, j + 4};
}

qsizetype ordinalSuffix(QStringView s, qsizetype i)
{
    for (const char *suffix : {"st", "nd", "rd", "th"}) {
        if (hasAscii(s, i, suffix))
            return i + 2;
    }
    return -1;
}

bool dateAt(QStringView s, qsizetype p, DateMatch *m)
{
    // 12th of December, 2010
    for (const qsizetype d : days(s, p)) {
        if (d < 0)
            continue;
        for (const qsizetype k : {ordinalSuffix(s, d), d}) {
            if (k < 0)
                continue;
            const qsizetype of = skipSpace(s, k);
            const qsizetype afterOf = of > k && hasAscii(s, of, "of") ? of + 2 : -1;
            for (const qsizetype k2 : {afterOf, k}) {
                const qsizetype j = k2 < 0 ? -1 : skipSpace(s, k2);
                const qsizetype e = j > k2 ? monthAt(s, j) : -1;
                if (e < 0)
                    continue;
                m->dmd = {p, d};
                m->dmm = {j, e};
                m->dmy = yearAfter(s, e);
                m->all = {p, m->dmy.has() ? m->dmy.end : e};
                return true;
            }
        }
    }
    // December 12th, 2010
    if (const qsizetype e = monthAt(s, p); e >= 0) {
        const qsizetype j = skipSpace(s, e);
        for (const qsizetype d : j > e ? days(s, j) : std::array<qsizetype, 4>{-1, -1, -1, -1}) {
            if (d < 0)
                continue;
            for (const qsizetype k : {ordinalSuffix(s, d), d}) {
                if (k < 0 || isWordAt(s, k))
                    continue;
                m->mdm = {p, e};
                m->mdd = {j, d};
                m->mdy = yearAfter(s, k);
                m->all = {p, m->mdy.has() ? m->mdy.end : k};
                return true;
            }
        }
    }
    if (!isBoundary(s, p) || !isDigit(at(s, p)))
        return false;
    // 12/12/2010, 12/12/10
    for (const qsizetype a : {isDigit(at(s, p + 1)) ? p + 2 : -1, p + 1}) {
        if (a < 0 || at(s, a) != u'/')
            continue;
        for (const qsizetype b :
             {isDigit(at(s, a + 1)) && isDigit(at(s, a + 2)) ? a + 3 : -1, isDigit(at(s, a + 1)) ? a + 2 : -1}) {
            if (b < 0 || at(s, b) != u'/')
                continue;
            for (const qsizetype y : {4, 2}) {
                bool digits = true;
                for (qsizetype i = 1; i <= y; ++i)
                    digits = digits && isDigit(at(s, b + i));
                if (!digits || isWordAt(s, b + 1 + y))
                    continue;
                m->n1 = {p, a};
                m->n2 = {a + 1, b};
                m->ny = {b + 1, b + 1 + y};
                m->all = {p, b + 1 + y};
                return true;
            }
        }
    }
    // 2010-12-12
    for (const qsizetype i : {1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(at(s, p + i)))
            return false;
    }
    if (at(s, p + 4) != u'-' || at(s, p + 7) != u'-' || isWordAt(s, p + 10))
        return false;
    m->iy = {p, p + 4};
    m->im = {p + 5, p + 7};
    m->id = {p + 8, p + 10};
    m->all = {p, p + 10};
    return true;
}

} // namespace

ClockMatch matchClock(QStringView s)
{
    for (qsizetype p = 0; p < s.size(); ++p) {
        const char16_t c = s[p].unicode();
        if (!isDigit(c) && c != u'n' && c != u'm')
            continue; // every alternative begins with a digit, "noon" or "midnight"
        ClockMatch m;
        if (clockAt(s, p, &m))
            return m;
    }
    return {};
}

DateMatch matchDate(QStringView s)
{
    for (qsizetype p = 0; p < s.size(); ++p) {
        const char16_t c = s[p].unicode();
        if (!isDigit(c) && !(c >= u'A' && c <= u'Z'))
            continue; // a day, a month name or a number begins every alternative
        DateMatch m;
        if (dateAt(s, p, &m))
            return m;
    }
    return {};
}

WeekdayMatch matchWeekday(QStringView s)
{
    // "(?:^|\s|,)(?<mod>(?:last|this|next)\s+)?(?<wd>WD)": a word start after the text's start,
    // white space or a comma, from the left.
    for (qsizetype q = 0; q < s.size(); ++q) {
        if (q > 0 && !isPcreSpace(s[q - 1].unicode()) && s[q - 1] != u',')
            continue;
        WeekdayMatch m;
        if ((hasAscii(s, q, "last") || hasAscii(s, q, "this") || hasAscii(s, q, "next")) && isSpaceAt(s, q + 4)) {
            const qsizetype j = skipSpace(s, q + 4);
            if (const qsizetype e = weekdayAt(s, j); e >= 0) {
                m.mod = {q, j};
                m.wd = {j, e};
            }
        }
        if (!m.wd.has()) {
            if (const qsizetype e = weekdayAt(s, q); e >= 0)
                m.wd = {q, e};
        }
        if (m.wd.has()) {
            m.all = {q > 0 ? q - 1 : 0, m.wd.end};
            return m;
        }
    }
    return {};
}

} // namespace inquest::news::timeparts
