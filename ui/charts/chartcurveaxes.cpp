#include "chartcurveaxes.h"
#include "chartplot.h"

#include "analysis/curveseries.h"

#include <qcustomplot.h>

namespace inquest {

namespace {
const QColor Neutral(0x44, 0x44, 0x44);
}

ChartCurveAxes::ChartCurveAxes(QCPAxisRect *rect)
    : m_rect(rect)
{
}

QString ChartCurveAxes::unitKey(const CurveSpec &curve)
{
    return curveIsPerBin(curve) ? curveUnit(curve) + QStringLiteral(" per bin") : curveUnit(curve);
}

void ChartCurveAxes::begin()
{
    for (Slot &s : m_slots)
        s.unit.clear();
}

QCPAxis *ChartCurveAxes::axisFor(const CurveSpec &curve, const QString &binText)
{
    const QString unit = unitKey(curve);
    for (const Slot &s : m_slots) {
        if (s.unit == unit)
            return s.axis;
    }
    auto free = std::find_if(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.unit.isEmpty(); });
    if (free == m_slots.end()) {
        // The pane's own right axis first, then new ones further out.
        QCPAxis *axis = m_slots.empty() ? m_rect->axis(QCPAxis::atRight) : m_rect->addAxis(QCPAxis::atRight);
        axis->grid()->setVisible(false);
        m_slots.push_back({axis, QString(), makeCountTicker(), QSharedPointer<QCPAxisTicker>::create()});
        free = m_slots.end() - 1;
    }
    free->unit = unit;
    QCPAxis *axis = free->axis;
    // Two lines, as the left axes: a short pane has no room for one long rotated title.
    axis->setLabel(curveIsPerBin(curve) && !binText.isEmpty()
                       ? curveUnit(curve) + u'\n' + QObject::tr("per %1").arg(binText)
                       : curveUnit(curve));
    // Counts take whole-number ticks ("2.5 events" is no count); means and percentiles any.
    const QSharedPointer<QCPAxisTicker> &ticker =
        curve.aggregate == CurveAggregate::Count ? free->countTicker : free->plainTicker;
    // As many ticks as the pane's own axis (ChartPlot::fitTickCounts fits them to its height).
    ticker->setTickCount(m_rect->axis(QCPAxis::atLeft)->ticker()->tickCount());
    if (axis->ticker() != ticker)
        axis->setTicker(ticker);
    return axis;
}

void ChartCurveAxes::finish(const QList<QCPAbstractPlottable *> &plottables, double visibleFrom, double visibleTo)
{
    ++m_fits;
    for (const Slot &s : m_slots) {
        QCPAxis *axis = s.axis;
        const bool used = !s.unit.isEmpty();
        axis->setVisible(used);
        axis->setTickLabels(used);
        if (!used) {
            axis->setLabel(QString());
            continue;
        }
        double top = 0;
        QList<QColor> colours;
        for (QCPAbstractPlottable *p : plottables) {
            if (p->valueAxis() != axis)
                continue;
            colours.append(p->pen().color());
            bool found = false;
            const QCPRange r = p->getValueRange(found, QCP::sdBoth, QCPRange(visibleFrom, visibleTo));
            if (found)
                top = qMax(top, r.upper);
        }
        axis->setRange(0, top > 0 ? top * 1.12 : 1);
        // An axis of one curve takes its colour, so the eye finds which scale a curve reads on.
        QColor colour = colours.size() == 1 ? colours.front() : Neutral;
        colour.setAlpha(255);
        axis->setLabelColor(colour);
        axis->setTickLabelColor(colour);
        axis->setBasePen(QPen(colour, 0));
        axis->setTickPen(QPen(colour, 0));
        axis->setSubTickPen(QPen(colour, 0));
    }
}

QList<QCPAxis *> ChartCurveAxes::axesInUse() const
{
    QList<QCPAxis *> axes;
    for (const Slot &s : m_slots) {
        if (!s.unit.isEmpty())
            axes.append(s.axis);
    }
    return axes;
}

QString ChartCurveAxes::unitOf(const QCPAxis *axis) const
{
    for (const Slot &s : m_slots) {
        if (s.axis == axis)
            return s.unit;
    }
    return {};
}

} // namespace inquest
