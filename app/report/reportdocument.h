#pragma once

#include "figurerenderer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace inquest {

// The findings report as a neutral list of blocks. The builder fills it once; the PDF layout
// and the HTML writer both print it, so the two exports always say the same thing.
struct ReportBlock
{
    enum Type { Title, Heading, Paragraph, Table, Figure, Contents, PageBreak };
    Type type = Paragraph;

    int level = 1;         // Heading: 1 = section (outline entry, starts a page), 2 = subsection
    QString text;          // Title, Heading, Paragraph; Figure: caption
    QString anchor;        // Heading level 1: the id the contents and the outline point at
    bool emphasis = false; // Paragraph: bold; Table: first column bold
    bool small = false;    // Paragraph: a note in smaller type

    // Table. An empty header makes a key/value list. Widths are relative (they are scaled to
    // the page). Mono columns (hashes) use the fixed-width font and may break anywhere.
    QStringList header;
    QList<double> widths;
    QList<bool> mono;
    QList<int> monoRows; // rows whose cells after the first are mono (a hash in a key/value list)
    QList<QStringList> rows;

    ChartSpec chart; // Figure

    static ReportBlock heading(const QString &text, int level, const QString &anchor = {})
    {
        ReportBlock b;
        b.type = Heading;
        b.text = text;
        b.level = level;
        b.anchor = anchor;
        return b;
    }
    static ReportBlock paragraph(const QString &text, bool emphasis = false, bool small = false)
    {
        ReportBlock b;
        b.type = Paragraph;
        b.text = text;
        b.emphasis = emphasis;
        b.small = small;
        return b;
    }
    static ReportBlock table(const QStringList &header, const QList<double> &widths)
    {
        ReportBlock b;
        b.type = Table;
        b.header = header;
        b.widths = widths;
        return b;
    }
    static ReportBlock pageBreak()
    {
        ReportBlock b;
        b.type = PageBreak;
        return b;
    }
    bool isMono(int row, int column) const
    {
        return (column < mono.size() && mono.at(column)) || (column > 0 && monoRows.contains(row));
    }
};

struct ReportDocument
{
    QString caseTitle;
    QString analyst;
    QString reportId;
    QString subject;
    QString timeZone;
    QList<ReportBlock> blocks;

    struct Entry
    {
        QString title;
        QString anchor;
    };
    // The level-1 headings in order (contents page, PDF outline, HTML navigation).
    QList<Entry> contents() const;
};

} // namespace inquest
