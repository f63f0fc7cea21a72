#pragma once

#include <QHash>
#include <QString>

namespace inquest::news {

// The readable text of an HTML page and the few header facts an article import needs.
struct HtmlDocument
{
    QString text;                 // visible text; blocks separated by a blank line
    QString title;                // <title>, entities decoded
    QHash<QString, QString> meta; // <meta name|property|itemprop> (lower case) -> content; first wins
    QString timeDatetime;         // datetime attribute of the first <time> element
};

// A tolerant tag stripper for untrusted HTML. It only reads the characters it is given: it
// never resolves, loads or even collects URLs (img, link, script src, CSS url(), …), so nothing
// local or remote is ever fetched. Scripts, styles, comments and non-content elements are
// dropped, CDATA is kept as text, entities are decoded, and broken markup (an unclosed tag, a
// stray "<") degrades to text instead of swallowing the rest of the page.
HtmlDocument htmlToText(QStringView html);

// Decodes character references: named (&amp; &rsquo; …, the common HTML set), decimal and hex.
// Unknown names stay as written.
QString decodeEntities(QStringView text);

} // namespace inquest::news
