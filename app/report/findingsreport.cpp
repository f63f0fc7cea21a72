#include "findingsreport.h"

#include "htmlreport.h"
#include "pdfpostprocess.h"
#include "reportbuilder.h"
#include "reportpainter.h"

#include "version.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace inquest {

namespace {

ReportStyle styleFor(const ReportOptions &options)
{
    ReportStyle style;
    style.family = options.fontFamily;
    style.mono = options.monoFamily;
    return style;
}

QByteArray xmp(const ReportDocument &doc, const QDateTime &created)
{
    const auto e = [](const QString &s) { return s.toHtmlEscaped().toUtf8(); };
    const QByteArray date = created.toUTC().toString(Qt::ISODate).toLatin1();
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF "
           "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
           "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
           "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           e(doc.caseTitle) +
           "</rdf:li></rdf:Alt></dc:title>\n"
           "<dc:creator><rdf:Seq><rdf:li>" +
           e(doc.analyst) +
           "</rdf:li></rdf:Seq></dc:creator>\n"
           "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           e(doc.subject) +
           "</rdf:li></rdf:Alt></dc:description>\n"
           "<dc:identifier>" +
           e(doc.reportId) +
           "</dc:identifier>\n"
           "<xmp:CreatorTool>Inquest " INQUEST_VERSION "</xmp:CreatorTool>\n"
           "<xmp:CreateDate>" +
           date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
           "</xmp:ModifyDate>\n"
           "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

FindingsReport::FindingsReport(const CaseData &data, const ReportScores &scores, FigureRenderer *figures,
                               const ReportOptions &options)
    : m_options(options)
    , m_figures(figures)
    , m_doc(buildReport(data, scores, options, figures != nullptr))
    , m_layout(layoutReport(m_doc, styleFor(options)))
{
}

QByteArray FindingsReport::pdf() const
{
    const QDateTime created = reportTimestamp(m_options);
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(int(m_layout.style.dpi));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(m_doc.caseTitle);
        writer.setCreator(QStringLiteral("Inquest " INQUEST_VERSION));
        // Our own XMP packet: Qt's would carry the current time and a random document id.
        writer.setDocumentXmpMetadata(xmp(m_doc, created));
        QPainter painter(&writer);
        const ReportPainter pages(m_doc, m_layout, m_figures);
        for (int i = 0; i < pages.pageCount(); ++i) {
            if (i > 0)
                writer.newPage();
            pages.paintPage(painter, i);
        }
    }
    pdf::setCreationDate(bytes, created);
    QList<pdf::OutlineEntry> outline;
    for (const ReportDocument::Entry &e : m_doc.contents())
        outline.append({e.title, m_layout.anchorPages.value(e.anchor, -1), m_layout.style.topPt});
    pdf::DocumentInfo info{m_doc.caseTitle,
                           m_doc.analyst,
                           m_doc.subject,
                           QStringLiteral("Inquest " INQUEST_VERSION),
                           QStringLiteral("Inquest " INQUEST_VERSION " (Qt " QT_VERSION_STR ")"),
                           created};
    if (const auto problem = pdf::appendInfoAndOutline(bytes, info, outline, m_layout.style.pagePt.height()))
        qWarning("findings report: PDF outline not added: %s", qPrintable(*problem));
    return bytes;
}

QString FindingsReport::html() const { return reportHtml(m_doc, m_figures); }

QImage FindingsReport::pageImage(int page, int width) const
{
    return ReportPainter(m_doc, m_layout, m_figures).pageImage(page, width);
}

bool FindingsReport::writePdf(const QString &path, QString *error) const { return writeAtomically(path, pdf(), error); }

bool FindingsReport::writeHtml(const QString &path, QString *error) const
{
    return writeAtomically(path, html().toUtf8(), error);
}

} // namespace inquest
