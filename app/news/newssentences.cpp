#include "newsextractor.h"

#include <QRegularExpression>
#include <QSet>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>

namespace inquest::news {

namespace {

bool isClosing(QChar c)
{
    return c == u'\u201D' || c == u'\u2019' || c == u'"' || c == u'\'' || c == u')' || c == u']';
}

// Words ICU's English suppressions do not know that news abbreviates before a capital.
bool isAbbreviation(QStringView word)
{
    static const QSet<QString> abbreviations = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),  QStringLiteral("dr"),
        QStringLiteral("prof"), QStringLiteral("st"),   QStringLiteral("inc"), QStringLiteral("ltd"),
        QStringLiteral("co"),   QStringLiteral("corp"), QStringLiteral("jr"),  QStringLiteral("sr"),
        QStringLiteral("vs"),   QStringLiteral("etc"),  QStringLiteral("e.g"), QStringLiteral("i.e"),
        QStringLiteral("u.s"),  QStringLiteral("u.k"),  QStringLiteral("a.m"), QStringLiteral("p.m"),
        QStringLiteral("no"),   QStringLiteral("gen"),  QStringLiteral("sen"), QStringLiteral("rep"),
        QStringLiteral("gov"),  QStringLiteral("lt"),   QStringLiteral("col"), QStringLiteral("capt"),
        QStringLiteral("jan"),  QStringLiteral("feb"),  QStringLiteral("mar"), QStringLiteral("apr"),
        QStringLiteral("jun"),  QStringLiteral("jul"),  QStringLiteral("aug"), QStringLiteral("sep"),
        QStringLiteral("sept"), QStringLiteral("oct"),  QStringLiteral("nov"), QStringLiteral("dec")};
    if (word.size() == 1 && word[0].isUpper())
        return true; // an initial: "J. Smith"
    return word.size() <= 5 && abbreviations.contains(word.toString().toLower());
}

// ICU ends a sentence at every line break. A line break inside a paragraph continues the sentence
// when the line ends in a lower-case letter, a comma, a hyphen, a semicolon, a closing mark or a
// sentence end (soft-wrapped prose); a line that ends otherwise (a headline, a date line) or one
// before a "Published: …" field ends there. Continuing breaks become spaces, so offsets stay.
QString joinSoftBreaks(QStringView text)
{
    static const QRegularExpression field(QStringLiteral("^[A-Z][A-Za-z ]{1,20}:\\s"));
    QString out = text.toString();
    for (qsizetype i = out.indexOf(u'\n'); i >= 0; i = out.indexOf(u'\n', i + 1)) {
        qsizetype k = i + 1;
        while (k < out.size() && out[k] != u'\n' && out[k].isSpace())
            ++k;
        if (k >= out.size() || out[k] == u'\n')
            continue; // a blank line: a paragraph ends
        qsizetype p = i;
        while (p > 0 && out[p - 1].isSpace() && out[p - 1] != u'\n')
            --p;
        if (p == 0 || out[p - 1] == u'\n')
            continue;
        const QChar last = out[p - 1];
        const bool continues = (last.isLetter() && last.isLower()) || last == u',' || last == u'-' || last == u';' ||
                               isClosing(last) || last == u'.' || last == u'!' || last == u'?';
        if (continues && !field.match(QStringView(out).mid(i + 1, 24)).hasMatch())
            out[i] = u' ';
    }
    return out;
}

icu::BreakIterator *sentenceIterator()
{
    // "ss=standard": ICU's list of English abbreviations ("Mr.", "Dr.", "Inc.") does not end
    // a sentence. One iterator per thread: building one reads the rules.
    thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(
            icu::BreakIterator::createSentenceInstance(icu::Locale("en_US@ss=standard"), status));
        if (U_FAILURE(status)) {
            status = U_ZERO_ERROR;
            it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
        }
        return U_SUCCESS(status) ? std::move(it) : nullptr;
    }();
    return iterator.get();
}

} // namespace

QList<Span> splitSentences(QStringView text)
{
    QList<Span> out;
    const QString prepared = joinSoftBreaks(text);
    icu::BreakIterator *it = sentenceIterator();
    auto add = [&](qsizetype b, qsizetype e) {
        while (b < e && text[b].isSpace())
            ++b;
        while (e > b && text[e - 1].isSpace())
            --e;
        if (e <= b)
            return;
        // After an abbreviation or an initial on the same line, the sentence goes on.
        if (!out.isEmpty() && !text.mid(out.back().end, b - out.back().end).contains(u'\n')) {
            const Span &prev = out.back();
            if (text[prev.end - 1] == u'.') {
                qsizetype w = prev.end - 1;
                while (w > prev.begin && (text[w - 1].isLetter() || text[w - 1] == u'.'))
                    --w;
                if (isAbbreviation(text.mid(w, prev.end - 1 - w))) {
                    out.back().end = e;
                    return;
                }
            }
        }
        out.append({b, e});
    };
    if (!it) { // no ICU data: paragraphs and lines as they are
        qsizetype start = 0;
        for (qsizetype i = prepared.indexOf(u'\n'); i >= 0; i = prepared.indexOf(u'\n', i + 1)) {
            add(start, i);
            start = i + 1;
        }
        add(start, text.size());
        return out;
    }
    const icu::UnicodeString alias(false, reinterpret_cast<const UChar *>(prepared.utf16()), int32_t(prepared.size()));
    it->setText(alias);
    int32_t begin = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next())
        add(begin, end);
    it->setText(icu::UnicodeString()); // no reference to `prepared` outlives it
    return out;
}

} // namespace inquest::news
