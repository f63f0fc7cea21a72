#include "droprouting.h"
#include "formatregistry.h"
#include "importer.h"
#include "news/newsarticle.h"
#include "news/newswords.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace inquest {

namespace {

constexpr qint64 SampleBytes = 64 * 1024;

bool opensLikeARecord(QStringView line)
{
    const QChar c = line.front();
    if (c.isDigit() || c == u'[' || c == u'{' || c == u'<' || c == u'#' || c == u'|')
        return true;
    // "Dec 12 21:45:01 host …": syslog without a priority.
    static const QRegularExpression monthDay(
        QStringLiteral("^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+\\d"));
    return monthDay.match(line).hasMatch();
}

} // namespace

bool looksLikeProse(QStringView text)
{
    static const news::AsciiWordSet function(
        {"the",  "a",   "an",  "and",  "or",   "but",  "of", "to",   "in",   "on",    "at",   "by",   "for",   "with",
         "from", "as",  "is",  "was",  "were", "are",  "be", "been", "it",   "its",   "that", "this", "which", "who",
         "not",  "had", "has", "have", "said", "says", "we", "our",  "they", "their", "he",   "she",  "his",   "her"},
        Qt::CaseInsensitive);
    qsizetype lines = 0, recordLines = 0, letters = 0, visible = 0, words = 0, functionWords = 0;
    for (QStringView line : text.tokenize(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        ++lines;
        recordLines += opensLikeARecord(line);
        qsizetype i = 0;
        while (i < line.size()) {
            const char16_t c = line[i].unicode();
            if (!QChar::isSpace(c))
                ++visible;
            if (!QChar::isLetter(c)) {
                ++i;
                continue;
            }
            qsizetype j = i;
            while (j < line.size() && (line[j].isLetter() || line[j] == u'\'' || line[j] == u'\u2019'))
                ++j;
            letters += j - i;
            ++words;
            functionWords += function.contains(line.mid(i, j - i));
            i = j;
        }
    }
    if (lines == 0 || words < 12)
        return false;
    return recordLines * 10 <= lines * 3        // at most 30 % of lines open like a record
           && letters * 10 >= visible * 6       // mostly letters, not numbers and punctuation
           && functionWords * 100 >= words * 8; // sentences need "the", "and", "said", …
}

DropTarget classifyDroppedFile(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    static const QStringList articleSuffixes = {QStringLiteral("html"), QStringLiteral("htm"), QStringLiteral("xhtml"),
                                                QStringLiteral("md"), QStringLiteral("markdown")};
    static const QStringList eitherSuffixes = {QStringLiteral("txt"), QStringLiteral("text"), QStringLiteral("log")};
    if (articleSuffixes.contains(suffix))
        return DropTarget::Article;
    if (!info.isFile() || !(suffix.isEmpty() || eitherSuffixes.contains(suffix)))
        return DropTarget::Logs;
    // The log import's own sniffing (gzip, UTF-16 and byte order marks included) decides first.
    if (previewLogFile(path, {}, 20).confidence >= FormatRegistry::MinConfidence)
        return DropTarget::Logs;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DropTarget::Logs;
    QByteArray sample = file.read(SampleBytes);
    const bool utf16 = sample.startsWith("\xff\xfe") || sample.startsWith("\xfe\xff");
    if (!file.atEnd() && !utf16 && sample.contains('\n'))
        sample.truncate(sample.lastIndexOf('\n')); // whole lines: no character cut in two
    QStringList warnings;
    return looksLikeProse(news::decodeText(sample, &warnings)) ? DropTarget::Article : DropTarget::Logs;
}

DropRouting routeDroppedFiles(const QStringList &paths)
{
    DropRouting routing;
    for (const QString &path : paths) {
        // A folder goes to the log Import dialog whole, which lists the files below it; sniffing
        // each of thousands of files here would hold up the window.
        if (QFileInfo(path).isDir())
            routing.logs.append(path);
        else
            (classifyDroppedFile(path) == DropTarget::Article ? routing.articles : routing.logs).append(path);
    }
    return routing;
}

} // namespace inquest
