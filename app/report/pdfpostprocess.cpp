#include "pdfpostprocess.h"

#include <QRegularExpression>

#include <algorithm>

namespace inquest::pdf {

namespace {

// Text strings as UTF-16BE hex: any character, nothing to escape.
QByteArray textString(const QString &text)
{
    QByteArray bytes("<FEFF");
    for (const QChar c : text)
        bytes += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    return bytes + '>';
}

std::optional<int> intAfter(const QByteArray &text, const char *pattern)
{
    const QRegularExpression re(QString::fromLatin1(pattern));
    QRegularExpressionMatchIterator it = re.globalMatch(QString::fromLatin1(text));
    std::optional<int> last;
    while (it.hasNext())
        last = it.next().captured(1).toInt();
    return last;
}

// The dictionary text of object `number` (last definition wins, as in an updated file).
QByteArray objectDict(const QByteArray &pdf, int number)
{
    const QByteArray head = '\n' + QByteArray::number(number) + " 0 obj\n";
    const qsizetype start = pdf.lastIndexOf(head);
    if (start < 0)
        return {};
    const qsizetype end = pdf.indexOf("endobj", start);
    return end < 0 ? QByteArray() : pdf.mid(start + head.size(), end - start - head.size());
}

} // namespace

QByteArray pdfDate(const QDateTime &time)
{
    return "D:" + time.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + 'Z';
}

bool setCreationDate(QByteArray &pdf, const QDateTime &time)
{
    static const QByteArray key("/CreationDate (");
    const qsizetype at = pdf.indexOf(key);
    if (at < 0)
        return false;
    const qsizetype begin = at + key.size();
    const qsizetype end = pdf.indexOf(')', begin);
    if (end < 0)
        return false;
    const qsizetype length = end - begin;
    QByteArray date = pdfDate(time); // 17 bytes
    // Qt writes "D:…Z" or "D:…+HH'mm'": keep the same length with an equivalent UTC form.
    if (length == date.size() + 6)
        date.replace(date.size() - 1, 1, "+00'00'");
    else if (length != date.size())
        return false;
    pdf.replace(begin, length, date);
    return true;
}

std::optional<QString> appendInfoAndOutline(QByteArray &pdf, const DocumentInfo &info,
                                            const QList<OutlineEntry> &outline, double pageHeightPt)
{
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    if (trailerAt < 0)
        return QStringLiteral("no trailer");
    const QByteArray trailer = pdf.mid(trailerAt);
    const auto size = intAfter(trailer, R"(/Size (\d+))");
    const auto root = intAfter(trailer, R"(/Root (\d+) 0 R)");
    const auto prev = intAfter(trailer, R"(startxref\s+(\d+))");
    if (!size || !root || !prev)
        return QStringLiteral("unexpected trailer");
    QByteArray catalog = objectDict(pdf, *root);
    const auto pagesObj = intAfter(catalog, R"(/Pages (\d+) 0 R)");
    if (!pagesObj)
        return QStringLiteral("no page tree");
    const QByteArray pageTree = objectDict(pdf, *pagesObj);
    QList<int> pages;
    const qsizetype kidsAt = pageTree.indexOf("/Kids");
    const qsizetype kidsEnd = pageTree.indexOf(']', kidsAt);
    if (kidsAt < 0 || kidsEnd < 0)
        return QStringLiteral("no page list");
    static const QRegularExpression ref(QStringLiteral(R"((\d+) 0 R)"));
    for (auto it = ref.globalMatch(QString::fromLatin1(pageTree.mid(kidsAt, kidsEnd - kidsAt))); it.hasNext();)
        pages.append(it.next().captured(1).toInt());

    if (!pdf.endsWith('\n'))
        pdf += '\n';
    QList<std::pair<int, qsizetype>> xref; // object number, offset
    const auto object = [&](int number, const QByteArray &body) {
        xref.append({number, pdf.size()});
        pdf += QByteArray::number(number) + " 0 obj\n" + body + "\nendobj\n";
    };

    QList<OutlineEntry> entries;
    for (const OutlineEntry &e : outline) {
        if (e.page >= 0 && e.page < pages.size())
            entries.append(e);
    }
    const int outlineRoot = *size;
    const int first = outlineRoot + 1;
    const int infoObj = entries.isEmpty() ? outlineRoot : first + int(entries.size());
    // The catalog keeps everything it had and gains the outline.
    const qsizetype close = catalog.lastIndexOf(">>");
    if (close < 0)
        return QStringLiteral("unreadable catalog");
    if (!entries.isEmpty())
        catalog.insert(close, "/Outlines " + QByteArray::number(outlineRoot) + " 0 R\n/PageMode /UseOutlines\n");
    object(*root, catalog.trimmed());
    if (!entries.isEmpty()) {
        object(outlineRoot, "<< /Type /Outlines /First " + QByteArray::number(first) + " 0 R /Last " +
                                QByteArray::number(first + entries.size() - 1) + " 0 R /Count " +
                                QByteArray::number(entries.size()) + " >>");
        for (int i = 0; i < entries.size(); ++i) {
            const OutlineEntry &e = entries.at(i);
            QByteArray item =
                "<< /Title " + textString(e.title) + " /Parent " + QByteArray::number(outlineRoot) + " 0 R";
            if (i > 0)
                item += " /Prev " + QByteArray::number(first + i - 1) + " 0 R";
            if (i + 1 < entries.size())
                item += " /Next " + QByteArray::number(first + i + 1) + " 0 R";
            item += " /Dest [" + QByteArray::number(pages.at(e.page)) + " 0 R /XYZ 0 " +
                    QByteArray::number(qRound(pageHeightPt - e.topPt)) + " 0] >>";
            object(first + i, item);
        }
    }
    const QByteArray date = pdfDate(info.created);
    object(infoObj, "<<\n/Title " + textString(info.title) + "\n/Author " + textString(info.author) + "\n/Subject " +
                        textString(info.subject) + "\n/Creator " + textString(info.creator) + "\n/Producer " +
                        textString(info.producer) + "\n/CreationDate (" + date + ")\n/ModDate (" + date + ")\n>>");

    const qsizetype xrefAt = pdf.size();
    std::sort(xref.begin(), xref.end());
    QByteArray table = "xref\n0 1\n0000000000 65535 f \n";
    for (qsizetype i = 0; i < xref.size();) {
        qsizetype j = i + 1; // a subsection is a run of consecutive object numbers
        while (j < xref.size() && xref.at(j).first == xref.at(j - 1).first + 1)
            ++j;
        table += QByteArray::number(xref.at(i).first) + ' ' + QByteArray::number(j - i) + '\n';
        for (; i < j; ++i)
            table += QByteArray::number(xref.at(i).second).rightJustified(10, '0') + " 00000 n \n";
    }
    pdf += table;
    pdf += "trailer\n<<\n/Size " + QByteArray::number(infoObj + 1) + "\n/Root " + QByteArray::number(*root) +
           " 0 R\n/Info " + QByteArray::number(infoObj) + " 0 R\n/Prev " + QByteArray::number(*prev) +
           "\n>>\nstartxref\n" + QByteArray::number(xrefAt) + "\n%%EOF\n";
    return std::nullopt;
}

} // namespace inquest::pdf
