#include "newswords.h"

#include <limits>

namespace inquest::news {

AsciiWordSet::AsciiWordSet(std::initializer_list<const char *> words, Qt::CaseSensitivity cs)
    : m_cs(cs)
{
    m_shortestStem.fill(std::numeric_limits<qsizetype>::max());
    for (const char *w : words)
        add(w);
}

AsciiWordSet::AsciiWordSet(const QStringList &words, Qt::CaseSensitivity cs)
    : m_cs(cs)
{
    m_shortestStem.fill(std::numeric_limits<qsizetype>::max());
    for (const QString &w : words)
        add(w.toStdString());
}

void AsciiWordSet::add(std::string word)
{
    Entry e{std::move(word), false};
    if (!e.word.empty() && e.word.back() == '*') {
        e.word.pop_back();
        e.stem = true;
    }
    if (e.word.empty() || !isAsciiLetter(char16_t(e.word[0])))
        return;
    const int bucket = (e.word[0] | 0x20) - 'a';
    const qsizetype n = qsizetype(e.word.size());
    if (n < 2 ? e.stem : !isAsciiLetter(char16_t(e.word[1])))
        m_seconds[bucket] = ~quint32(0);
    else if (n >= 2)
        m_seconds[bucket] |= quint32(1) << ((e.word[1] | 0x20) - 'a');
    if (e.stem)
        m_shortestStem[bucket] = qMin(m_shortestStem[bucket], n);
    else if (n < 63)
        m_lengths[bucket] |= quint64(1) << n;
    else
        m_shortestStem[bucket] = qMin(m_shortestStem[bucket], qsizetype(0)); // rare: compare them all
    m_buckets[bucket].push_back(std::move(e));
}

bool AsciiWordSet::compare(int bucket, QStringView word) const
{
    for (const Entry &e : m_buckets[bucket]) {
        const qsizetype n = qsizetype(e.word.size());
        if (e.stem ? word.size() < n : word.size() != n)
            continue;
        qsizetype k = 0;
        for (; k < n; ++k) {
            const char16_t c = word[k].unicode();
            const char16_t w = char16_t(e.word[k]);
            if (c != w && !(m_cs == Qt::CaseInsensitive && isAsciiLetter(c) && (c | 0x20) == (w | 0x20)))
                break;
        }
        if (k == n)
            return true;
    }
    return false;
}

bool hasWordAmong(QStringView text, const AsciiWordSet &words)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        if (!isAsciiLetter(text[i].unicode())) {
            ++i;
            continue;
        }
        qsizetype e = i + 1;
        while (e < n && isAsciiLetter(text[e].unicode()))
            ++e;
        if (words.contains(text.mid(i, e - i)))
            return true;
        i = e;
    }
    return false;
}

QRegularExpression anchoredAtOffset(const QRegularExpression &re)
{
    QRegularExpression anchored(QStringLiteral("\\G(?:") + re.pattern() + u')', re.patternOptions());
    anchored.optimize();
    return anchored;
}

namespace {
// Blocks of characters tested without an early exit (and with an unsigned, not a bool, result),
// which the compiler turns into vector code.
constexpr qsizetype Block = 32;
} // namespace

bool hasCaselessOddities(QStringView text)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = 0;
    for (; i + Block <= n; i += Block) {
        unsigned hits = 0;
        for (qsizetype k = 0; k < Block; ++k)
            hits |= unsigned(p[i + k] == 0x17F) | unsigned(p[i + k] == 0x212A);
        if (hits)
            return true;
    }
    for (; i < n; ++i) {
        if (p[i] == 0x17F || p[i] == 0x212A)
            return true;
    }
    return false;
}

QString simplifiedText(QStringView text)
{
    const qsizetype n = text.size();
    const char16_t *p = text.utf16();
    // A first pass in vector code: ASCII text with no \t … \r and no double or outer space is simple.
    unsigned suspect = n == 0 ? 1 : unsigned(p[0] == u' ') | unsigned(p[n - 1] == u' ');
    for (qsizetype i = 0; i < n; ++i)
        suspect |= unsigned(char16_t(p[i] - u'\t') <= u'\r' - u'\t') | unsigned(p[i] >= 128);
    for (qsizetype i = 0; i + 1 < n; ++i)
        suspect |= unsigned(p[i] == u' ') & unsigned(p[i + 1] == u' ');
    if (!suspect)
        return text.toString();
    const auto isSpace = [](char16_t c) {
        return c < 128 ? (c == u' ' || (c >= u'\t' && c <= u'\r')) : QChar::isSpace(c);
    };
    bool simple = n == 0 || (!isSpace(text[0].unicode()) && !isSpace(text[n - 1].unicode()));
    for (qsizetype i = 0; simple && i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c == u' ')
            simple = !isSpace(text[i + 1].unicode()); // the last character is no space
        else if (isSpace(c))
            simple = false;
    }
    return simple ? text.toString() : text.toString().simplified();
}

bool isValidUtf16(QStringView text)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    unsigned surrogates = 0;
    for (qsizetype i = 0; i < n; ++i)
        surrogates |= unsigned((p[i] & 0xF800) == 0xD800);
    return !surrogates || text.isValidUtf16();
}

qsizetype indexOfAny(QStringView text, qsizetype from, char16_t a, char16_t b, char16_t c, char16_t d)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    qsizetype i = qMax<qsizetype>(from, 0);
    for (; i + Block <= n; i += Block) {
        unsigned hits = 0;
        for (qsizetype k = 0; k < Block; ++k)
            hits |=
                unsigned(p[i + k] == a) | unsigned(p[i + k] == b) | unsigned(p[i + k] == c) | unsigned(p[i + k] == d);
        if (hits)
            break;
    }
    for (; i < n; ++i) {
        if (p[i] == a || p[i] == b || p[i] == c || p[i] == d)
            return i;
    }
    return -1;
}

int groupIndex(const QRegularExpression &re, QStringView name)
{
    const QStringList names = re.namedCaptureGroups();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names[i] == name)
            return int(i);
    }
    return -1;
}

} // namespace inquest::news
