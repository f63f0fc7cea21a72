#include "reportpainter.h"

#include "figurerenderer.h"

#include <QPainter>

namespace inquest {

ReportPainter::ReportPainter(const ReportDocument &doc, const ReportLayout &layout, FigureRenderer *figures)
    : m_doc(doc)
    , m_layout(layout)
    , m_figures(figures)
{
}

void ReportPainter::paintPage(QPainter &painter, int index) const
{
    const ReportStyle &style = m_layout.style;
    painter.save();
    for (const PageItem &item : m_layout.pages.at(index).items) {
        switch (item.kind) {
        case PageItem::Text:
            painter.setFont(style.font(item.font));
            painter.setPen(item.color);
            painter.drawText(item.rect, item.flags, item.text);
            break;
        case PageItem::PageRef:
            painter.setFont(style.font(item.font));
            painter.setPen(item.color);
            painter.drawText(item.rect, item.flags, QString::number(m_layout.anchorPages.value(item.anchor, -1) + 1));
            break;
        case PageItem::Fill:
            painter.fillRect(item.rect, item.color);
            break;
        case PageItem::Line:
            painter.setPen(QPen(item.color, style.dots(0.5)));
            painter.drawLine(item.rect.topLeft(), item.rect.bottomRight());
            break;
        case PageItem::Figure:
            paintFigure(painter, item);
            break;
        }
    }
    painter.restore();
    paintHeaderFooter(painter, index);
}

void ReportPainter::paintFigure(QPainter &painter, const PageItem &item) const
{
    painter.save();
    painter.setClipRect(item.rect);
    bool drawn = false;
    if (m_figures && item.block >= 0 && item.block < m_doc.blocks.size())
        drawn = m_figures->render(m_doc.blocks.at(item.block).chart, &painter, item.rect);
    painter.restore();
    painter.save();
    if (!drawn) {
        painter.setPen(QPen(Qt::gray, m_layout.style.dots(0.5)));
        painter.drawRect(item.rect);
        painter.setFont(m_layout.style.font(FontRole::Small));
        painter.drawText(item.rect, Qt::AlignCenter, QStringLiteral("Figure could not be drawn"));
    }
    painter.restore();
}

void ReportPainter::paintHeaderFooter(QPainter &painter, int index) const
{
    const ReportStyle &style = m_layout.style;
    const QRectF body = style.body();
    painter.save();
    painter.setFont(style.font(FontRole::PageHeader));
    painter.setPen(QColor(0x55, 0x55, 0x55));
    if (index > 0) { // the title page carries the case title in large type already
        const QRectF header(body.left(), style.dots(30), body.width(), style.dots(14));
        painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom,
                         QFontMetricsF(painter.font()).elidedText(m_doc.caseTitle, Qt::ElideRight, body.width() * 0.7));
        painter.drawText(header, Qt::AlignRight | Qt::AlignBottom, QStringLiteral("Findings report"));
        painter.setPen(QPen(QColor(0xaa, 0xaa, 0xaa), style.dots(0.5)));
        painter.drawLine(header.bottomLeft() + QPointF(0, style.dots(3)),
                         header.bottomRight() + QPointF(0, style.dots(3)));
        painter.setPen(QColor(0x55, 0x55, 0x55));
    }
    const QRectF footer(body.left(), style.pageSize().height() - style.dots(40), body.width(), style.dots(14));
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("%1 \u00b7 Inquest").arg(m_doc.reportId));
    painter.drawText(footer, Qt::AlignRight | Qt::AlignTop,
                     QStringLiteral("page %1 of %2").arg(index + 1).arg(m_layout.pages.size()));
    painter.restore();
}

QImage ReportPainter::pageImage(int index, int width) const
{
    const QSizeF page = m_layout.style.pageSize();
    const double scale = width / page.width();
    QImage image(width, int(page.height() * scale + 0.5), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    paintPage(painter, index);
    return image;
}

} // namespace inquest
