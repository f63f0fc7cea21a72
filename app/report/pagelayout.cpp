#include "pagelayout.h"

#include <QFontMetricsF>

#include <cmath>

namespace inquest {

QRectF ReportStyle::body() const
{
    return QRectF(QPointF(dots(marginPt), dots(topPt)),
                  QPointF(dots(pagePt.width() - marginPt), dots(pagePt.height() - bottomPt)));
}

QFont ReportStyle::font(FontRole role) const
{
    double pt = 9;
    bool bold = false;
    bool fixed = false;
    switch (role) {
    case FontRole::Title:
        pt = 22, bold = true;
        break;
    case FontRole::Heading1:
        pt = 15, bold = true;
        break;
    case FontRole::Heading2:
        pt = 11, bold = true;
        break;
    case FontRole::Body:
        pt = 9;
        break;
    case FontRole::BodyBold:
        pt = 9, bold = true;
        break;
    case FontRole::Small:
        pt = 7.5;
        break;
    case FontRole::Table:
        pt = 7.5;
        break;
    case FontRole::TableBold:
        pt = 7.5, bold = true;
        break;
    case FontRole::TableMono:
        pt = 7.5, fixed = true;
        break;
    case FontRole::TableHeader:
        pt = 7.5, bold = true;
        break;
    case FontRole::PageHeader:
        pt = 7;
        break;
    }
    QFont f(fixed ? mono : family);
    // Pixel (= dot) sizes make metrics independent of the paint device: the layout measured
    // here is what QPdfWriter and a scaled preview image both draw.
    f.setPixelSize(int(std::lround(dots(pt))));
    f.setBold(bold);
    f.setKerning(false);
    // Any letter spacing turns ligatures off: "offline" must stay searchable and copyable in
    // the PDF instead of becoming "o\uFB04ine". 0.05 dot (QFixed rounds anything under 1/64 to 0) is invisible at 1200
    // dpi.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    f.setHintingPreference(QFont::PreferNoHinting);
    if (fixed)
        f.setStyleHint(QFont::Monospace);
    return f;
}

namespace {

constexpr int WrapFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

class Layouter
{
public:
    Layouter(const ReportDocument &doc, const ReportStyle &style)
        : m_doc(doc)
        , m_style(style)
        , m_body(style.body())
    {
        m_layout.style = style;
        m_layout.pages.append(LaidPage{});
        m_y = m_body.top();
    }

    ReportLayout run()
    {
        for (int i = 0; i < m_doc.blocks.size(); ++i)
            place(i);
        return std::move(m_layout);
    }

private:
    LaidPage &page() { return m_layout.pages.last(); }
    int pageIndex() const { return int(m_layout.pages.size() - 1); }
    double room() const { return m_body.bottom() - m_y; }
    bool pageEmpty() const { return m_y <= m_body.top() + 0.5; }
    double gap(double pt) const { return m_style.dots(pt); }

    void newPage()
    {
        m_layout.pages.append(LaidPage{});
        m_y = m_body.top();
    }

    // Height of text in `width`, and the flags that give it: words wrap, and a word wider than
    // the box (a hash, a URL) breaks anywhere rather than running into the next column.
    std::pair<double, int> measure(const QString &text, FontRole role, double width, bool anywhere = false) const
    {
        const QFontMetricsF fm(m_style.font(role));
        int flags = WrapFlags | (anywhere ? Qt::TextWrapAnywhere : 0);
        QRectF r = fm.boundingRect(QRectF(0, 0, width, 1e9), flags, text);
        if (!anywhere && r.width() > width + 0.5) {
            flags |= Qt::TextWrapAnywhere;
            r = fm.boundingRect(QRectF(0, 0, width, 1e9), flags, text);
        }
        return {std::ceil(r.height()), flags};
    }

    void addText(const QRectF &rect, const QString &text, FontRole role, int flags, QColor color = Qt::black)
    {
        PageItem item;
        item.kind = PageItem::Text;
        item.rect = rect;
        item.text = text;
        item.font = role;
        item.flags = flags;
        item.color = color;
        page().items.append(item);
    }

