#pragma once

#include "model/curvespec.h"

#include <QList>
#include <QSharedPointer>
#include <QString>

#include <vector>

class QCPAbstractPlottable;
class QCPAxis;
class QCPAxisRect;
class QCPAxisTicker;

namespace inquest {

// The value axes of the analyst's curves on the right of the traffic pane: one axis per unit
// ("events per minute", "ms", "bytes"), shared by the curves of that unit, each fitted to its own
// curves. A count of a few errors and a mean response time in ms are then both readable, and the
// requests on the left axis keep their scale. Axes beyond the first are made when first needed
// and hidden, not deleted, when no curve needs them (plottables may still point at them).
class ChartCurveAxes
{
public:
    explicit ChartCurveAxes(QCPAxisRect *rect);

    // Starts a drawing: every axis is free again.
    void begin();
    // The axis for a curve (its unit's, made or reused), labelled with the unit.
    QCPAxis *axisFor(const CurveSpec &curve, const QString &binText);
    // Fits each axis in use to the visible part of the plottables drawn on it, hides the rest.
    void finish(const QList<QCPAbstractPlottable *> &plottables, double visibleFrom, double visibleTo);

    // The axes in use, in the order they were handed out (tests).
    QList<QCPAxis *> axesInUse() const;
    // How many times finish() fitted the axes: once per drawing of the curves, which follows a
    // re-bin of the chart, never a frame of a pan (tests).
    int fitCount() const { return m_fits; }
    // The unit an axis stands for ("events per bin", "ms"); empty for one not in use.
    QString unitOf(const QCPAxis *axis) const;

    // "events", "ms per bin": the key that decides which curves share an axis.
    static QString unitKey(const CurveSpec &curve);

private:
    struct Slot
    {
        QCPAxis *axis;
        QString unit; // empty: free
        QSharedPointer<QCPAxisTicker> countTicker, plainTicker;
    };
    QCPAxisRect *m_rect;
    std::vector<Slot> m_slots;
    int m_fits = 0;
};

} // namespace inquest
