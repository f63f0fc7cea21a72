#pragma once

#include "reportdocument.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QRectF>

namespace inquest {

enum class FontRole {
    Title,
    Heading1,
    Heading2,
    Body,
    BodyBold,
    Small,
    Table,
    TableBold,
    TableMono,
    TableHeader,
    PageHeader
};

// Page geometry and type of the printed report. Layout units are device dots at `dpi`
// (1200, QPdfWriter's default); fonts are sized in those dots, so the same layout paints
// identically on a QPdfWriter and, scaled, on a preview image.
struct ReportStyle
{
    double dpi = 1200;
    QSizeF pagePt{595.28, 841.89}; // A4 portrait
    double marginPt = 48;
    double topPt = 62;    // body starts below the page header
    double bottomPt = 56; // body ends above the footer
    QString family = QStringLiteral("DejaVu Sans");
    QString mono = QStringLiteral("DejaVu Sans Mono");

    double dots(double pt) const { return pt * dpi / 72.0; }
    QSizeF pageSize() const { return {dots(pagePt.width()), dots(pagePt.height())}; }
    QRectF body() const;
    QFont font(FontRole role) const;
};

// One thing to draw on a page, in dots.
struct PageItem
{
    enum Kind { Text, Fill, Line, Figure, PageRef };
    Kind kind = Text;
    QRectF rect;
    QString text;
    FontRole font = FontRole::Body;
    int flags = 0;  // Qt::AlignmentFlag | Qt::TextFlag for drawText
    QColor color;   // text, fill or line colour
    int block = -1; // index into ReportDocument::blocks (Figure: the figure to draw)
    QString anchor; // PageRef: print the page number of this anchor
};

struct LaidPage
{
    QList<PageItem> items;
};

// Where a table row went: the pagination the tests check (rows never split, headers repeated).
struct RowPlacement
{
    int block = -1;
    int row = -1; // -1: the table's header row
    int page = 0;
    QRectF rect;
    bool repeated = false; // a header repeated on a continuation page
};

struct ReportLayout
{
    ReportStyle style;
    QList<LaidPage> pages;
    QHash<QString, int> anchorPages; // 0-based page of each level-1 heading
    QList<RowPlacement> rows;
};

// Breaks the report into pages: headings stay with what follows, table rows are never split,
// tables continue on the next page under a repeated header, figures are kept whole.
ReportLayout layoutReport(const ReportDocument &doc, const ReportStyle &style);

} // namespace inquest