    void addShape(PageItem::Kind kind, const QRectF &rect, QColor color)
    {
        PageItem item;
        item.kind = kind;
        item.rect = rect;
        item.color = color;
        page().items.append(item);
    }

    // A block of text in the full body width; moved to a new page when it does not fit.
    void textBlock(const QString &text, FontRole role, double before, double after, QColor color = Qt::black)
    {
        const auto [h, flags] = measure(text, role, m_body.width());
        if (!pageEmpty())
            m_y += before;
        if (h > room() && !pageEmpty())
            newPage();
        addText(QRectF(m_body.left(), m_y, m_body.width(), qMin(h, room())), text, role, flags, color);
        m_y += h + after;
    }

    // What must fit under a heading for it not to be orphaned: the next block's first piece.
    double firstPieceHeight(int index) const
    {
        if (index >= m_doc.blocks.size())
            return 0;
        const ReportBlock &b = m_doc.blocks.at(index);
        switch (b.type) {
        case ReportBlock::Paragraph:
            // An introduction belongs with the figure or table it introduces.
            return gap(2) + paragraphHeight(b) + introducedHeight(index);
        case ReportBlock::Table: {
            const Table &t = tableGeometry(b);
            if (keepTogether(t))
                return gap(4) + totalHeight(t);
            return gap(4) + t.headerHeight + (t.rowHeights.isEmpty() ? 0 : t.rowHeights.first());
        }
        case ReportBlock::Figure:
            return figureHeight(b);
        case ReportBlock::Heading: // as placed: the gap above, the heading, the gap below, what follows
            return (b.level == 1 ? gap(14) : gap(8)) +
                   measure(b.text, b.level == 1 ? FontRole::Heading1 : FontRole::Heading2, m_body.width()).first +
                   gap(6) + firstPieceHeight(index + 1);
        default:
            return 0;
        }
    }

    double paragraphHeight(const ReportBlock &b) const
    {
        return measure(b.text,
                       b.small      ? FontRole::Small
                       : b.emphasis ? FontRole::BodyBold
                                    : FontRole::Body,
                       m_body.width())
            .first;
    }

    // What must follow a paragraph on its page: the start of the figure or table after it.
    double introducedHeight(int paragraph) const
    {
        if (paragraph + 1 >= m_doc.blocks.size())
            return 0;
        const ReportBlock &next = m_doc.blocks.at(paragraph + 1);
        if (next.type == ReportBlock::Figure)
            return gap(8) + figureHeight(next);
        if (next.type == ReportBlock::Table)
            return gap(6) + firstPieceHeight(paragraph + 1);
        return 0;
    }

    struct Table
    {
        QList<double> x;      // column left edges
        QList<double> widths; // column widths
        double headerHeight = 0;
        QList<int> headerFlags;
        QList<double> rowHeights;
        QList<QList<int>> cellFlags;
    };

    double pad() const { return gap(3); }

    static double totalHeight(const Table &t)
    {
        double h = t.headerHeight;
        for (double r : t.rowHeights)
            h += r;
        return h;
    }

    // Short tables (a source's key/value list, the scores) read badly when split: keep them whole.
    bool keepTogether(const Table &t) const
    {
        return t.rowHeights.size() <= 12 && totalHeight(t) < m_body.height() / 3;
    }

    FontRole cellFont(const ReportBlock &b, int row, int col) const
    {
        if (b.isMono(row, col))
            return FontRole::TableMono;
        return b.emphasis && col == 0 ? FontRole::TableBold : FontRole::Table;
    }

    // Measured once per table: a heading's keep-with-next check and the table itself both need it.
    const Table &tableGeometry(const ReportBlock &b) const
    {
        const qsizetype key = &b - m_doc.blocks.constData();
        auto it = m_tables.constFind(key);
        if (it == m_tables.cend())
            it = m_tables.insert(key, measureTable(b));
        return *it;
    }

