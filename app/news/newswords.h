#pragma once

#include <QRegularExpression>
#include <QStringList>
#include <QStringView>

#include <array>
#include <initializer_list>
#include <string>
#include <vector>

namespace inquest::news {

constexpr bool isAsciiLetter(char16_t c) { return (c | 0x20) >= u'a' && (c | 0x20) <= u'z'; }

// A fixed set of ASCII words for quick tests of words in article text, without allocating: the
// pre-filters that keep the extraction's regular expressions off most of the text ask it for
// every word of an article. A word written with a trailing '*' is a stem: it matches every word
// that begins with it ("fail*": "failed", "failing").
class AsciiWordSet
{
public:
    AsciiWordSet(std::initializer_list<const char *> words, Qt::CaseSensitivity cs);
    AsciiWordSet(const QStringList &words, Qt::CaseSensitivity cs);
    bool contains(QStringView word) const
    {
        // Most words asked about are settled here, without a call: no entry has their first
        // letter, length or second letter.
        if (word.isEmpty() || !isAsciiLetter(word[0].unicode()))
            return false;
        const int bucket = (word[0].unicode() | 0x20) - u'a';
        const bool lengthFits = word.size() < 63 && (m_lengths[bucket] >> word.size()) & 1;
        if (!lengthFits && word.size() < m_shortestStem[bucket])
            return false;
        if (word.size() >= 2) {
            const char16_t second = word[1].unicode();
            if (!isAsciiLetter(second) ? m_seconds[bucket] != ~quint32(0)
                                       : !((m_seconds[bucket] >> ((second | 0x20) - u'a')) & 1))
                return false;
        }
        return compare(bucket, word);
    }

private:
    bool compare(int bucket, QStringView word) const;
    void add(std::string word);
    struct Entry
    {
        std::string word;
        bool stem = false;
    };
    std::array<std::vector<Entry>, 26> m_buckets; // by first letter, lower case
    // Per bucket: bit n set when a whole word of n letters (n < 63) is in it, and the shortest
    // stem; most words asked about are rejected by these two without a comparison.
    std::array<quint64, 26> m_lengths{};
    std::array<qsizetype, 26> m_shortestStem;
    // Per bucket: bit n set when an entry's second letter is 'a' + n (lower case); all bits when
    // an entry is a one-letter stem or has no letter there.
    std::array<quint32, 26> m_seconds{};
    Qt::CaseSensitivity m_cs;
};

class AsciiWordSet;
// Whether any word (maximal run of ASCII letters) of `text` is in `words`: every match of an
// expression that needs one of those words as a whole word implies it.
bool hasWordAmong(QStringView text, const AsciiWordSet &words);

// The run of ASCII letters `text` begins with (empty when it begins otherwise).
inline QStringView firstWord(QStringView text)
{
    qsizetype e = 0;
    while (e < text.size() && isAsciiLetter(text[e].unicode()))
        ++e;
    return text.left(e);
}
// \s of the expressions (PCRE without Unicode properties): space, \t, \n, \v, \f, \r.
constexpr bool isPcreSpace(char16_t c) { return c == u' ' || (c >= u'\t' && c <= u'\r'); }
// \w of the expressions: ASCII letters, digits and '_'.
constexpr bool isPcreWordChar(char16_t c) { return isAsciiLetter(c) || (c >= u'0' && c <= u'9') || c == u'_'; }

// Caseless PCRE matching also takes U+017F for "s" and U+212A for "k": text with either is left
// to a full scan by the caseless expressions, which the ASCII pre-filters cannot speak for.
bool hasCaselessOddities(QStringView text);

// QString::simplified() of `text`, without its scan and second copy when `text` is simple already
// (no white space but single spaces between words): most quotes and sentences are.
QString simplifiedText(QStringView text);

// QStringView::isValidUtf16(), with a quick pass first for the usual text without surrogates.
bool isValidUtf16(QStringView text);

// The first position at or after `from` of one of the characters a, b, c, d (-1 when none): the
// scans for quotes and sentence ends, over a whole article, skip the plain text between with it.
qsizetype indexOfAny(QStringView text, qsizetype from, char16_t a, char16_t b, char16_t c, char16_t d);

// `re` made to match only at the offset given to match(): the way to try an expression at chosen
// positions. "\\G" keeps PCRE's JIT, which a match-time anchor (AnchorAtOffsetMatchOption) turns
// off, falling back to a far slower interpreter.
QRegularExpression anchoredAtOffset(const QRegularExpression &re);

// The number of the named group `name` of `re` (-1 when it has none), to be looked up once: a
// match asked for a group by name searches the expression's name table on every call.
int groupIndex(const QRegularExpression &re, QStringView name);

} // namespace inquest::news
