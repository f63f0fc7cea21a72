#pragma once

#include "model/kinds.h"

#include <QList>
#include <QObject>
#include <QPoint>
#include <QString>

class QCPAbstractItem;
class QCPItemText;

namespace inquest {

class ChartPlot;
struct CaseData;

// The analyst's and the case's marks drawn over every pane: statements (a vertical line with
// a short label at each resolved time), outage windows and detector findings (full-height
// rectangles: y in axis-rect ratio coordinates), evidence time ranges. Labels are stacked in
// rows so that they never overlap.
class ChartMarks : public QObject
{
    Q_OBJECT

public:
    struct Mark
    {
        enum Kind { Statement, Outage, Finding, Note, Evidence };
        Kind kind = Statement;
        Id id = 0;        // the statement, marker or evidence id
        qint64 begin = 0; // µs UTC
        qint64 end = 0;
        QString label;
        QString detail;
    };

    explicit ChartMarks(ChartPlot *plot);
    ~ChartMarks() override;

    static QList<Mark> fromCase(const CaseData &data);
    void setMarks(const QList<Mark> &marks);
    const QList<Mark> &marks() const { return m_marks; }
    // Places the labels for the current zoom (called on every range change; cheap).
    void layoutLabels();
    // One time range drawn emphasised over every pane (the item shown from the evidence board);
    // replaces the previous one, survives setMarks(). end <= begin removes it.
    void setHighlight(qint64 beginUs, qint64 endUs);
    std::pair<qint64, qint64> highlight() const { return m_highlight; }
    // The outage window, finding or note under a widget position (0 if none).
    Id markerAt(const QPoint &pos) const;
    // Label text items, for tests and screenshots checks.
    QList<QCPItemText *> labels() const;
    // Redraws mark `index` over [beginUs, endUs) while it is being dragged (the case is told
    // when the drag ends, and setMarks() follows).
    void moveMark(int index, qint64 beginUs, qint64 endUs);

private:
    void clear();

    ChartPlot *m_plot;
    QList<Mark> m_marks;
    QList<QList<QCPAbstractItem *>> m_items; // per mark
    QList<QCPItemText *> m_labels;           // per mark (may be null)
    std::pair<qint64, qint64> m_highlight{0, 0};
    QList<QCPAbstractItem *> m_highlightItems; // per pane
};

} // namespace inquest
