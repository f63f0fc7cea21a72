#include "newshtml.h"

#include <QRegularExpression>

namespace inquest::news {

namespace {

bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == u'-' || c == u':' || c == u'_'; }

bool oneOf(QStringView name, std::initializer_list<QStringView> names)
{
    for (QStringView n : names) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Elements whose content is never article text. Raw-text ones end at the first "</name".
bool isRawTextDropped(QStringView name) { return oneOf(name, {u"script", u"style", u"xmp", u"noembed"}); }
bool isDropped(QStringView name)
{
    return oneOf(name, {u"noscript", u"template", u"svg", u"math", u"iframe", u"object", u"canvas", u"nav", u"aside",
                        u"form", u"button", u"select", u"footer", u"dialog"});
}
bool isBlock(QStringView name)
{
    return oneOf(name, {u"p",       u"div",        u"h1",      u"h2",   u"h3",  u"h4", u"h5",         u"h6",
                        u"li",      u"ul",         u"ol",      u"dl",   u"dt",  u"dd", u"blockquote", u"section",
                        u"article", u"header",     u"footer",  u"main", u"pre", u"hr", u"table",      u"tr",
                        u"figure",  u"figcaption", u"address", u"body", u"html"});
}

struct Tag;
bool isBoilerplate(const Tag &tag);

struct Tag
{
    QString name; // lower case
    bool closing = false;
    bool selfClosing = false;
    QHash<QString, QString> attributes; // lower-case names, decoded values
    qsizetype end = -1;                 // index after '>'
};

// Parses the tag starting at html[at] == '<'. Returns a tag with end < 0 when this is no tag.
Tag parseTag(QStringView html, qsizetype at)
{
    Tag tag;
    const qsizetype n = html.size();
    qsizetype i = at + 1;
    if (i < n && html[i] == u'/') {
        tag.closing = true;
        ++i;
    }
    if (i >= n || !html[i].isLetter())
        return tag;
    const qsizetype nameFrom = i;
    while (i < n && isNameChar(html[i]))
        ++i;
    tag.name = html.mid(nameFrom, i - nameFrom).toString().toLower();
    while (i < n) {
        const QChar c = html[i];
        if (c == u'>') {
            tag.end = i + 1;
            return tag;
        }
        if (c == u'<')
            return tag; // "<b <i>": the first one was never closed; treat it as text
        if (c == u'/' && i + 1 < n && html[i + 1] == u'>') {
            tag.selfClosing = true;
            tag.end = i + 2;
            return tag;
        }
        if (c.isSpace() || c == u'/') {
            ++i;
            continue;
        }
        const qsizetype attrFrom = i;
        while (i < n && !html[i].isSpace() && html[i] != u'=' && html[i] != u'>' && html[i] != u'/')
            ++i;
        const QString attr = html.mid(attrFrom, i - attrFrom).toString().toLower();
        while (i < n && html[i].isSpace())
            ++i;
        QString value;
        if (i < n && html[i] == u'=') {
            ++i;
            while (i < n && html[i].isSpace())
                ++i;
            if (i < n && (html[i] == u'"' || html[i] == u'\'')) {
                const QChar quote = html[i];
                const qsizetype close = html.indexOf(quote, i + 1);
                if (close < 0)
                    return tag; // an unterminated attribute value: not a tag
                value = decodeEntities(html.mid(i + 1, close - i - 1));
                i = close + 1;
            } else {
                const qsizetype valueFrom = i;
                while (i < n && !html[i].isSpace() && html[i] != u'>')
                    ++i;
                value = decodeEntities(html.mid(valueFrom, i - valueFrom));
            }
        }
        if (!attr.isEmpty() && !tag.attributes.contains(attr))
            tag.attributes.insert(attr, value);
    }
    return tag;
}

// Index after the "</name ...>" that closes a raw-text element, or the end of the input.
qsizetype skipRawText(QStringView html, qsizetype from, const QString &name)
{
    const QString close = QStringLiteral("</") + name;
    qsizetype at = from;
    while (true) {
        at = html.indexOf(close, at, Qt::CaseInsensitive);
        if (at < 0)
            return html.size();
        const qsizetype after = at + close.size();
        if (after >= html.size() || !isNameChar(html[after])) {
            const qsizetype gt = html.indexOf(u'>', after);
            return gt < 0 ? html.size() : gt + 1;
        }
        at = after;
    }
}

// Collects visible text with whitespace collapsed and block boundaries as blank lines.
class TextSink
{
public:
    void text(QStringView raw, bool pre)
    {
        for (QChar c : raw) {
            if (!pre && (c.isSpace() || c == QChar(0xA0))) {
                m_pendingSpace = true;
                continue;
            }
            if (pre && c == u'\n') {
                lineBreak();
                continue;
            }
            flushSpace();
            m_out.append(c == QChar(0xA0) ? QChar(u' ') : c);
        }
    }
    void decoded(const QString &t, bool pre) { text(t, pre); }
    void lineBreak()
    {
        trimTrailingSpace();
        if (!m_out.isEmpty() && !m_out.endsWith(u'\n'))
            m_out.append(u'\n');
        m_pendingSpace = false;
    }
    void blockBreak()
    {
        trimTrailingSpace();
        if (!m_out.isEmpty() && !m_out.endsWith(QStringLiteral("\n\n")))
            m_out.append(m_out.endsWith(u'\n') ? QStringLiteral("\n") : QStringLiteral("\n\n"));
        m_pendingSpace = false;
    }
    QString finish()
    {
        while (!m_out.isEmpty() && m_out.back().isSpace())
            m_out.chop(1);
        return m_out;
    }

private:
    void flushSpace()
    {
        if (m_pendingSpace && !m_out.isEmpty() && !m_out.endsWith(u'\n') && !m_out.endsWith(u' '))
            m_out.append(u' ');
        m_pendingSpace = false;
    }
    void trimTrailingSpace()
    {
        while (m_out.endsWith(u' '))
            m_out.chop(1);
    }
    QString m_out;
    bool m_pendingSpace = false;
};

// A page's furniture marked by its class, id or role: cookie banners, navigation, related links,
// newsletter boxes, sharing buttons, comments. Its text never becomes article text.
bool isBoilerplate(const Tag &tag)
{
    if (tag.closing || tag.attributes.isEmpty())
        return false;
    static const QRegularExpression furniture(
        QStringLiteral("(?:^|[\\s_-])(?:cookies?|consent|gdpr|banner|newsletter|subscribe|subscription|signup|sign-up"
                       "|related|recommended|more-stories|read-more|share|sharing|social|promo|advert|advertisement|ads"
                       "|sponsored|sidebar|footer|site-nav|navigation|navbar|menu|breadcrumbs?|comments?|paywall|popup"
                       "|modal|outbrain|taboola)(?:$|[\\s_-])"),
        QRegularExpression::CaseInsensitiveOption);
    for (const char *key : {"class", "id"}) {
        const QString v = tag.attributes.value(QLatin1String(key));
        if (!v.isEmpty() && furniture.match(v).hasMatch())
            return true;
    }
    const QString role = tag.attributes.value(QStringLiteral("role")).toLower();
    return role == u"navigation" || role == u"contentinfo" || role == u"banner" || role == u"complementary" ||
           role == u"dialog";
}

} // namespace

HtmlDocument htmlToText(QStringView html)
{
    HtmlDocument doc;
    TextSink sink;
    const qsizetype n = html.size();
    qsizetype i = 0;
    int dropDepth = 0; // inside dropped elements (nav, svg, …): text is ignored, tags still tracked
    QString droppedName;
    int preDepth = 0;
    while (i < n) {
        const qsizetype lt = html.indexOf(u'<', i);
        const qsizetype textEnd = lt < 0 ? n : lt;
        if (textEnd > i && dropDepth == 0)
            sink.decoded(decodeEntities(html.mid(i, textEnd - i)), preDepth > 0);
        if (lt < 0)
            break;
        i = lt;
        if (html.mid(i, 4) == u"<!--") {
            const qsizetype end = html.indexOf(QStringLiteral("-->"), i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (html.mid(i, 9).compare(u"<![CDATA[", Qt::CaseInsensitive) == 0) {
            const qsizetype end = html.indexOf(QStringLiteral("]]>"), i + 9);
            const qsizetype stop = end < 0 ? n : end;
            if (dropDepth == 0)
                sink.text(html.mid(i + 9, stop - i - 9), preDepth > 0); // CDATA is literal text
            i = end < 0 ? n : end + 3;
            continue;
        }
        if (i + 1 < n && (html[i + 1] == u'!' || html[i + 1] == u'?')) {
            const qsizetype end = html.indexOf(u'>', i);
            i = end < 0 ? n : end + 1;
            continue;
        }
        Tag tag = parseTag(html, i);
        if (tag.end < 0) {
            if (dropDepth == 0)
                sink.text(u"<", preDepth > 0); // "a < b" or a broken tag: keep it as text
            i += 1;
            continue;
        }
        i = tag.end;
        if (!tag.closing && isRawTextDropped(tag.name)) {
            if (!tag.selfClosing)
                i = skipRawText(html, i, tag.name);
            continue;
        }
        if (!tag.closing && tag.name == u"title") {
            const qsizetype end = skipRawText(html, i, tag.name);
            const qsizetype close = html.lastIndexOf(u'<', end - 1);
            if (doc.title.isEmpty())
                doc.title = decodeEntities(html.mid(i, qMax<qsizetype>(0, close - i))).simplified();
            i = end;
            continue;
        }
        if (tag.name == u"meta") {
            QString key = tag.attributes.value(QStringLiteral("property"));
            if (key.isEmpty())
                key = tag.attributes.value(QStringLiteral("name"));
            if (key.isEmpty())
                key = tag.attributes.value(QStringLiteral("itemprop"));
            key = key.toLower();
            if (!key.isEmpty() && !doc.meta.contains(key))
                doc.meta.insert(key, tag.attributes.value(QStringLiteral("content")).trimmed());
            continue;
        }
        if (tag.name == u"time" && !tag.closing && doc.timeDatetime.isEmpty())
            doc.timeDatetime = tag.attributes.value(QStringLiteral("datetime")).trimmed();
        if ((isDropped(tag.name) || (dropDepth == 0 && isBoilerplate(tag)) ||
             (dropDepth > 0 && tag.name == droppedName)) &&
            !tag.selfClosing && tag.name != u"br" && tag.name != u"img" && tag.name != u"input") {
            if (!tag.closing) {
                if (dropDepth == 0)
                    droppedName = tag.name;
                if (tag.name == droppedName)
                    ++dropDepth;
            } else if (dropDepth > 0 && tag.name == droppedName) {
                --dropDepth;
            }
            continue;
        }
        if (dropDepth > 0)
            continue;
        if (tag.name == u"pre")
            preDepth = qMax(0, preDepth + (tag.closing ? -1 : 1));
        if (tag.name == u"br")
            sink.lineBreak();
        else if (isBlock(tag.name))
            sink.blockBreak();
        else if (tag.name == u"td" || tag.name == u"th")
            sink.text(u" ", false);
    }
    doc.text = sink.finish();
    return doc;
}

} // namespace inquest::news
