#include "newstime.h"
#include "ingest/timeconv.h"
#include "newsdateline.h"
#include "newsparties.h"
#include "newstimeitem.h"
#include "newstimeparts.h"
#include "newstimescan.h"
#include "newswords.h"
#include "newszones.h"

#include <QRegularExpression>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>

#include <algorithm>
#include <optional>

namespace inquest::news {

namespace {

namespace bg = boost::gregorian;
namespace bpt = boost::posix_time;
using namespace timescan;
using namespace timeparts;
using namespace timeitem;

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
    const DateMatch m = mayHoldDate(s) ? matchDate(s) : DateMatch();
    *hasDate = m.all.has();
    if (!m.all.has())
        return std::nullopt;
    int weekday = -1;
    const WeekdayMatch w = mayHoldWeekday(s) ? matchWeekday(s) : WeekdayMatch();
    if (w.wd.has() && w.wd.begin < m.all.begin)
        weekday = weekdayOf(w.wd.in(s));
    auto withYear = [&](int y, int mo, int d) -> std::optional<bg::date> {
        if (y > 0)
            return makeDate(y < 100 ? 2000 + y : y, mo, d);
        return inferYear(mo, d, weekday, pub);
    };
    if (m.dmd.has())
        return withYear(m.dmy.in(s).toInt(), monthOf(m.dmm.in(s)), m.dmd.in(s).toInt());
    if (m.mdm.has())
        return withYear(m.mdy.in(s).toInt(), monthOf(m.mdm.in(s)), m.mdd.in(s).toInt());
    if (m.iy.has())
        return makeDate(m.iy.in(s).toInt(), m.im.in(s).toInt(), m.id.in(s).toInt());
    // d/m/y unless the first number cannot be a day-of-month-first reading.
    const int a = m.n1.in(s).toInt(), b = m.n2.in(s).toInt(), y = m.ny.in(s).toInt();
    return (b > 12 && a <= 12) ? withYear(y, a, b) : withYear(y, b, a);
}

struct Clock
{
    bpt::time_duration time;
    QStringView zone;    // as written, when stated
    bool stated = false; // the phrase names its zone
};

std::optional<Clock> parseClock(QStringView s)
{
    if (!mayHoldClock(s))
        return std::nullopt;
    const ClockMatch m = matchClock(s);
    if (!m.all.has())
        return std::nullopt;
    int h = 0, min = 0;
    QStringView ap;
    if (m.h.has()) {
        h = m.h.in(s).toInt();
        min = m.m.in(s).toInt();
        ap = m.ap.in(s);
        // "2.5" is a number, not a time: the dotted form needs am/pm or a zone.
        if (s.mid(m.h.end, 1) == u"." && ap.isEmpty() && !m.zone.has())
            return std::nullopt;
    } else if (m.h2.has()) {
        h = m.h2.in(s).toInt();
        ap = m.ap2.in(s);
    } else if (m.h3.has()) {
        h = m.h3.in(s).toInt();
        min = m.m3.in(s).toInt();
    } else {
        h = m.word.in(s) == u"noon" ? 12 : 0;
    }
    if (!ap.isEmpty()) {
        if (h > 12)
            return std::nullopt;
        h = (h % 12) + (ap.compare(u"p", Qt::CaseInsensitive) == 0 ? 12 : 0);
    }
    return Clock{bpt::hours(h) + bpt::minutes(min), m.zone.in(s), m.zone.has()};
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
    static const QStringList preps = {QStringLiteral("until"), QStringLiteral("till"),    QStringLiteral("to"),
                                      QStringLiteral("from"),  QStringLiteral("since"),   QStringLiteral("at"),
                                      QStringLiteral("on"),    QStringLiteral("by"),      QStringLiteral("before"),
                                      QStringLiteral("after"), QStringLiteral("between"), QStringLiteral("and"),
                                      QStringLiteral("of")}; // "for most of Wednesday"
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

// The zone that clock times without one are read in: the publication zone, else UTC.
class AssumedZone
{
public:
    explicit AssumedZone(const QString &spec)
    {
        const QString s = spec.trimmed();
        if (!s.isEmpty())
            m_converter = ZoneConverter::fromSpec(s, nullptr);
        m_name = m_converter ? s : QStringLiteral("UTC");
    }
    const QString &name() const { return m_name; }
    qint64 toUtc(qint64 civilMicros) const
    {
        if (!m_converter)
            return civilMicros;
        // A fresh copy each time: ZoneConverter follows a log's clock through a DST fold, but the
        // times of an article come in no order, so each ambiguous one takes the first (summer) reading.
        ZoneConverter c = *m_converter;
        return c.toUtc(civilMicros / MicrosPerSecond) * MicrosPerSecond + civilMicros % MicrosPerSecond;
    }

private:
    std::optional<ZoneConverter> m_converter;
    QString m_name;
};

bpt::time_duration parseDuration(QStringView s)
{
    static const QRegularExpression re(QStringLiteral("(?<n>\\d+|an?|half\\s+an|[a-z-]+)\\s+(?<u>[a-z]+)$"));
    static const int ni = groupIndex(re, u"n"), ui = groupIndex(re, u"u");
    const auto m = re.match(s.trimmed());
    static const char *const words[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                        "seven", "eight", "nine", "ten",   "eleven", "twelve"};
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
    static const QStringList tens = {QStringLiteral("fifteen"), QStringLiteral("twenty"),     QStringLiteral("thirty"),
                                     QStringLiteral("forty"),   QStringLiteral("forty-five"), QStringLiteral("fifty"),
                                     QStringLiteral("ninety")};
    const int tensValue[] = {15, 20, 30, 40, 45, 50, 90};
    if (const qsizetype i = tens.indexOf(n); i >= 0)
        count = tensValue[i];
    const QString unit = m.captured(ui);
    const double seconds = unit.startsWith(u"min") ? 60
                           : unit.startsWith(u"h") ? 3600
                           : unit.startsWith(u"d") ? 86400
                                                   : 1;
    return bpt::seconds(qint64(count * seconds));
}

// The span of a day word ("yesterday", "this morning", "over the weekend") relative to the
// publication date.
std::pair<qint64, qint64> relativeDaySpan(const QString &rel, const bg::date &pub)
{
    auto day = [](const bg::date &d, int fromHour, int toHour) {
        return std::pair{micros(bpt::ptime(d, bpt::hours(fromHour))), micros(bpt::ptime(d, bpt::hours(toHour)))};
    };
    const int dow = pub.day_of_week().as_number();
    if (rel.endsWith(u"weekend")) {
        // A weekend that has begun (or a Monday looking back) is "this" one; otherwise the next.
        const bool past = rel.startsWith(u"last") || rel.startsWith(u"over");
        int back = dow == 6 ? 0 : dow == 0 ? 1 : (dow == 1 || past) ? dow + 1 : -(6 - dow);
        const bg::date sat = pub - bg::days(back);
        return {day(sat, 0, 0).first, day(sat + bg::days(2), 0, 0).first};
    } else if (rel == u"yesterday") {
        return day(pub - bg::days(1), 0, 24);
    } else if (rel == u"last night") {
        return {day(pub - bg::days(1), 18, 18).first, day(pub, 6, 6).first};
    } else if (rel.endsWith(u"morning")) {
        return day(pub, 6, 12);
    } else if (rel.endsWith(u"afternoon")) {
        return day(pub, 12, 18);
    } else if (rel.endsWith(u"evening") || rel == u"tonight") {
        return day(pub, 18, 24);
    } else {
        return day(pub, 0, 24); // today, earlier today, later today
    }
}

// The date a weekday phrase ("on Friday", "last Tuesday", "next Monday") names, counted from
// the publication date; none without a weekday or a publication date. A weekday with neither a
// modifier nor a preposition sets *bare.
std::optional<bg::date> weekdayDate(QStringView whole, const QString &prep, const std::optional<bg::date> &pub,
                                    bool *bare, bool toCome = false)
{
    const WeekdayMatch wm = mayHoldWeekday(whole) ? matchWeekday(whole) : WeekdayMatch();
    if (!wm.wd.has())
        return std::nullopt;
    const QStringView mod = wm.mod.in(whole).trimmed();
    *bare = mod.isEmpty() && (prep.isEmpty() || prep == u"and" || prep == u"between");
    if (*bare || !pub)
        return std::nullopt;
    const int wd = weekdayOf(wm.wd.in(whole));
    const int dow = pub->day_of_week().as_number();
    if (mod == u"next" || mod == u"this") {
        int ahead = (wd - dow + 7) % 7;
        if (mod == u"next" && ahead == 0)
            ahead = 7;
        return *pub + bg::days(ahead);
    }
    if (toCome && mod.isEmpty()) { // "would reopen on Monday": the next Monday
        const int forward = (wd - dow + 7) % 7;
        return *pub + bg::days(forward == 0 ? 7 : forward);
    }
    int back = (dow - wd + 7) % 7;
    if (mod == u"last" && back == 0)
        back = 7;
    return *pub - bg::days(back);
}

// The words between two clock times that write one instant in two zones: "(" or "/".
bool isZoneRestatement(QStringView between)
{
    const QStringView t = between.trimmed();
    return t == u"(" || t == u"/" || t == u"/ (";
}

// Whether the weekday phrase from `at` to `end` speaks of what is to come: a future verb earlier in
// its clause ("will reopen on Monday", "should reach accounts by Monday") or "next week" after it.
bool speaksOfTheFuture(QStringView text, qsizetype at, qsizetype end)
{
    static const QRegularExpression nextWeek(QStringLiteral("^,?\\s+(?:next|the\\s+following)\\s+week\\b"));
    if (nextWeek.match(text.mid(end, 30)).hasMatch())
        return true;
    const qsizetype from = qMax<qsizetype>(0, at - 80);
    QStringView clause = text.mid(from, at - from);
    for (const char16_t stop : {u'.', u'!', u'?', u';', u':', u'\n', u'\u201C', u'\u201D', u'"'})
        clause = clause.mid(clause.lastIndexOf(QChar(stop)) + 1);
    static const QRegularExpression future(
        QStringLiteral("\\b(?:will|shall|would|should|won't|(?:expects?|expected|plans?|planned|intends?|due|going|"
                       "hopes?|aims?)\\s+to)\\b|'ll\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return future.match(clause).hasMatch();
}

// Whether `at` is inside a direct quote: a quotation mark opened since its paragraph began and
// not closed before `at` (a quote running over paragraphs reopens each one).
bool insideQuote(QStringView text, qsizetype at)
{
    const qsizetype paragraph = text.left(at).lastIndexOf(u"\n\n");
    bool open = false;
    for (qsizetype i = qMax<qsizetype>(0, paragraph); i < at; ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\u201C')
            open = true;
        else if (c == u'\u201D')
            open = false;
        else if (c == u'"')
            open = !open;
    }
    return open;
}

} // namespace

QList<TimeRef> findTimes(QStringView text, QDate published, const QString &zone, QList<TimeRef> *unplaced)
{
    const AssumedZone assumed(zone);
    std::optional<bg::date> pub;
    if (published.isValid())
        pub = makeDate(published.year(), published.month(), published.day()); // nullopt outside 1400..9999
    QList<Item> items;
    std::optional<bg::date> lastDate;
    qint64 lastDateEnd = -1;
    QString lastZoneName; // the last zone written after a clock time, and where that time ends
    qint64 lastZoneEnd = -1;
    std::optional<ZoneHints> hints; // read from the text when an ambiguous zone first needs them
    // Day words left without a time because the day they count from is not known (below).
    struct Undated
    {
        Item item;                 // the day word, not yet placed
        QString rel;               // its words, lower case
        std::optional<Item> clock; // "at 07:40" just before it, which takes its day
        QDate eventsDay;           // the day the article gave its events, counted from instead of a guess
    };
    QList<Undated> undated;
    const QRegularExpression &re = anchoredScanner();
    static const int durGroup = groupIndex(re, u"dur"), relGroup = groupIndex(re, u"rel"),
                     ctGroup = groupIndex(re, u"ct"), dtGroup = groupIndex(re, u"dt");
    auto qdate = [](const bg::date &d) { return QDate(d.year(), d.month(), d.day()); };
    // An embedded post counts "this morning" and "on Friday" from the date under it, not from the
    // article's publication.
    struct PostDay
    {
        qsizetype begin, end;
        bg::date day;
    };
    QList<PostDay> postDays;
    for (const EmbeddedPost &post : findEmbeddedPosts(text)) {
        bool hasDate = false;
        if (const auto day = parseDate(text.mid(post.end, post.lineEnd - post.end), pub, &hasDate); day)
            postDays.append({post.begin, post.end, *day});
    }
    auto baseDay = [&](qsizetype at) {
        for (const PostDay &p : std::as_const(postDays)) {
            if (at >= p.begin && at < p.end)
                return std::optional<bg::date>(p.day);
        }
        return pub;
    };
    // "“… this weekend,” said one message posted on Thursday": a date in the attribution after
    // the quote is the day the words were said, and the undated day words in it count from that.
    auto countFromDaySaid = [&](const bg::date &said, qsizetype at) {
        for (qsizetype k = undated.size() - 1; k >= 0; --k) {
            const Undated &u = undated.at(k);
            const QStringView between = text.mid(u.item.end, at - u.item.end);
            const qsizetype close = qMax(between.lastIndexOf(u'\u201D'), between.lastIndexOf(u'"'));
            const QStringView attribution = between.mid(close + 1);
            if (between.size() > 400 || close < 0 || between.contains(u"\n\n") || attribution.contains(u". ") ||
                attribution.contains(u"! ") || attribution.contains(u"? "))
                continue;
            Item day = u.item;
            const auto span = relativeDaySpan(u.rel, said);
            day.ref.begin = span.first;
            day.ref.end = span.second;
            day.resolved = true;
            day.basis = DayBasis::Relative;
            day.day = qdate(bg::date(1970, 1, 1) + bg::days(span.first / DayMicros));
            day.ref.note =
                QStringLiteral("counted from %1, the day the words were said").arg(qdate(said).toString(Qt::ISODate));
            if (u.clock) {
                Item clock = *u.clock;
                const qint64 shift = qint64(clock.day.daysTo(day.day)) * DayMicros;
                clock.civil += shift;
                clock.dayStart += shift;
                clock.ref.begin += shift;
                clock.ref.end += shift;
                clock.day = day.day;
                clock.ownDate = true;
                clock.basis = DayBasis::Relative;
                clock.end = day.end;
                clock.ref.phrase = text.mid(clock.ref.offset, day.end - clock.ref.offset).toString().trimmed();
                clock.ref.note = day.ref.note;
                day = clock;
            }
            const auto place =
                std::find_if(items.begin(), items.end(), [&](const Item &i) { return i.ref.offset > day.ref.offset; });
            items.insert(place, day);
            undated.removeAt(k);
        }
    };
    const Dateline dateline = findDateline(text); // the day the story was filed: no time of the events
    ScannerMatches matches(text);
    QRegularExpressionMatch m;
    while (matches.next(&m)) {
        if (dateline.found() && m.capturedStart() < dateline.end && m.capturedEnd() > dateline.begin)
            continue;
        Item item;
        const LeadIn lead = leadIn(text, m.capturedStart());
        item.prep = lead.prep;
        item.ref.offset = lead.start;
        item.end = m.capturedEnd();
        item.ref.phrase = text.mid(lead.start, item.end - lead.start).toString().trimmed();
        if (item.ref.phrase.endsWith(u'.') && !item.ref.phrase.endsWith(u"m.")) // the full stop, not "p.m."
            item.ref.phrase.chop(1);
        item.ref.approximate = lead.approximate;
        if (m.hasCaptured(durGroup)) {
            item.isDuration = true;
            item.durationMicros = parseDuration(m.capturedView(durGroup)).total_microseconds();
            const QStringView words = m.capturedView(durGroup);
            static const QRegularExpression vague(QStringLiteral(
                "\\b(?:more|over|almost|nearly|about|around|least|some|up|less|under|roughly|approximately)\\b"));
            item.ref.approximate = item.ref.approximate || vague.match(words).hasMatch();
            items.append(item);
            continue;
        }
        if (m.hasCaptured(relGroup)) {
            if (!pub)
                continue;
            // "this afternoon" in a quote counts from the day the words were said. When the article
            // has dated its events to another day than its publication ("on Tuesday", published
            // Wednesday), it does not say which of the two that was: no time rather than a guess,
            // and later clock times keep the day the article gave.
            const bool inPost = std::any_of(postDays.cbegin(), postDays.cend(), [&](const PostDay &p) {
                return item.ref.offset >= p.begin && item.ref.offset < p.end;
            });
            if (!inPost && lastDate && *lastDate != *pub && lastDateEnd >= 0 && item.ref.offset - lastDateEnd < 2500 &&
                insideQuote(text, item.ref.offset)) {
                Undated u{item, m.captured(relGroup).toLower().simplified(), std::nullopt, qdate(*lastDate)};
                if (!items.isEmpty() && items.back().isClock && !items.back().ownDate &&
                    text.mid(items.back().end, item.ref.offset - items.back().end).trimmed().isEmpty())
                    u.clock = items.takeLast(); // "at 07:40 this morning": its day is just as unknown
                undated.append(u);
                continue;
            }
            const auto span = relativeDaySpan(m.captured(relGroup).toLower().simplified(), *baseDay(item.ref.offset));
            item.ref.begin = span.first;
            item.ref.end = span.second;
            item.resolved = true;
            item.basis = DayBasis::Relative;
            const bg::date day = bg::date(1970, 1, 1) + bg::days(span.first / DayMicros);
            item.day = qdate(day);
            // "at 07:40 this morning": the clock just before takes this day.
            if (!items.isEmpty() && items.back().isClock && !items.back().ownDate &&
                text.mid(items.back().end, item.ref.offset - items.back().end).trimmed().isEmpty()) {
                Item &clock = items.back();
                const qint64 shift = qint64(clock.day.daysTo(item.day)) * DayMicros;
                clock.civil += shift;
                clock.dayStart += shift;
                clock.ref.begin += shift;
                clock.ref.end += shift;
                clock.day = item.day;
                clock.ownDate = true;
                clock.basis = DayBasis::Relative;
                clock.end = item.end;
                clock.ref.phrase = text.mid(clock.ref.offset, item.end - clock.ref.offset).toString().trimmed();
                lastDate = day;
                lastDateEnd = item.end;
                continue; // the day words belong to the clock time
            }
            lastDate = day;
            lastDateEnd = item.end;
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
        item.basis = date ? DayBasis::Written : DayBasis::None;
        bool ahead = false; // a weekday of what is to come: no day for the events after it
        if (!date) {
            bool bareWeekday = false;
            // A weekday after a clock time ("8:30am PT on Thursday", "7:10 am ET Friday") is that
            // time's day whatever comes before the clock.
            ahead = speaksOfTheFuture(text, item.ref.offset, item.end);
            date = weekdayDate(m.capturedView(), hasClock ? QStringLiteral("at") : item.prep, baseDay(item.ref.offset),
                               &bareWeekday, ahead);
            if (bareWeekday)
                continue; // "the Sunday Times" is no time: a weekday needs "on", "last", "this", …
            if (date)
                item.basis = DayBasis::Relative;
            // "“On Friday we …”" in a quote about events dated to another day than the publication:
            // the words were said between the two, and when counting from each gives another
            // Friday the day is not known.
            const bool inPost = std::any_of(postDays.cbegin(), postDays.cend(), [&](const PostDay &p) {
                return item.ref.offset >= p.begin && item.ref.offset < p.end;
            });
            if (date && !inPost && lastDate && pub && *lastDate != *pub && lastDateEnd >= 0 &&
                item.ref.offset - lastDateEnd < 2500 && insideQuote(text, item.ref.offset)) {
                bool bare = false;
                const auto fromEvents =
                    weekdayDate(m.capturedView(), hasClock ? QStringLiteral("at") : item.prep, lastDate, &bare, ahead);
                if (fromEvents && *fromEvents != *date) {
                    if (unplaced) {
                        TimeRef t = item.ref;
                        t.note = QStringLiteral("in a quote, counted from the day the words were said, which is not "
                                                "written: %1 counted from the events (%2), %3 from the publication")
                                     .arg(qdate(*fromEvents).toString(Qt::ISODate),
                                          qdate(*lastDate).toString(Qt::ISODate), qdate(*date).toString(Qt::ISODate));
                        unplaced->append(t);
                    }
                    continue;
                }
            }
        }
        item.ownDate = date.has_value();
        if (hasClock) {
            // A clock time without a date takes the nearest date before it (across paragraphs:
            // "On Tuesday …" then "Around 11:30 …"), else the publication date.
            if (!date && lastDate && lastDateEnd >= 0 && item.ref.offset - lastDateEnd < 2500)
                date = lastDate;
            if (!date)
                date = pub;
            if (!date)
                continue;
            if (item.basis == DayBasis::None)
                item.basis = DayBasis::Borrowed;
            item.isClock = true;
            item.civil = micros(bpt::ptime(*date, clock->time));
            const qint64 midnight = micros(bpt::ptime(*date));
            std::optional<ZoneReading> reading;
            if (clock->stated) {
                item.zoneName = clock->zone.toString().simplified();
                if (item.zoneName == u"IST" || item.zoneName == u"CST")
                    hints = hints ? hints : zoneHints(text);
                const QTime wall(int(clock->time.hours()), int(clock->time.minutes()));
                item.zoneReadings = readZoneName(item.zoneName, qdate(*date), wall, hints.value_or(ZoneHints{}));
                if (!item.zoneReadings.isEmpty())
                    reading = item.zoneReadings.first();
                // "6:05 p.m. Brasilia time (2105 GMT) … by 9:50 p.m.": the zone in brackets or after a
                // slash restates the instant; later times are in the zone written first.
                const bool restated = !items.isEmpty() && items.back().isClock && items.back().zoneStated &&
                                      isZoneRestatement(text.mid(items.back().end, item.ref.offset - items.back().end));
                if (item.zoneReadings.size() == 1 && !restated) {
                    lastZoneName = item.zoneName;
                    lastZoneEnd = item.end;
                }
            }
            // "from 7am BST … restored at 2.15pm": a clock time with no zone, after one that
            // wrote an unambiguous zone, is read in that zone (and says so).
            std::optional<ZoneReading> carried;
            if (!clock->stated && lastZoneEnd >= 0 && item.ref.offset - lastZoneEnd < 2500) {
                const QTime wall(int(clock->time.hours()), int(clock->time.minutes()));
                const QList<ZoneReading> r = readZoneName(lastZoneName, qdate(*date), wall, ZoneHints{});
                if (!r.isEmpty())
                    carried = r.first();
            }
            if (reading) {
                item.zoneStated = true;
                item.zoneOffset = qint64(reading->offsetMinutes) * 60 * MicrosPerSecond;
                item.ref.begin = item.civil - item.zoneOffset;
                item.dayStart = midnight - item.zoneOffset;
                if (item.zoneReadings.size() > 1)
                    item.ref.note = zoneAssumptionNote(item.zoneName, *reading, reading->basis);
                else if (!reading->note.isEmpty())
                    item.ref.note = reading->note;
            } else if (carried) {
                item.zoneOffset = qint64(carried->offsetMinutes) * 60 * MicrosPerSecond;
                item.ref.begin = item.civil - item.zoneOffset;
                item.dayStart = midnight - item.zoneOffset;
                item.ref.note =
                    QStringLiteral("no zone written: read in %1, the zone of the time before it").arg(lastZoneName);
            } else {
                item.ref.begin = assumed.toUtc(item.civil);
                item.dayStart = assumed.toUtc(midnight);
                item.ref.assumedZone = assumed.name();
            }
            item.ref.end = item.ref.begin;
            // Say why a clock time after an undated day word in its paragraph took the earlier day.
            if (item.basis == DayBasis::Borrowed && !undated.isEmpty() &&
                item.ref.offset - undated.back().item.end < 400 &&
                !text.mid(undated.back().item.end, item.ref.offset - undated.back().item.end).contains(u"\n\n")) {
                const QString why =
                    QStringLiteral("day taken from the article's account of the events (%1); \u201C%2\u201D in the "
                                   "quote before it gives no day: it counts from when it was said, which is not "
                                   "written (published %3)")
                        .arg(qdate(*date).toString(Qt::ISODate), undated.back().item.ref.phrase,
                             qdate(*pub).toString(Qt::ISODate));
                item.ref.note = item.ref.note.isEmpty() ? why : item.ref.note + QStringLiteral("; ") + why;
            }
        } else if (date) {
            item.dateOnly = true;
            item.ref.begin = micros(bpt::ptime(*date));
            item.ref.end = micros(bpt::ptime(*date + bg::days(1)));
        } else {
            continue;
        }
        item.day = qdate(*date);
        // "told reporters on Thursday", "said on Friday": the day someone spoke is not the day
        // of the events, so later clock times do not take it.
        static const QRegularExpression spokeOn(
            QStringLiteral("\\b(?:said|says|told\\s+(?:\\w+\\s+){0,4}?|added|wrote|announced|confirmed|stated)\\s*"
                           "(?:on\\s+a\\s+call\\s+|in\\s+a\\s+\\w+\\s+)?$"));
        const qsizetype spokeFrom = qMax<qsizetype>(0, item.ref.offset - 60);
        const bool dateOfSpeaking =
            item.ownDate && !hasClock && spokeOn.match(text.mid(spokeFrom, item.ref.offset - spokeFrom)).hasMatch();
        if (item.ownDate && !dateOfSpeaking && !ahead) {
            lastDate = date;
            lastDateEnd = item.end;
        }
        // "failing at 4 p.m. on December 25, and … again shortly after 1 a.m.": in one sentence a
        // later clock time that borrowed the date before it and would fall before it is the
        // next day (unless the words between say it came earlier). Times in different zones are a
        // list, not a sequence.
        if (item.isClock && !item.ownDate && !items.isEmpty() && items.back().isClock && items.back().day == item.day &&
            item.zoneOffset == items.back().zoneOffset && item.ref.begin < items.back().ref.begin &&
            items.back().ref.begin - item.ref.begin < DayMicros) {
            const QStringView between = text.mid(items.back().end, item.ref.offset - items.back().end);
            static const QRegularExpression earlier(
                QStringLiteral(
                    "[.!?]\\s|\\n|\\b(?:earlier|before|after|previously|prior|since|had\\s+been|from)\\b|\\(|/"),
                QRegularExpression::CaseInsensitiveOption);
            if (between.size() < 200 && !earlier.match(between).hasMatch()) {
                item.ref.begin += DayMicros;
                item.ref.end += DayMicros;
                item.civil += DayMicros;
                item.dayStart += DayMicros;
                item.day = item.day.addDays(1);
            }
        }
        item.resolved = true;
        items.append(item);
        if (item.dateOnly && item.ownDate && !undated.isEmpty())
            countFromDaySaid(*date, item.ref.offset);
    }
    if (unplaced) {
        for (const Undated &u : std::as_const(undated)) {
            TimeRef t = u.item.ref;
            t.note = QStringLiteral("in a quote, counted from the day the words were said, which is not written "
                                    "(the article dates its events to %1 and was published %2)")
                         .arg(u.eventsDay.toString(Qt::ISODate), qdate(*pub).toString(Qt::ISODate));
            unplaced->append(t);
            if (u.clock) {
                TimeRef c = u.clock->ref;
                c.note = t.note;
                unplaced->append(c);
            }
        }
        std::sort(unplaced->begin(), unplaced->end(),
                  [](const TimeRef &a, const TimeRef &b) { return a.offset < b.offset; });
    }
    mergeDualZones(text, items);
    flagContradictingDates(text, items);
    return joinPeriods(text, items);
}

} // namespace inquest::news
