#pragma once

#include "pagelayout.h"
#include "reportdocument.h"
#include "reportoptions.h"
#include "reportscores.h"

#include <QImage>

namespace inquest {

struct CaseData;
class FigureRenderer;

// The findings report of one case: builds the content once, lays it out once, and gives the
// same pages as PDF bytes, preview images or HTML.
class FindingsReport
{
public:
    // `figures` may be null (no charts, with a note); it must outlive this object.
    FindingsReport(const CaseData &data, const ReportScores &scores, FigureRenderer *figures,
                   const ReportOptions &options);

    const ReportDocument &document() const { return m_doc; }
    const ReportLayout &layout() const { return m_layout; }
    int pageCount() const { return int(m_layout.pages.size()); }

    // The PDF: vector text with embedded fonts, title/author/subject metadata, an outline
    // per section, creation date = reportTimestamp(options).
    QByteArray pdf() const;
    QString html() const;
    QImage pageImage(int page, int width) const;

    // Atomic writes (QSaveFile). On failure *error names the file and the reason.
    bool writePdf(const QString &path, QString *error) const;
    bool writeHtml(const QString &path, QString *error) const;

private:
    ReportOptions m_options;
    FigureRenderer *m_figures;
    ReportDocument m_doc;
    ReportLayout m_layout;
};

} // namespace inquest
