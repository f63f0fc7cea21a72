#include "htmlreport.h"

#include "figurerenderer.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

namespace inquest {

namespace {

QString esc(const QString &text)
{
    // Line breaks in cells and paragraphs are the builder's; everything else is case text.
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

const char *const Css = R"(
body{font-family:"DejaVu Sans",Verdana,sans-serif;font-size:10pt;color:#111;max-width:60em;margin:2em auto;padding:0 1em}
h1.title{color:#1f3a5f;font-size:22pt;margin-top:2em}
h2{color:#1f3a5f;border-bottom:1px solid #1f3a5f;margin-top:2em}
h3{color:#1f3a5f}
p.small{font-size:8pt;color:#444}
table{border-collapse:collapse;width:100%;font-size:8pt;margin:.5em 0 1em}
th{background:#dde3ea;text-align:left;padding:3px;vertical-align:bottom}
td{padding:3px;vertical-align:top;border-bottom:1px solid #c8cfd8}
tbody tr:nth-child(even){background:#f4f6f8}
table.kv td:first-child{font-weight:bold;width:25%}
.mono{font-family:"DejaVu Sans Mono",monospace;word-break:break-all}
figure{margin:1em 0;text-align:center}
figure img{max-width:100%}
figcaption{font-size:8pt;color:#444}
footer{margin-top:3em;font-size:8pt;color:#555;border-top:1px solid #aaa}
@media print{h2{break-before:page}tr{break-inside:avoid}thead{display:table-header-group}}
)";

QString figureHtml(const ReportBlock &b, FigureRenderer *figures)
{
    if (!figures)
        return QStringLiteral("<p class=\"small\">Figure not drawn: %1</p>\n").arg(esc(b.text));
    // Twice the point size: sharp on high-density screens and in print.
    const QSize px = (b.chart.size * 2).toSize();
    QImage image(px, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        if (!figures->render(b.chart, &painter, QRectF(QPointF(0, 0), px)))
            return QStringLiteral("<p class=\"small\">Figure could not be drawn: %1</p>\n").arg(esc(b.text));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("<figure><img alt=\"%1\" width=\"%2\" "
                          "src=\"data:image/png;base64,%3\"><figcaption>%1</figcaption></figure>\n")
        .arg(esc(b.text))
        .arg(int(b.chart.size.width() * 4 / 3))
        .arg(QString::fromLatin1(png.toBase64()));
}

QString tableHtml(const ReportBlock &b)
{
    QString html =
        b.header.isEmpty() ? QStringLiteral("<table class=\"kv\">\n") : QStringLiteral("<table>\n<thead><tr>");
    for (const QString &h : b.header)
        html += QStringLiteral("<th>%1</th>").arg(esc(h));
    if (!b.header.isEmpty())
        html += QStringLiteral("</tr></thead>\n");
    html += QStringLiteral("<tbody>\n");
    for (int r = 0; r < b.rows.size(); ++r) {
        html += QStringLiteral("<tr>");
        const QStringList &row = b.rows.at(r);
        const qsizetype columns = qMax(row.size(), b.header.size());
        for (int c = 0; c < columns; ++c)
            html += b.isMono(r, c) ? QStringLiteral("<td class=\"mono\">%1</td>").arg(esc(row.value(c)))
                                   : QStringLiteral("<td>%1</td>").arg(esc(row.value(c)));
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</tbody></table>\n");
}

} // namespace

QString reportHtml(const ReportDocument &doc, FigureRenderer *figures)
{
    QString html;
    html.reserve(1 << 16);
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                           "style-src 'unsafe-inline'\">\n");
    html += QStringLiteral("<title>%1 \u2014 Findings report</title>\n").arg(esc(doc.caseTitle));
    html += QStringLiteral("<meta name=\"author\" content=\"%1\">\n<meta name=\"description\" content=\"%2\">\n"
                           "<meta name=\"generator\" content=\"Inquest\">\n")
                .arg(doc.analyst.toHtmlEscaped(), doc.subject.toHtmlEscaped());
    html += QStringLiteral("<style>%1</style>\n</head>\n<body>\n").arg(QString::fromUtf8(Css));
    for (const ReportBlock &b : doc.blocks) {
        switch (b.type) {
        case ReportBlock::Title:
            html += QStringLiteral("<h1 class=\"title\">%1</h1>\n").arg(esc(b.text));
            break;
        case ReportBlock::Heading:
            if (b.level == 1)
                html += QStringLiteral("<h2 id=\"%1\">%2</h2>\n").arg(b.anchor.toHtmlEscaped(), esc(b.text));
            else
                html += QStringLiteral("<h3>%1</h3>\n").arg(esc(b.text));
            break;
        case ReportBlock::Paragraph:
            html += b.small      ? QStringLiteral("<p class=\"small\">%1</p>\n").arg(esc(b.text))
                    : b.emphasis ? QStringLiteral("<p><strong>%1</strong></p>\n").arg(esc(b.text))
                                 : QStringLiteral("<p>%1</p>\n").arg(esc(b.text));
            break;
        case ReportBlock::Table:
            html += tableHtml(b);
            break;
        case ReportBlock::Figure:
            html += figureHtml(b, figures);
            break;
        case ReportBlock::Contents: {
            html += QStringLiteral("<nav>\n<h2>%1</h2>\n<ol>\n").arg(esc(b.text));
            const QList<ReportDocument::Entry> entries = doc.contents();
            for (const ReportDocument::Entry &e : entries)
                html += QStringLiteral("<li><a href=\"#%1\">%2</a></li>\n").arg(e.anchor.toHtmlEscaped(), esc(e.title));
            html += QStringLiteral("</ol>\n</nav>\n");
            break;
        }
        case ReportBlock::PageBreak:
            break;
        }
    }
    html += QStringLiteral("<footer>%1 \u00b7 %2 \u00b7 Inquest</footer>\n</body>\n</html>\n")
                .arg(esc(doc.reportId), esc(doc.caseTitle));
    return html;
}

} // namespace inquest
