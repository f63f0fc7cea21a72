#include "newsarticle.h"
#include "newshtml.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringDecoder>

namespace inquest::news {

QString formatName(ArticleFormat format)
{
    switch (format) {
    case ArticleFormat::Html:
        return QStringLiteral("article-html");
    case ArticleFormat::Markdown:
        return QStringLiteral("article-markdown");
    case ArticleFormat::Text:
        break;
    }
    return QStringLiteral("article-text");
}

ArticleFormat detectFormat(const QString &fileName, const QByteArray &raw)
{
    const QString suffix = fileName.section(u'.', -1).toLower();
    if (fileName.contains(u'.')) {
        if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
            return ArticleFormat::Html;
        if (suffix == u"md" || suffix == u"markdown" || suffix == u"mdown")
            return ArticleFormat::Markdown;
        if (suffix == u"txt" || suffix == u"text")
            return ArticleFormat::Text;
    }
    const QByteArray head = raw.left(512).trimmed().toLower();
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body") ||
        head.contains("<head"))
        return ArticleFormat::Html;
    if (head.startsWith("---\n") || head.startsWith("# "))
        return ArticleFormat::Markdown;
    return ArticleFormat::Text;
}

QString decodeText(const QByteArray &raw, QStringList *warnings)
{
    QString text;
    if (raw.startsWith("\xFF\xFE") || raw.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(raw.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        text = decoder.decode(raw.mid(2));
    } else {
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        text = utf8.decode(raw.startsWith("\xEF\xBB\xBF") ? raw.mid(3) : raw);
        if (utf8.hasError()) {
            // Older news pages are often Windows-1252; Latin-1 keeps every byte readable.
            QStringDecoder latin(QStringConverter::Latin1);
            text = latin.decode(raw);
            if (warnings)
                warnings->append(QStringLiteral("not valid UTF-8; read as Latin-1"));
        }
    }
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    return text;
}

std::optional<QDate> parseLooseDate(QStringView text)
{
    static const QRegularExpression iso(QStringLiteral("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})"));
    static const QRegularExpression dmy(QStringLiteral("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|"
                                                       "Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?,?\\s+(\\d{4})\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression mdy(QStringLiteral("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?"
                                                       "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression slash(QStringLiteral("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b"));
    static const QStringList months = {QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                       QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                       QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                       QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    QDate date;
    if (auto m = iso.match(text); m.hasMatch())
        date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    else if (auto m = dmy.match(text); m.hasMatch())
        date = QDate(m.captured(3).toInt(), int(months.indexOf(m.captured(2).toLower())) + 1, m.captured(1).toInt());
    else if (auto m = mdy.match(text); m.hasMatch())
        date = QDate(m.captured(3).toInt(), int(months.indexOf(m.captured(1).toLower())) + 1, m.captured(2).toInt());
    else if (auto m = slash.match(text); m.hasMatch()) {
        const int a = m.captured(1).toInt(), b = m.captured(2).toInt();
        date = b > 12 ? QDate(m.captured(3).toInt(), a, b) : QDate(m.captured(3).toInt(), b, a);
    }
    return date.isValid() ? std::optional(date) : std::nullopt;
}

namespace {

// "Published: 13 December 2010", "Date: …", "Outlet: …" lines near the top of a text.
void headerLines(const QString &text, Article &a)
{
    static const QRegularExpression line(
        QStringLiteral(
            "^[ \\t]*(?:\\*\\*|_)?(Published|Publication date|Date|Posted|Updated|Outlet|Publisher|Source)(?:\\*\\*|_)?"
            "[ \\t]*:[ \\t]*(?:\\*\\*|_)?[ \\t]*(.+)$"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    const QString head = text.left(4000);
    auto it = line.globalMatch(head);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString key = m.captured(1).toLower();
        const QString value = m.captured(2).trimmed();
        if (key == u"outlet" || key == u"publisher" || key == u"source") {
            if (a.outlet.isEmpty())
                a.outlet = value;
        } else if (!a.published.isValid() && key != u"updated") {
            if (auto d = parseLooseDate(value))
                a.published = *d;
        }
    }
}

enum class LineKind { Title, Url, Date, Field, Prose };

LineKind kindOfLine(QStringView line, bool first)
{
    static const QRegularExpression url(QStringLiteral("^(?:https?://|www\\.)\\S+$"));
    static const QRegularExpression field(QStringLiteral(
        "^(?:\\*\\*|_)?(?:Published|Publication date|Date|Posted|Updated|Outlet|Publisher|Source|By|Author|Byline)"
        "(?:\\*\\*|_)?\\s*:|^By\\s+[A-Z][\\w.'-]+(?:\\s+[A-Z][\\w.'-]+){0,3}$"));
    if (url.match(line).hasMatch())
        return LineKind::Url;
    if (field.match(line).hasMatch())
        return LineKind::Field;
    // A line that is a date and little else: "March 2, 2023", "2024-07-12T09:15:00-04:00",
    // "Thursday 21 November 2024, 10:05 GMT".
    if (line.size() <= 60 && parseLooseDate(line) && !line.contains(QStringLiteral(" said")) && !line.endsWith(u'.'))
        return LineKind::Date;
    // A headline is short and has no final full stop.
    if (first && line.size() <= 160 && !line.endsWith(u'.') && !line.endsWith(u'"') && !line.endsWith(u'\u201D'))
        return LineKind::Title;
    return LineKind::Prose;
}

struct TopLines
{
    qsizetype end = 0;
    QString title, url, date;
};

TopLines topLines(QStringView text)
{
    TopLines top;
    qsizetype pos = 0;
    for (int lines = 0; lines < 6 && pos < text.size(); ++lines) {
        qsizetype nl = text.indexOf(u'\n', pos);
        if (nl < 0)
            nl = text.size();
        const QStringView line = text.mid(pos, nl - pos).trimmed();
        if (line.isEmpty()) {
            --lines;
            pos = nl + 1;
            continue;
        }
        const LineKind kind = kindOfLine(line, lines == 0);
        if (kind == LineKind::Prose)
            break;
        if (kind == LineKind::Title)
            top.title = line.toString();
        else if (kind == LineKind::Url && top.url.isEmpty())
            top.url = line.toString();
        else if (kind == LineKind::Date && top.date.isEmpty())
            top.date = line.toString();
        top.end = qMin(nl + 1, text.size());
        pos = nl + 1;
    }
    return top;
}

// "2024-03-14T08:05:00+01:00": the wall time and the offset it is written in.
void readPublicationTime(const QString &value, Article &a)
{
    static const QRegularExpression instant(QStringLiteral(
        "^\\s*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})\\s*$"));
    const auto m = instant.match(value);
    if (!m.hasMatch())
        return;
    QString iso = value.trimmed().replace(u' ', u'T');
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return;
    const int offset = t.offsetFromUtc();
    a.published = t.date();
    a.publishedTime = t.time();
    a.timeZone = offset == 0 ? QStringLiteral("UTC")
                             : QStringLiteral("%1%2:%3")
                                   .arg(QChar(offset < 0 ? u'-' : u'+'))
                                   .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                                   .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
}

} // namespace

qsizetype metadataEnd(QStringView text) { return topLines(text).end; }

Article parseArticle(const QByteArray &raw, const QString &fileName)
{
    Article a;
    a.format = detectFormat(fileName, raw);
    const QString decoded = decodeText(raw, &a.warnings);
    if (a.format == ArticleFormat::Html) {
        HtmlDocument doc = htmlToText(decoded);
        a.text = doc.text;
        auto meta = [&](std::initializer_list<const char *> keys) {
            for (const char *k : keys) {
                const QString v = doc.meta.value(QString::fromLatin1(k));
                if (!v.isEmpty() && !v.startsWith(QStringLiteral("http")))
                    return v;
            }
            return QString();
        };
        a.title = meta({"og:title", "twitter:title", "headline", "dc.title"});
        if (a.title.isEmpty())
            a.title = doc.title;
        a.outlet = meta({"og:site_name", "application-name", "publisher", "article:publisher", "dc.publisher"});
        // "Parcelo tracking outage - Example Courier Times": the site's name is not the title's.
        for (const QString &sep :
             {QStringLiteral(" - "), QStringLiteral(" | "), QStringLiteral(" \u2013 "), QStringLiteral(" \u2014 ")}) {
            if (!a.outlet.isEmpty() && a.title.endsWith(sep + a.outlet))
                a.title.chop(sep.size() + a.outlet.size());
        }
        const QString date = meta({"article:published_time", "datepublished", "date", "pubdate", "publishdate",
                                   "dc.date.issued", "dc.date", "sailthru.date", "og:published_time"});
        if (auto d = parseLooseDate(date.isEmpty() ? doc.timeDatetime : date))
            a.published = *d;
        readPublicationTime(date.isEmpty() ? doc.timeDatetime : date, a);
        a.url = doc.meta.value(QStringLiteral("og:url"));
    } else if (a.format == ArticleFormat::Markdown) {
        QString date;
        a.text = markdownToText(decoded, &a.title, &a.outlet, &date);
        if (auto d = parseLooseDate(date))
            a.published = *d;
    } else {
        a.text = decoded;
        const TopLines top = topLines(decoded);
        a.title = top.title;
        a.url = top.url;
        if (auto d = parseLooseDate(top.date)) {
            a.published = *d;
            readPublicationTime(top.date, a);
        }
    }
    if (!a.published.isValid() || a.outlet.isEmpty())
        headerLines(a.text, a);
    return a;
}

} // namespace inquest::news
