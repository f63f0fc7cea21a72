#include "newsrefusal.h"

#include <QLocale>
#include <QRegularExpression>

namespace inquest::news {

QString refuseSize(qint64 bytes)
{
    if (bytes <= MaxArticleBytes)
        return {};
    return QStringLiteral("%1 is too large for an article (the limit is %2); is this an article?")
        .arg(QLocale::c().formattedDataSize(bytes), QLocale::c().formattedDataSize(MaxArticleBytes));
}

QString refuseBytes(const QByteArray &raw)
{
    if (const QString tooLarge = refuseSize(raw.size()); !tooLarge.isEmpty())
        return tooLarge;
    // UTF-16 with a byte-order mark has NULs in every other byte of ASCII text: judged as text later.
    if (raw.startsWith("\xFF\xFE") || raw.startsWith("\xFE\xFF"))
        return {};
    // Text has no NUL and almost no control bytes besides tab and line ends; random or binary
    // data has about one in eight. The first 64 KiB decide.
    const qsizetype n = qMin<qsizetype>(raw.size(), 64 * 1024);
    qsizetype controls = 0, nuls = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (c == 0)
            ++nuls;
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            ++controls;
    }
    if (nuls > 0 || controls * 100 > n)
        return QStringLiteral("not text: %1 of its first %2 bytes are NUL or control bytes (binary or random data)")
            .arg(nuls + controls)
            .arg(n);
    return {};
}

QString refuseText(QStringView text)
{
    // Prose is mostly words of letters between spaces: a log, a CSV table or decoded noise is not.
    qsizetype tokens = 0, wordTokens = 0, replacement = 0, letters = 0;
    const QStringView sample = text.left(200000);
    for (QChar c : sample) {
        if (c == QChar::ReplacementCharacter || (c.category() == QChar::Other_Control && !c.isSpace()))
            ++replacement;
        if (c.isLetter())
            ++letters;
    }
    qsizetype i = 0;
    const qsizetype n = sample.size();
    while (i < n) {
        while (i < n && sample[i].isSpace())
            ++i;
        const qsizetype b = i;
        while (i < n && !sample[i].isSpace())
            ++i;
        if (i == b)
            break;
        ++tokens;
        // A word: letters (an apostrophe or hyphen inside), with punctuation around it.
        QStringView t = sample.mid(b, i - b);
        while (!t.isEmpty() && !t.front().isLetterOrNumber())
            t = t.mid(1);
        while (!t.isEmpty() && !t.back().isLetterOrNumber())
            t.chop(1);
        bool word = !t.isEmpty() && t.size() <= 24;
        for (QChar c : t)
            word = word && (c.isLetter() || c == u'\'' || c == u'\u2019' || c == u'-');
        wordTokens += word ? 1 : 0;
    }
    // Records, one a line: JSON lines, logs that open with a time, syslog, CSV rows.
    static const QRegularExpression record(
        QStringLiteral("^\\s*(?:[{\\[]|\\W{0,2}\\d{1,4}[-/:. T]\\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                       "[ \\d]\\d \\d\\d:"
                       "|<\\d+>|[^,\\s]*(?:,[^,]*){4,}$)"));
    qsizetype lines = 0, records = 0;
    for (qsizetype b = 0; b < sample.size() && lines < 2000;) {
        qsizetype e = sample.indexOf(u'\n', b);
        if (e < 0)
            e = sample.size();
        const QStringView line = sample.mid(b, e - b);
        if (!line.trimmed().isEmpty()) {
            ++lines;
            records += record.match(line).hasMatch() ? 1 : 0;
        }
        b = e + 1;
    }
    // A table: a header row of comma-separated names, and commas on (nearly) every line.
    static const QRegularExpression header(
        QStringLiteral("^\\s*\"?[\\w ]{1,40}\"?(?:[,;\\t]\"?[\\w ]{1,40}\"?)+\\s*$"));
    qsizetype withCommas = 0;
    for (QStringView line : QStringView(sample).left(20000).split(u'\n', Qt::SkipEmptyParts))
        withCommas += line.contains(u',') || line.contains(u'\t') ? 1 : 0;
    const QStringView first = sample.trimmed().left(sample.trimmed().indexOf(u'\n'));
    if (sample.trimmed().startsWith(u'{') || sample.trimmed().startsWith(u'['))
        return QStringLiteral("not prose: JSON data, not an article");
    if (lines >= 3 && header.match(first).hasMatch() && withCommas * 10 >= qMin<qsizetype>(lines, 2000) * 8)
        return QStringLiteral("not prose: a table (comma-separated rows under the header \"%1\")").arg(first.left(60));
    if (lines >= 10 && records * 10 >= lines * 6)
        return QStringLiteral("not prose: %1 of its %2 lines read as records (log lines, JSON or CSV rows), not "
                              "sentences; import logs with `inquest import`")
            .arg(records)
            .arg(lines);
    if (replacement * 50 > qMax<qsizetype>(1, sample.size()))
        return QStringLiteral("not text in a supported encoding (UTF-8, UTF-16 with a byte-order mark, Windows-1252)");
    // A few lines (a pasted paragraph, a headline) are judged by the statements they give.
    if (tokens >= 30 && (wordTokens * 100 < tokens * 55 || letters * 100 < sample.size() * 40))
        return QStringLiteral("not prose: only %1 of its %2 words are words of letters (a log, a table or data?)")
            .arg(wordTokens)
            .arg(tokens);
    return {};
}

QString refuseStatementCount(qsizetype count)
{
    if (count <= MaxArticleStatements)
        return {};
    return QStringLiteral("%1 statements found, more than the %2 one article can hold; is this an article?")
        .arg(count)
        .arg(MaxArticleStatements);
}

} // namespace inquest::news
