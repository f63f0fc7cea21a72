#pragma once

#include "model/kinds.h"

#include <QObject>
#include <QPoint>

#include <optional>

namespace inquest {

class ChartPlot;

// Dragging outage windows on the chart: an edge (any pane) resizes the window, its label (top
// of the traffic pane) moves it whole. The plot forwards its mouse events; while a drag is on,
// only the drawing follows the mouse, and the new span is reported once, on release, so one
// drag is one edit of the case.
class ChartMarkerDrag : public QObject
{
    Q_OBJECT

public:
    enum class Part { None, Begin, End, Whole };
    struct Hit
    {
        int index = -1; // into ChartMarks::marks()
        Id id = 0;
        Part part = Part::None;
    };
    struct Span
    {
        Id id = 0;
        qint64 beginUs = 0;
        qint64 endUs = 0;
    };

    static constexpr int EdgeSlop = 5;              // px either side of an edge
    static constexpr qint64 MinWidthUs = 1'000'000; // a window never shrinks below 1 s

    explicit ChartMarkerDrag(ChartPlot *plot);

    Hit hitAt(const QPoint &pos) const;
    // The cursor that says what a press at `pos` would do (nullopt: none of ours).
    std::optional<Qt::CursorShape> cursorAt(const QPoint &pos) const;
    bool isDragging() const { return m_hit.part != Part::None; }
    // Starts a drag when `pos` is on an edge or a label; false otherwise.
    bool press(const QPoint &pos);
    void move(const QPoint &pos);
    // Ends the drag; the new span, or nullopt when the window did not change.
    std::optional<Span> release(const QPoint &pos);
    void cancel();

private:
    Span spanAt(const QPoint &pos) const;

    ChartPlot *m_plot;
    Hit m_hit;
    QPoint m_pressPos;
    qint64 m_beginUs = 0;
    qint64 m_endUs = 0;
};

} // namespace inquest
