#include "newsspeakercontext.h"
#include "newswords.h"

#include <QRegularExpression>

namespace inquest::news::speakercontext {

// Capitalised words that start sentences or qualify roles but name no organisation.
bool isGenericWord(QStringView word)
{
    static const QStringList words = {
        QStringLiteral("Security"),    QStringLiteral("Some"),     QStringLiteral("Many"),
        QStringLiteral("Other"),       QStringLiteral("Several"),  QStringLiteral("Senior"),
        QStringLiteral("Local"),       QStringLiteral("Two"),      QStringLiteral("Three"),
        QStringLiteral("Independent"), QStringLiteral("Later"),    QStringLiteral("The"),
        QStringLiteral("A"),           QStringLiteral("An"),       QStringLiteral("One"),
        QStringLiteral("In"),          QStringLiteral("But"),      QStringLiteral("However"),
        QStringLiteral("Yesterday"),   QStringLiteral("Today"),    QStringLiteral("Company"),
        QStringLiteral("Industry"),    QStringLiteral("Internet"), QStringLiteral("Web"),
        QStringLiteral("Network"),     QStringLiteral("Online"),   QStringLiteral("European"),
        QStringLiteral("American"),    QStringLiteral("British"),  QStringLiteral("He"),
        QStringLiteral("She"),         QStringLiteral("They"),     QStringLiteral("It"),
        QStringLiteral("We"),          QStringLiteral("I"),        QStringLiteral("This"),
        QStringLiteral("Its"),         QStringLiteral("Their"),    QStringLiteral("Our"),
        QStringLiteral("His"),         QStringLiteral("Her"),      QStringLiteral("Chief"),
        QStringLiteral("Head"),        QStringLiteral("Former"),   QStringLiteral("Asked"),
        QStringLiteral("Monday"),      QStringLiteral("Tuesday"),  QStringLiteral("Wednesday"),
        QStringLiteral("Thursday"),    QStringLiteral("Friday"),   QStringLiteral("Saturday"),
        QStringLiteral("Sunday")};
    return words.contains(word);
}

// What QString::section(u' ', 0, 0) gives, without a copy: up to the first space.
QStringView firstOf(QStringView s) { return s.left(s.indexOf(u' ')); }

// End of the last clause boundary in `pre` ("^", "[,;:]\\s+" or a conjunction and white space),
// as the last match of that expression would give it; 0 when there is none.
qsizetype lastBoundaryEnd(QStringView pre)
{
    static const AsciiWordSet words(
        {"after", "when", "while", "as", "because", "that", "and", "but", "since", "before", "until", "where"},
        Qt::CaseSensitive);
    const qsizetype n = pre.size();
    qsizetype cut = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = pre[i].unicode();
        qsizetype e = -1;
        if (c == u',' || c == u';' || c == u':') {
            e = i + 1;
        } else if (isAsciiLetter(c) && (i == 0 || !isPcreWordChar(pre[i - 1].unicode()))) {
            qsizetype w = i;
            while (w < n && isAsciiLetter(pre[w].unicode()))
                ++w;
            // "known as" names a group: no clause starts after it.
            if (words.contains(pre.mid(i, w - i)) &&
                !(pre.mid(i, w - i) == u"as" && pre.left(i).trimmed().endsWith(u"known")))
                e = w;
            else
                i = w - 1;
        }
        if (e < 0 || e >= n || !isPcreSpace(pre[e].unicode()))
            continue;
        while (e < n && isPcreSpace(pre[e].unicode()))
            ++e;
        cut = e;
        i = e - 1;
    }
    return cut;
}

