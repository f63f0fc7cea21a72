#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace inquest::news {

enum class ArticleFormat { Text, Html, Markdown };

// An article file turned into the plain text that statement offsets refer to, with the
// title, outlet and publication date the file itself gives (empty / invalid when it gives none).
struct Article
{
    ArticleFormat format = ArticleFormat::Text;
    QString text;
    QString title;
    QString outlet;
    QDate published;
    QTime publishedTime; // when the file gives it ("2024-03-14T08:05:00+01:00"), in timeZone
    QString timeZone;    // the offset the file writes its publication time in ("+01:00"), else empty
    QString url;
    QStringList warnings; // decoding problems, …
};

// "article-text", "article-html", "article-markdown".
QString formatName(ArticleFormat format);
// By extension (.html/.htm/.xhtml, .md/.markdown), else by a look at the first bytes.
ArticleFormat detectFormat(const QString &fileName, const QByteArray &raw);
// UTF-8 (BOM optional) or UTF-16 with a BOM; invalid UTF-8 is read as Windows-1252 text
// with a warning. Line ends become "\n".
QString decodeText(const QByteArray &raw, QStringList *warnings);
Article parseArticle(const QByteArray &raw, const QString &fileName);

// Where the article's body begins: after the metadata lines a text file opens with (a headline,
// a URL, a date line, "Published: …"/"By …" lines), which are read as title, URL and date and are
// not sentences. 0 when the text opens with prose.
qsizetype metadataEnd(QStringView text);

// Dates as metadata writes them: "2010-12-13", "2010-12-13T09:30:00Z", "13 December 2010",
// "Monday, 13 Dec 2010 09:30 GMT", "December 13, 2010", "13/12/2010".
std::optional<QDate> parseLooseDate(QStringView text);

// Markdown to plain text: front matter removed, markup dropped, soft-wrapped lines joined.
// The front-matter fields found are returned through the pointers.
QString markdownToText(QStringView markdown, QString *title, QString *outlet, QString *date);

} // namespace inquest::news
