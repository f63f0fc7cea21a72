#include "newsextractor.h"
#include "newsarticle.h"
#include "newsattribution.h"
#include "newsdateline.h"
#include "newsdenial.h"
#include "newsparties.h"
#include "newsstance.h"
#include "newstime.h"
#include "newswords.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace inquest::news {

namespace {

Span trimmed(QStringView text, qsizetype b, qsizetype e)
{
    while (b < e && text[b].isSpace())
        ++b;
    while (e > b && text[e - 1].isSpace())
        --e;
    return {b, e};
}

} // namespace

QList<Span> findQuotes(QStringView text)
{
    QList<Span> out;
    const qsizetype n = text.size();
    qsizetype open = -1;
    QChar opener, closer;
    int depth = 0;
    for (qsizetype i = 0; i < n; ++i) {
        // Only quote marks and, inside a quote, line breaks matter: skip to the next one.
        i = open < 0 ? indexOfAny(text, i, u'\u201C', u'"', u'\u2018', u'\'')
                     : indexOfAny(text, i, opener.unicode(), closer.unicode(), u'\n', u'\n');
        if (i < 0)
            break;
        const QChar c = text[i];
        if (open < 0) {
            if (c == u'\'') {
                // Two apostrophes stand for a quotation mark in some texts: ''like this''.
                if (i + 1 >= n || text[i + 1] != u'\'' || (i > 0 && text[i - 1].isLetterOrNumber()))
                    continue;
                opener = closer = c;
                open = i + 2;
                depth = 0;
                ++i;
                continue;
            }
            if (c == u'\u201C' || c == u'"') {
                opener = c;
                closer = c == u'"' ? c : QChar(u'\u201D');
            } else if (c == u'\u2018' && (i == 0 || !text[i - 1].isLetterOrNumber())) {
                opener = c;
                closer = QChar(u'\u2019');
            } else {
                continue;
            }
            open = i + 1;
            depth = 0;
            continue;
        }
        if (c == opener && opener != closer) {
            ++depth; // a quote inside the quote: “… “inner” …”
            continue;
        }
        if (c == closer) {
            if (closer == u'\u2019' && i + 1 < n && text[i + 1].isLetter())
                continue; // an apostrophe: “Amazon’s”
            if (closer == u'\'' && (i + 1 >= n || text[i + 1] != u'\''))
                continue; // one apostrophe inside ''…'': "don't"
            if (depth > 0) {
                --depth;
                continue;
            }
            if (i > open)
                out.append({open, i});
            open = -1;
            continue;
        }
        if (c == u'\n') {
            qsizetype k = i + 1;
            while (k < n && text[k] != u'\n' && text[k].isSpace())
                ++k;
            if (k >= n || text[k] != u'\n')
                continue;
            while (k < n && text[k].isSpace())
                ++k;
            // A new paragraph that reopens the quote continues it; anything else ends it here.
            if (k < n && text[k] == opener) {
                i = k;
                continue;
            }
            const Span s = trimmed(text, open, i);
            if (s.size() > 0)
                out.append(s);
            open = -1;
            i = k - 1;
        }
    }
    return out;
}