    Table measureTable(const ReportBlock &b) const
    {
        Table t;
        const qsizetype columns = qMax(b.header.size(), b.widths.size());
        double total = 0;
        for (qsizetype c = 0; c < columns; ++c)
            total += c < b.widths.size() ? b.widths.at(c) : 1.0;
        double x = m_body.left();
        for (qsizetype c = 0; c < columns; ++c) {
            const double w = m_body.width() * (c < b.widths.size() ? b.widths.at(c) : 1.0) / total;
            t.x.append(x);
            t.widths.append(w);
            x += w;
        }
        // A row taller than a page could never be placed whole: it is clipped to one page.
        const double maxRow = m_body.height() * 0.8;
        for (qsizetype c = 0; c < b.header.size() && c < columns; ++c) {
            const auto [h, flags] = measure(b.header.at(c), FontRole::TableHeader, t.widths.at(c) - 2 * pad());
            t.headerHeight = qMax(t.headerHeight, h + 2 * pad());
            t.headerFlags.append(flags);
        }
        for (int r = 0; r < b.rows.size(); ++r) {
            const QStringList &row = b.rows.at(r);
            double height = 0;
            QList<int> flags;
            for (int c = 0; c < columns; ++c) {
                const auto [h, f] =
                    measure(row.value(c), cellFont(b, r, c), t.widths.at(c) - 2 * pad(), b.isMono(r, c));
                height = qMax(height, h);
                flags.append(f);
            }
            t.rowHeights.append(qMin(height + 2 * pad(), maxRow));
            t.cellFlags.append(flags);
        }
        return t;
    }

    void tableHeader(int index, const ReportBlock &b, const Table &t, bool repeated)
    {
        const QRectF rect(m_body.left(), m_y, m_body.width(), t.headerHeight);
        addShape(PageItem::Fill, rect, QColor(0xdd, 0xe3, 0xea));
        for (qsizetype c = 0; c < t.headerFlags.size(); ++c) {
            addText(QRectF(t.x.at(c) + pad(), m_y + pad(), t.widths.at(c) - 2 * pad(), t.headerHeight - 2 * pad()),
                    b.header.at(c), FontRole::TableHeader, t.headerFlags.at(c));
        }
        m_layout.rows.append({index, -1, pageIndex(), rect, repeated});
        m_y += t.headerHeight;
    }

    void table(int index, const ReportBlock &b)
    {
        const Table &t = tableGeometry(b);
        if (!pageEmpty())
            m_y += gap(4);
        const double first =
            keepTogether(t) ? totalHeight(t) : t.headerHeight + (t.rowHeights.isEmpty() ? 0 : t.rowHeights.first());
        if (first > room() && !pageEmpty())
            newPage();
        if (!b.header.isEmpty())
            tableHeader(index, b, t, false);
        for (int r = 0; r < b.rows.size(); ++r) {
            const double h = t.rowHeights.at(r);
            if (h > room() && !(pageEmpty())) {
                newPage();
                if (!b.header.isEmpty())
                    tableHeader(index, b, t, true);
            }
            const QRectF rect(m_body.left(), m_y, m_body.width(), h);
            if (r % 2 == 1 && !b.header.isEmpty())
                addShape(PageItem::Fill, rect, QColor(0xf4, 0xf6, 0xf8));
            for (int c = 0; c < t.x.size(); ++c)
                addText(QRectF(t.x.at(c) + pad(), m_y + pad(), t.widths.at(c) - 2 * pad(), h - 2 * pad()),
                        b.rows.at(r).value(c), cellFont(b, r, c), t.cellFlags.at(r).at(c));
            addShape(PageItem::Line, QRectF(rect.bottomLeft(), rect.bottomRight()), QColor(0xc8, 0xcf, 0xd8));
            m_layout.rows.append({index, r, pageIndex(), rect, false});
            m_y += h;
        }
        m_y += gap(6);
    }

    QSizeF figureSize(const ReportBlock &b) const
    {
        QSizeF size(m_style.dots(b.chart.size.width()), m_style.dots(b.chart.size.height()));
        if (size.width() > m_body.width())
            size *= m_body.width() / size.width();
        return size;
    }

    double figureHeight(const ReportBlock &b) const
    {
        return figureSize(b).height() + measure(b.text, FontRole::Small, m_body.width()).first + gap(4);
    }

