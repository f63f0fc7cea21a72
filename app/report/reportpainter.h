#pragma once

#include "pagelayout.h"

#include <QImage>

class QPainter;

namespace inquest {

class FigureRenderer;

// Paints laid-out pages: the PDF writer and the export dialog's preview share it, so the
// preview shows exactly the pages the PDF gets.
class ReportPainter
{
public:
    ReportPainter(const ReportDocument &doc, const ReportLayout &layout, FigureRenderer *figures);
    // Paints page `index` (0-based) in layout units (dots) at the painter's current transform.
    void paintPage(QPainter &painter, int index) const;
    // A page as an image `width` pixels wide (white background), for previews and tests.
    QImage pageImage(int index, int width) const;
    int pageCount() const { return int(m_layout.pages.size()); }

private:
    void paintHeaderFooter(QPainter &painter, int index) const;
    void paintFigure(QPainter &painter, const PageItem &item) const;

    const ReportDocument &m_doc;
    const ReportLayout &m_layout;
    FigureRenderer *m_figures;
};

} // namespace inquest
