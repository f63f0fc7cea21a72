#include "chartmarkerdrag.h"
#include "chartmarks.h"
#include "chartplot.h"

namespace inquest {

ChartMarkerDrag::ChartMarkerDrag(ChartPlot *plot)
    : QObject(plot)
    , m_plot(plot)
{
}

ChartMarkerDrag::Hit ChartMarkerDrag::hitAt(const QPoint &pos) const
{
    if (m_plot->paneAt(pos) == ChartPlot::PaneCount)
        return {};
    const ChartMarks *marks = m_plot->marks();
    const QList<ChartMarks::Mark> &list = marks->marks();
    const QList<QCPItemText *> labels = marks->labels();
    QCPAxis *x = m_plot->timeAxis();
    Hit best;
    double bestDistance = EdgeSlop + 1;
    for (int i = 0; i < list.size(); ++i) {
        const ChartMarks::Mark &m = list[i];
        if (m.kind != ChartMarks::Mark::Outage || m.end <= m.begin)
            continue;
        // The label first: it sits inside the window, and grabbing it means "move".
        if (QCPItemText *label = labels.value(i); label && label->visible()) {
            const QRectF box(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition());
            if (box.contains(pos))
                return {i, m.id, Part::Whole};
        }
        const double b = std::abs(x->coordToPixel(double(m.begin) / 1e6) - pos.x());
        const double e = std::abs(x->coordToPixel(double(m.end) / 1e6) - pos.x());
        if (b < bestDistance) {
            bestDistance = b;
            best = {i, m.id, Part::Begin};
        }
        if (e < bestDistance) { // ties go to the end edge: a window narrower than the slop grows
            bestDistance = e;
            best = {i, m.id, Part::End};
        }
    }
    return best;
}

std::optional<Qt::CursorShape> ChartMarkerDrag::cursorAt(const QPoint &pos) const
{
    switch (hitAt(pos).part) {
    case Part::Begin:
    case Part::End:
        return Qt::SizeHorCursor;
    case Part::Whole:
        return Qt::OpenHandCursor;
    case Part::None:
        break;
    }
    return std::nullopt;
}

bool ChartMarkerDrag::press(const QPoint &pos)
{
    m_hit = hitAt(pos);
    if (m_hit.part == Part::None)
        return false;
    const ChartMarks::Mark &m = m_plot->marks()->marks().at(m_hit.index);
    m_beginUs = m.begin;
    m_endUs = m.end;
    m_pressPos = pos;
    m_plot->setCursor(m_hit.part == Part::Whole ? Qt::ClosedHandCursor : Qt::SizeHorCursor);
    return true;
}

ChartMarkerDrag::Span ChartMarkerDrag::spanAt(const QPoint &pos) const
{
    QCPAxis *x = m_plot->timeAxis();
    const auto delta = qint64(std::llround((x->pixelToCoord(pos.x()) - x->pixelToCoord(m_pressPos.x())) * 1e6));
    Span s{m_hit.id, m_beginUs, m_endUs};
    switch (m_hit.part) {
    case Part::Begin:
        s.beginUs = std::min(m_beginUs + delta, m_endUs - std::min(MinWidthUs, m_endUs - m_beginUs));
        break;
    case Part::End:
        s.endUs = std::max(m_endUs + delta, m_beginUs + std::min(MinWidthUs, m_endUs - m_beginUs));
        break;
    case Part::Whole:
        s.beginUs += delta;
        s.endUs += delta;
        break;
    case Part::None:
        break;
    }
    return s;
}

void ChartMarkerDrag::move(const QPoint &pos)
{
    if (!isDragging())
        return;
    const Span s = spanAt(pos);
    m_plot->marks()->moveMark(m_hit.index, s.beginUs, s.endUs);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::optional<ChartMarkerDrag::Span> ChartMarkerDrag::release(const QPoint &pos)
{
    if (!isDragging())
        return std::nullopt;
    const Span s = spanAt(pos);
    cancel(); // redraws the old span; the case's change redraws the new one
    if (s.beginUs == m_beginUs && s.endUs == m_endUs)
        return std::nullopt;
    return s;
}

void ChartMarkerDrag::cancel()
{
    if (!isDragging())
        return;
    m_plot->marks()->moveMark(m_hit.index, m_beginUs, m_endUs);
    m_hit = {};
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace inquest
