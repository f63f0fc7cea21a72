#include "newswords.h"

namespace inquest::news {

AsciiWordSet::AsciiWordSet(std::initializer_list<const char *> words, Qt::CaseSensitivity cs)
    : m_cs(cs)
{
    for (const char *w : words)
        add(w);
}

AsciiWordSet::AsciiWordSet(const QStringList &words, Qt::CaseSensitivity cs)
    : m_cs(cs)
{
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
    if (!e.word.empty() && isAsciiLetter(char16_t(e.word[0])))
        m_buckets[(e.word[0] | 0x20) - 'a'].push_back(std::move(e));
}

bool AsciiWordSet::contains(QStringView word) const
{
    if (word.isEmpty() || !isAsciiLetter(word[0].unicode()))
        return false;
    for (const Entry &e : m_buckets[(word[0].unicode() | 0x20) - u'a']) {
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

} // namespace inquest::news