namespace {

QString quoteText(QStringView text, const Span &q)
{
    static const QRegularExpression reopen(QStringLiteral("\\s*\\n\\s*\\n\\s*[\u201C\"\u2018]"));
    const QStringView words = text.mid(q.begin, q.size());
    if (!words.contains(u'\n'))
        return simplifiedText(words);
    QString s = words.toString();
    s.replace(reopen, QStringLiteral(" "));
    return s.simplified();
}

struct Candidate
{
    Statement statement;
    Attribution who;
};

// Where ", and <speaker> said" begins in a reported sentence whose speech clause starts at
// `clauseStart`: the words before it are a clause of their own. 0 when there is none.
qsizetype reportBeforeSpeech(QStringView sentence, qsizetype clauseStart)
{
    const QStringView head = sentence.left(clauseStart);
    qsizetype cut = -1;
    for (const QStringView joint : {QStringView(u", and "), QStringView(u", but "), QStringView(u"; ")})
        cut = qMax(cut, head.lastIndexOf(joint));
    // The speaker follows the joint directly: a short subject, then the verb ("…, and said" has
    // no subject of its own: the sentence's speaker goes on).
    if (cut <= 0)
        return 0;
    const QStringList after = head.mid(cut).toString().split(u' ', Qt::SkipEmptyParts);
    const qsizetype words = after.size() - std::count_if(after.begin(), after.end(), [](const QString &w) {
                                return w == u"," || w == u";" || w == u"and" || w == u"but";
                            });
    if (head.mid(cut).count(u' ') > 8 || words < 2)
        return 0;
    return cut + 2;
}

// The basis of an organisation taken from the latest mention before a statement.
const QString LastNamed = QStringLiteral("the organisation last named before the statement");

const QRegularExpression &outageWords()
{
    static const QRegularExpression re(
        QStringLiteral(
            "\\b(?:down|outages?|offline|unavailable|inaccessible|unreachable|could\\s+not\\s+(?:reach|access)"
            "|went\\s+dark|go\\s+dark|disrupt\\w*|restored|back\\s+online|crash(?:ed)?|failed)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

QList<Statement> extractStatements(QStringView text, const ExtractOptions &options)
{
    // The title, URL and date lines a text opens with are metadata, not sentences.
    QList<Span> sentences = splitSentences(text);
    const qsizetype bodyStart = metadataEnd(text);
    sentences.removeIf([&](const Span &s) { return s.end <= bodyStart; });
    const QList<Span> quotes = findQuotes(text);
    QList<TimeRef> unplaced;
    const QList<TimeRef> times = findTimes(text, options.published, options.timeZone, &unplaced);
    if (options.warnings) {
        for (const TimeRef &t : std::as_const(unplaced))
            options.warnings->append(QStringLiteral("line %1: \u201C%2\u201D gives no time: %3")
                                         .arg(text.left(t.offset).count(u'\n') + 1)
                                         .arg(t.phrase, t.note));
    }

    auto sentenceAt = [&](qsizetype pos) {
        auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                   [](qsizetype p, const Span &s) { return p < s.begin; });
        return it == sentences.begin() ? qsizetype(0) : qsizetype(it - sentences.begin() - 1);
    };
    auto timesIn = [&](qsizetype b, qsizetype e) {
        QList<TimeRef> found;
        auto it =
            std::lower_bound(times.begin(), times.end(), b, [](const TimeRef &t, qsizetype p) { return t.offset < p; });
        for (; it != times.end() && it->offset < e; ++it)
            found.append(*it);
        return found;
    };

    QList<Candidate> candidates;
    QList<Span> usedQuotes;
    for (qsizetype qi = 0; qi < quotes.size() && !sentences.isEmpty(); ++qi) {
        const Span &q = quotes[qi];
        const QString words = quoteText(text, q);
        const qsizetype wordCount = words.count(u' ') + 1;
        const QChar last = words.isEmpty() ? QChar() : words.back();
        const bool spoken = last == u',' || last == u'.' || last == u'!' || last == u'?' || last == u'\u2026';
        if (wordCount < 4 && !(wordCount >= 2 && spoken))
            continue; // scare quotes and titles: “hacktivists”, “Operation Payback”
        // A quotation mark is one character, or two for ''doubled apostrophes''.
        const qsizetype openMark = q.begin >= 2 && text[q.begin - 1] == u'\'' && text[q.begin - 2] == u'\'' ? 2 : 1;
        const qsizetype closeMark = q.end + 1 < text.size() && text[q.end] == u'\'' && text[q.end + 1] == u'\'' ? 2 : 1;
        const qsizetype si = sentenceAt(q.begin - openMark);
        const qsizetype se = sentenceAt(q.end);
        qsizetype afterEnd = sentences[se].end;
        if (qi + 1 < quotes.size())
            afterEnd = qMin(afterEnd, quotes[qi + 1].begin - 1);
        Attribution who;
        if (afterEnd > q.end + closeMark)
            who = attributionAfter(text.mid(q.end + closeMark, afterEnd - q.end - closeMark));
        if (!who.found) {
            qsizetype beforeStart = sentences[si].begin;
            if (qi > 0)
                beforeStart = qMax(beforeStart, quotes[qi - 1].end + 1);
            if (q.begin - openMark > beforeStart) {
                const QStringView before = text.mid(beforeStart, q.begin - openMark - beforeStart);
                who = attributionBefore(before);
                // "Whitlow told MPs that the change "had not been tested"": a quote inside
                // reported speech belongs to its speaker.
                if (!who.found && before.size() >= 8)
                    who = reportedSpeech(before);
            }
        }
        // "Lukas Brandt wrote:" closing the paragraph before: the quote that opens the next one is his.
        if (!who.found && si > 0 && sentences[si - 1].end <= q.begin - openMark &&
            text.mid(sentences[si - 1].end, q.begin - openMark - sentences[si - 1].end).trimmed().isEmpty()) {
            const QStringView lead = text.mid(sentences[si - 1].begin, sentences[si - 1].size()).trimmed();
            if (lead.endsWith(u':')) {
                who = attributionBefore(lead);
                if (who.found)
                    usedQuotes.append({sentences[si - 1].begin, sentences[si - 1].end});
            }
        }
        Candidate c;
        c.who = who;
        Statement &s = c.statement;
        s.offset = q.begin;
        s.length = q.size();
        s.quote = words;
        s.direct = true;
        s.times = timesIn(sentences[si].begin, sentences[se].end);
        const StanceSuggestion stance = suggestStance(words);
        s.stance = stance.stance;
        s.stanceTriggers = stance.triggers;
        candidates.append(c);
        usedQuotes.append({q.begin - openMark, q.end + closeMark});
    }

    // Embedded posts ("… — Name (@handle) Date"): the author's own words.
    for (const EmbeddedPost &post : findEmbeddedPosts(text)) {
        Candidate c;
        c.who.found = true;
        c.who.speaker = post.author;
        c.who.role = QStringLiteral("post");
        Statement &s = c.statement;
        s.offset = post.begin;
        s.length = post.end - post.begin;
        s.quote = simplifiedText(text.mid(post.begin, post.end - post.begin));
        s.direct = true;
        s.times = timesIn(post.begin, post.lineEnd);
        const StanceSuggestion stance = suggestStance(s.quote);
        s.stance = stance.stance;
        s.stanceTriggers = stance.triggers;
        candidates.removeIf(
            [&](const Candidate &q) { return q.statement.offset >= post.begin && q.statement.offset < post.lineEnd; });
        candidates.append(c);
        usedQuotes.append({post.begin, post.lineEnd});
    }
    std::sort(usedQuotes.begin(), usedQuotes.end(), [](const Span &a, const Span &b) { return a.begin < b.begin; });

    // Reported speech and the outlet's own reports, in sentences without a direct quote.
    qsizetype uq = 0;
    for (const Span &sentence : sentences) {
        while (uq < usedQuotes.size() && usedQuotes[uq].end <= sentence.begin)
            ++uq;
        if (uq < usedQuotes.size() && usedQuotes[uq].begin < sentence.end)
            continue;
        const QStringView words = text.mid(sentence.begin, sentence.size());
        if (words.size() < 12)
            continue;
        Candidate c;
        qsizetype clauseStart = 0;
        c.who = reportedSpeech(words, &clauseStart);
        Statement &s = c.statement;
        s.times = timesIn(sentence.begin, sentence.end);
        // "The problems began at 7:45 a.m., and the bank said service was back by 11 a.m.": the
        // clause before ", and <speaker> said" is the outlet's own report, with its own times.
        if (const qsizetype cut = c.who.found ? reportBeforeSpeech(words, clauseStart) : 0; cut > 0) {
            Candidate report;
            report.who.found = true;
            report.who.speaker = options.outlet.isEmpty() ? QStringLiteral("the article") : options.outlet;
            report.who.organisation = options.outlet;
            report.who.role = QStringLiteral("report");
            report.statement.times = timesIn(sentence.begin, sentence.begin + cut);
            s.times = timesIn(sentence.begin + cut, sentence.end);
            const QStringView first = words.left(cut);
            // Its times stay in the case: the clause is the outlet's account, beside a statement.
            if (!report.statement.times.isEmpty()) {
                report.statement.offset = sentence.begin;
                report.statement.length = cut;
                report.statement.quote = simplifiedText(first);
                report.statement.direct = false;
                candidates.append(report);
            }
        }
        if (!c.who.found) {
            // The outlet's own account of when what was down: dated facts are evidence too.
            if (s.times.isEmpty() || !outageWords().match(words).hasMatch())
                continue;
            c.who.found = true;
            c.who.speaker = options.outlet.isEmpty() ? QStringLiteral("the article") : options.outlet;
            c.who.organisation = options.outlet;
            c.who.role = QStringLiteral("report");
        }
        const qsizetype cut = reportBeforeSpeech(words, clauseStart);
        s.offset = sentence.begin + cut;
        s.length = sentence.size() - cut;
        s.quote = simplifiedText(words.mid(cut));
        s.direct = false;
        const StanceSuggestion stance = suggestStance(words);
        s.stance = stance.stance;
        s.stanceTriggers = stance.triggers;
        candidates.append(c);
    }
    // Text order. Sorting the (large) candidates themselves cost more than sorting positions;
    // offsets are unique (a quote starts after its mark, a reported sentence has no used quote),
    // so the order is the same either way.
    QList<qsizetype> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return candidates.at(a).statement.offset < candidates.at(b).statement.offset;
    });

    // Organisations named outright, for resolving "the group" and "she" by the latest mention.
    const QStringList named = organisationsNamed(text);
    QSet<QString> known(named.begin(), named.end());
    // "Bell said" reads "Bell" as an organisation until "Marcus Bell" is resolved below: a
    // speaker's surname names no organisation another statement could be in.
    QSet<QString> surnames;
    for (const Candidate &c : std::as_const(candidates)) {
        if (c.who.speaker.contains(u' ') && !c.who.speaker.isEmpty() && c.who.speaker[0].isUpper())
            surnames.insert(c.who.speaker.section(u' ', -1));
    }
    for (qsizetype index : std::as_const(order)) {
        const Candidate &c = candidates.at(index);
        if (!c.who.organisation.isEmpty() && c.who.role != u"report" &&
            !(c.who.organisation == c.who.speaker && surnames.contains(c.who.organisation)))
            known.insert(c.who.organisation);
    }
    // A post's author is the organisation it begins with ("Brightwave Support"), or itself when
    // it reads as one.
    for (qsizetype index : std::as_const(order)) {
        Attribution &who = candidates[index].who;
        if (who.role != u"post" || !who.organisation.isEmpty())
            continue;
        for (const QString &org : std::as_const(known)) {
            if (who.speaker.startsWith(org) && org.size() > who.organisation.size()) {
                who.organisation = org;
                who.organisationBasis = QStringLiteral("the post's author name begins with it");
            }
        }
        if (who.organisation.isEmpty())
            who.organisation = parseSpeaker(who.speaker).organisation;
    }
    auto lastMentioned = [&](qsizetype pos) {
        QString best;
        qsizetype bestAt = -1;
        const qsizetype from = qMax<qsizetype>(0, pos - 3000);
        const QStringView window = text.mid(from, pos - from);
        for (const QString &org : std::as_const(known)) {
            const qsizetype at = window.lastIndexOf(org);
            if (at > bestAt || (at == bestAt && at >= 0 && org.size() > best.size())) {
                bestAt = at;
                best = org;
            }
        }
        return best;
    };
    // "chief executive Daniel Okonkwo", "a spokeswoman": a role inside an organisation that the
    // phrase does not name is in the one the article last named.
    static const QRegularExpression inHouse(
        QStringLiteral("^(?:spokes\\w+|(?:chief\\s+)?executive|officer|founder|co-founder|president|director|chief|"
                       "(?:head|chief)\\s+of\\b.*|engineers?|ceo|cto|coo|cfo|manager|representatives?)$"),
        QRegularExpression::CaseInsensitiveOption);
    for (qsizetype index : std::as_const(order)) {
        Attribution &who = candidates[index].who;
        if (who.found && !who.anaphoric && who.organisation.isEmpty() && inHouse.match(who.role).hasMatch()) {
            who.organisation = lastMentioned(candidates.at(index).statement.offset);
            who.organisationBasis = who.organisation.isEmpty() ? QString() : LastNamed;
        }
    }
    QList<PartyAt> parties;
    for (qsizetype index : std::as_const(order))
        parties.append({candidates.at(index).statement.offset, &candidates[index].who});
    resolvePeople(text, parties);
    // A surname that was first read as an organisation ("Okafor said") is a person now.
    known = QSet<QString>(named.begin(), named.end());
    for (qsizetype index : std::as_const(order)) {
        const Candidate &c = candidates.at(index);
        if (!c.who.organisation.isEmpty() && c.who.role != u"report")
            known.insert(c.who.organisation);
    }

    QList<Statement> out;
    const Candidate *previous = nullptr;
    // "the exchange" is one organisation throughout an article: the first reading of each noun.
    QHash<QString, QString> organisationOfNoun;
    out.reserve(candidates.size());
    for (qsizetype index : std::as_const(order)) {
        Candidate &c = candidates[index];
        Attribution &who = c.who;
        const bool near =
            previous && c.statement.offset - (previous->statement.offset + previous->statement.length) < 800;
        if (!who.found && c.statement.direct && near && previous->statement.direct) {
            who = previous->who; // a further quote from the same speaker
        } else if (who.anaphoric && near && previous->who.role != u"report" &&
                   QStringList{QStringLiteral("he"), QStringLiteral("she"), QStringLiteral("it"),
                               QStringLiteral("they")}
                       .contains(who.speaker.toLower())) {
            who = previous->who; // "She said", "It said": the speaker before
        } else if (who.anaphoric && who.organisation.isEmpty()) {
            // "the exchange" is the organisation whose name says so ("Kaito Exchange"), if one does.
            const QString noun = !who.anaphorNoun.isEmpty() ? who.anaphorNoun
                                 : who.speaker.startsWith(QLatin1String("the "), Qt::CaseInsensitive)
                                     ? who.speaker.section(u' ', -1)
                                     : QString();
            const QString earlier = organisationOfNoun.value(noun.toLower());
            QString named;
            for (const QString &org : std::as_const(known)) {
                if (earlier.isEmpty() && noun.size() > 2 &&
                    org.section(u' ', -1).compare(noun, Qt::CaseInsensitive) == 0 && org.size() > named.size())
                    named = org;
            }
            // "Kumo Play, the service run by electronics maker Hoshida, was down …, the company
            // said": reported words before "the company" that name organisations speak of the last.
            QString inSentence;
            if (named.isEmpty() && !c.statement.direct) {
                const QStringView statement = text.mid(c.statement.offset, c.statement.length);
                const QStringView words =
                    statement.left(qMax<qsizetype>(0, statement.lastIndexOf(who.speaker, -1, Qt::CaseInsensitive)));
                qsizetype at = -1;
                for (const QString &org : std::as_const(known)) {
                    if (const qsizetype i = words.lastIndexOf(org);
                        i > at || (i == at && i >= 0 && org.size() > inSentence.size())) {
                        at = i;
                        inSentence = org;
                    }
                }
            }
            if (!inSentence.isEmpty())
                named = inSentence;
            const bool fromPrevious = earlier.isEmpty() && named.isEmpty() && previous &&
                                      !previous->who.organisation.isEmpty() && previous->who.role != u"report" && near;
            who.organisation = !named.isEmpty()     ? named
                               : !earlier.isEmpty() ? earlier
                               : fromPrevious       ? previous->who.organisation
                                                    : lastMentioned(c.statement.offset);
            who.organisationBasis =
                who.organisation.isEmpty() ? QString()
                : !inSentence.isEmpty()    ? QStringLiteral("the organisation the statement's own words name last")
                : !earlier.isEmpty() && named.isEmpty()
                    ? QStringLiteral("what \u201Cthe %1\u201D stood for earlier in the article").arg(noun.toLower())
                : !named.isEmpty() ? QStringLiteral("\u201C%1\u201D read as the organisation so named").arg(who.speaker)
                : fromPrevious     ? QStringLiteral("the organisation of the statement before")
                                   : LastNamed;
            if (noun.size() > 2 && !who.organisation.isEmpty() && !organisationOfNoun.contains(noun.toLower()))
                organisationOfNoun.insert(noun.toLower(), who.organisation);
            who.anaphoric = false;
        }
        if (who.organisation.isEmpty() && known.contains(who.speaker))
            who.organisation = who.speaker; // "Baltic Hosting insists …": a name seen as an organisation
        if (who.organisation.isEmpty() && !who.role.isEmpty() && who.role != u"report" &&
            inHouse.match(who.role).hasMatch()) {
            who.organisation = lastMentioned(c.statement.offset);
            who.organisationBasis = who.organisation.isEmpty() ? QString() : LastNamed;
        }
        Statement &s = c.statement;
        s.speaker = who.speaker;
        s.role = who.role;
        s.organisation = who.organisation;
        s.organisationBasis = who.organisation.isEmpty() ? QString() : who.organisationBasis;
        out.append(s);
        previous = &c;
    }
    // A person whose organisation one statement gives speaks for it in the others.
    QHash<QString, QString> organisationOf;
    for (const Statement &s : std::as_const(out)) {
        if (s.speaker.contains(u' ') && !s.speaker.isEmpty() && s.speaker[0].isUpper() && !s.organisation.isEmpty() &&
            s.organisation != s.speaker)
            organisationOf.insert(s.speaker, s.organisation);
    }
    for (Statement &s : out) {
        if (s.organisation.isEmpty() && organisationOf.contains(s.speaker)) {
            s.organisation = organisationOf.value(s.speaker);
            s.organisationBasis = QStringLiteral("this person's organisation in another statement");
        }
    }
    stanceFromDenials(out); // "The company said that was not the case."
    // "NEW YORK (AP) — Vantage Air grounded …": the dateline is no part of the words.
    if (const Dateline dateline = findDateline(text); dateline.found()) {
        for (Statement &s : out) {
            const qint64 end = s.offset + s.length;
            if (s.direct || s.offset >= dateline.end || end <= dateline.end)
                continue;
            s.offset = dateline.end;
            s.length = end - dateline.end;
            s.quote = simplifiedText(text.mid(s.offset, s.length));
        }
    }
    return out;
}

} // namespace inquest::news