// "The council's IT manager, Peter Shaw, said": a name whose role and organisation stand before
// it between commas takes them. `whoStart` is where the name begins in `text`.
Attribution withRoleBefore(QStringView text, qsizetype whoStart, Attribution a)
{
    if (!a.found || !a.organisation.isEmpty() || a.speaker.isEmpty() || !a.speaker[0].isUpper() || a.anaphoric)
        return a;
    qsizetype e = whoStart;
    while (e > 0 && text[e - 1].isSpace())
        --e;
    // "the chief medical officer, Dr. Alan Whitford, said": the honorific belongs to the name.
    static const QRegularExpression honorific(QStringLiteral("(?:^|\\s)(?:Dr|Prof|Professor|Mr|Mrs|Ms|Dame|Sir)\\.?$"));
    if (const auto h = honorific.match(text.left(e)); h.hasMatch()) {
        e = h.capturedStart();
        while (e > 0 && text[e - 1].isSpace())
            --e;
    }
    if (e == 0 || text[e - 1] != u',')
        return a;
    --e;
    qsizetype b = e;
    while (b > 0 && text[b - 1] != u'.' && text[b - 1] != u';' && text[b - 1] != u':' && text[b - 1] != u'\n' &&
           text[b - 1] != u',' && e - b < 120)
        --b;
    const Attribution role = parseSpeaker(text.mid(b, e - b));
    if (!role.found || role.role.isEmpty())
        return a;
    a.role = role.role;
    a.organisation = role.organisation;
    a.anaphoric = role.anaphoric && role.organisation.isEmpty();
    a.anaphorNoun = role.anaphorNoun;
    return a;
}

// "Jana Petrov, Skyrelay's vice president, said", "Vikram Shah, a partner at Shah Iyer, put it
// bluntly:": a role phrase `who` (at whoStart in `text`) after a person's name and a comma is that
// person's. Sets *nameStart to where the name begins.
Attribution withNameBefore(QStringView text, qsizetype whoStart, QStringView who, Attribution a, qsizetype *nameStart)
{
    if (!a.found || a.role.isEmpty() || whoStart <= 0 || !text.left(whoStart).trimmed().endsWith(u','))
        return a;
    const QStringView head = text.left(whoStart).trimmed().chopped(1);
    const QStringView name = head.mid(lastBoundaryEnd(head));
    static const QRegularExpression person(QStringLiteral("^[A-Z][\\w'\u2019-]+(?:\\s+[A-Z][\\w'\u2019-]+){1,2}$"));
    static const AsciiWordSet notFirst({"On", "At", "By", "For", "From", "After", "Before", "During", "Since", "Until",
                                        "Last", "Earlier", "Early", "Late", "Hours", "Minutes"},
                                       Qt::CaseSensitive);
    if (!person.match(name).hasMatch() || isGenericWord(firstOf(name)) || notFirst.contains(firstOf(name)))
        return a;
    const Attribution named = parseSpeaker(name.toString() + QStringLiteral(", ") + who.toString());
    if (!named.found || named.speaker != name)
        return a;
    if (nameStart)
        *nameStart = name.data() - text.data();
    return named;
}

// "When we spoke to Hearthlink's head of engineering, Dana Whitcomb, on Thursday, she explained":
// "he" or "she" after a person named with a role earlier in the sentence is that person.
Attribution personNamedBefore(QStringView before)
{
    static const QRegularExpression named(
        QStringLiteral("(?<role>[^,;]{2,100}),\\s+(?<name>[A-Z][\\w'\u2019-]+(?:\\s+[A-Z][\\w'\u2019-]+){1,2}),"));
    QRegularExpressionMatch last;
    for (auto it = named.globalMatch(before); it.hasNext();)
        last = it.next();
    if (!last.hasMatch() || isGenericWord(firstOf(last.capturedView(QStringLiteral("name")))))
        return {};
    const QStringView role = last.capturedView(QStringLiteral("role")).trimmed();
    for (qsizetype at = 0; at >= 0 && at < role.size(); at = role.indexOf(u' ', at + 1)) {
        const QStringView tail = role.mid(at).trimmed();
        if (tail.isEmpty() || !(tail[0].isUpper() || tail.startsWith(u"the ") || tail.startsWith(u"a ")))
            continue;
        Attribution a = parseSpeaker(tail);
        if (a.found && !a.role.isEmpty() && !a.anaphoric) {
            a.speaker = last.captured(QStringLiteral("name"));
            return a;
        }
    }
    return {};
}

} // namespace inquest::news::speakercontext
