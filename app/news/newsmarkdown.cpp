#include "newsarticle.h"
#include "newshtml.h"

#include <QRegularExpression>

namespace inquest::news {

namespace {

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value;
}

// Inline markup of one line: images and links keep their text, emphasis and code marks go.
QString inlineText(QString line)
{
    static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression link(QStringLiteral("\\[([^\\]]+)\\](?:\\([^)]*\\)|\\[[^\\]]*\\])"));
    static const QRegularExpression autolink(QStringLiteral("<(https?://[^>\\s]+)>"));
    static const QRegularExpression strong(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"));
    static const QRegularExpression em(QStringLiteral("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])"));
    static const QRegularExpression code(QStringLiteral("`+([^`]*)`+"));
    static const QRegularExpression tag(QStringLiteral("</?[A-Za-z][^>]*>"));
    line.replace(image, QStringLiteral("\\1"));
    line.replace(link, QStringLiteral("\\1"));
    line.replace(autolink, QStringLiteral("\\1"));
    line.replace(code, QStringLiteral("\\1"));
    line.replace(strong, QStringLiteral("\\2"));
    line.replace(em, QStringLiteral("\\2"));
    line.remove(tag); // inline HTML: markup only, nothing is loaded
    return decodeEntities(line);
}

} // namespace

QString markdownToText(QStringView markdown, QString *title, QString *outlet, QString *date)
{
    QStringList lines = markdown.toString().split(u'\n');
    qsizetype i = 0;
    if (!lines.isEmpty() && lines.first().trimmed() == u"---") {
        // YAML front matter: simple "key: value" lines are all an article needs.
        for (i = 1; i < lines.size() && lines[i].trimmed() != u"---" && lines[i].trimmed() != u"..."; ++i) {
            const qsizetype colon = lines[i].indexOf(u':');
            if (colon <= 0)
                continue;
            const QString key = lines[i].left(colon).trimmed().toLower();
            const QString value = unquote(lines[i].mid(colon + 1));
            if (key == u"title" && title)
                *title = value;
            else if ((key == u"outlet" || key == u"publisher" || key == u"source" || key == u"site") && outlet)
                *outlet = value;
            else if ((key == u"date" || key == u"published" || key == u"publication_date") && date)
                *date = value;
        }
        i = qMin(i + 1, lines.size());
    }

    static const QRegularExpression heading(QStringLiteral("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$"));
    static const QRegularExpression listItem(QStringLiteral("^\\s*(?:[-*+]|\\d+[.)])\\s+"));
    static const QRegularExpression rule(QStringLiteral("^\\s{0,3}(?:[-*_]\\s*){3,}$"));
    static const QRegularExpression refDef(QStringLiteral("^\\s{0,3}\\[[^\\]]+\\]:\\s*\\S"));
    static const QRegularExpression setext(QStringLiteral("^\\s{0,3}(=+|-+)\\s*$"));
    QString out;
    QString paragraph;
    bool fenced = false;
    auto flush = [&] {
        if (!paragraph.isEmpty()) {
            if (!out.isEmpty())
                out += QStringLiteral("\n\n");
            out += paragraph;
            paragraph.clear();
        }
    };
    for (; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.trimmed().startsWith(QStringLiteral("```")) || line.trimmed().startsWith(QStringLiteral("~~~"))) {
            fenced = !fenced;
            flush();
            continue;
        }
        if (fenced) {
            paragraph += (paragraph.isEmpty() ? QString() : QStringLiteral("\n")) + line;
            continue;
        }
        while (line.trimmed().startsWith(u'>')) // block quotes: the words stay, the marks go
            line = line.trimmed().mid(1);
        if (line.trimmed().isEmpty()) {
            flush();
            continue;
        }
        if (refDef.match(line).hasMatch())
            continue;
        if (auto h = heading.match(line); h.hasMatch()) {
            flush();
            paragraph = inlineText(h.captured(2));
            if (title && title->isEmpty() && h.captured(1).size() == 1)
                *title = paragraph;
            flush();
            continue;
        }
        if (!paragraph.isEmpty() && setext.match(line).hasMatch()) {
            if (title && title->isEmpty() && line.trimmed().startsWith(u'='))
                *title = paragraph;
            flush();
            continue;
        }
        if (rule.match(line).hasMatch()) {
            flush();
            continue;
        }
        if (auto li = listItem.match(line); li.hasMatch()) {
            flush(); // each list item reads as its own paragraph
            line = line.mid(li.capturedEnd());
        }
        const QString text = inlineText(line.trimmed());
        paragraph += (paragraph.isEmpty() ? QString() : QStringLiteral(" ")) + text;
    }
    flush();
    return out;
}

} // namespace inquest::news