    void figure(int index, const ReportBlock &b)
    {
        if (!pageEmpty())
            m_y += gap(6);
        if (figureHeight(b) > room() && !pageEmpty())
            newPage();
        const QSizeF size = figureSize(b);
        PageItem item;
        item.kind = PageItem::Figure;
        item.rect = QRectF(QPointF(m_body.left() + (m_body.width() - size.width()) / 2, m_y), size);
        item.block = index;
        page().items.append(item);
        m_y += size.height() + gap(2);
        textBlock(b.text, FontRole::Small, 0, gap(8), QColor(0x44, 0x44, 0x44));
    }

    void contents(const ReportBlock &b)
    {
        textBlock(b.text, FontRole::Heading1, gap(8), gap(10));
        const QFontMetricsF fm(m_style.font(FontRole::Body));
        const double line = fm.height() * 1.6;
        const QList<ReportDocument::Entry> entries = m_doc.contents();
        for (const ReportDocument::Entry &e : entries) {
            if (line > room())
                newPage();
            addText(QRectF(m_body.left(), m_y, m_body.width() * 0.8, line), e.title, FontRole::Body,
                    Qt::AlignLeft | Qt::AlignVCenter);
            PageItem ref;
            ref.kind = PageItem::PageRef;
            ref.rect = QRectF(m_body.left() + m_body.width() * 0.8, m_y, m_body.width() * 0.2, line);
            ref.anchor = e.anchor;
            ref.font = FontRole::Body;
            ref.flags = Qt::AlignRight | Qt::AlignVCenter;
            ref.color = Qt::black;
            page().items.append(ref);
            addShape(PageItem::Line, QRectF(QPointF(m_body.left(), m_y + line), QPointF(m_body.right(), m_y + line)),
                     QColor(0xe0, 0xe0, 0xe0));
            m_y += line;
        }
    }

    void place(int index)
    {
        const ReportBlock &b = m_doc.blocks.at(index);
        switch (b.type) {
        case ReportBlock::Title:
            m_y += gap(120);
            textBlock(b.text, FontRole::Title, 0, gap(8), QColor(0x1f, 0x3a, 0x5f));
            break;
        case ReportBlock::Heading: {
            const FontRole role = b.level == 1 ? FontRole::Heading1 : FontRole::Heading2;
            const double before = b.level == 1 ? gap(14) : gap(8);
            const double h = measure(b.text, role, m_body.width()).first;
            if (!pageEmpty() && before + h + gap(6) + firstPieceHeight(index + 1) > room())
                newPage();
            if (!b.anchor.isEmpty())
                m_layout.anchorPages.insert(b.anchor, pageIndex());
            textBlock(b.text, role, before, gap(6), QColor(0x1f, 0x3a, 0x5f));
            if (b.level == 1)
                addShape(PageItem::Line,
                         QRectF(QPointF(m_body.left(), m_y - gap(4)), QPointF(m_body.right(), m_y - gap(4))),
                         QColor(0x1f, 0x3a, 0x5f));
            break;
        }
        case ReportBlock::Paragraph:
            if (const double together = paragraphHeight(b) + introducedHeight(index);
                !pageEmpty() && gap(2) + together > room() && together < m_body.height() / 2)
                newPage();
            textBlock(b.text,
                      b.small      ? FontRole::Small
                      : b.emphasis ? FontRole::BodyBold
                                   : FontRole::Body,
                      gap(2), gap(6), b.small ? QColor(0x44, 0x44, 0x44) : QColor(Qt::black));
            break;
        case ReportBlock::Table:
            table(index, b);
            break;
        case ReportBlock::Figure:
            figure(index, b);
            break;
        case ReportBlock::Contents:
            contents(b);
            break;
        case ReportBlock::PageBreak:
            if (!pageEmpty())
                newPage();
            break;
        }
    }

    const ReportDocument &m_doc;
    const ReportStyle &m_style;
    const QRectF m_body;
    ReportLayout m_layout;
    double m_y = 0;
    mutable QHash<qsizetype, Table> m_tables;
};

} // namespace

ReportLayout layoutReport(const ReportDocument &doc, const ReportStyle &style) { return Layouter(doc, style).run(); }

} // namespace inquest
