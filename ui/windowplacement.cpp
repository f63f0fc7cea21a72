#include "windowplacement.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>

namespace inquest {

QRect firstStartGeometry(const QRect &available)
{
    const QSize size = PreferredWindowSize.boundedTo(available.size());
    QRect r(QPoint(0, 0), size);
    r.moveCenter(available.center());
    // QRect::center rounds down: keep the window inside on an odd-sized area.
    r.moveTopLeft(QPoint(qMax(r.left(), available.left()), qMax(r.top(), available.top())));
    return r;
}

void fitFrameToScreen(QWidget *window)
{
    const QRect frame = window->frameGeometry(), inner = window->geometry();
    const QRect available = window->screen()->availableGeometry();
    if (available.contains(frame))
        return;
    const QMargins margins(inner.left() - frame.left(), inner.top() - frame.top(), frame.right() - inner.right(),
                           frame.bottom() - inner.bottom());
    window->setGeometry(firstStartGeometry(available.marginsRemoved(margins)));
}

void arrangeFirstStartDocks(QMainWindow *window, const FirstStartDocks &d)
{
    const int height = window->height(), width = window->width();
    if (height < CompactHeight) {
        window->addDockWidget(Qt::RightDockWidgetArea, d.evidence);
        window->addDockWidget(Qt::RightDockWidgetArea, d.statements);
        window->tabifyDockWidget(d.scoring, d.evidence);
        window->tabifyDockWidget(d.evidence, d.statements);
        d.scoring->raise();
        window->resizeDocks({d.chart}, {qMax(height * 50 / 100, d.chartHeight)}, Qt::Vertical);
        window->resizeDocks({d.sources, d.scoring}, {170, qMax(width * 28 / 100, 360)}, Qt::Horizontal);
        return;
    }
    // The curves and the evidence board need height, the scores width; the timeline between them
    // keeps a few rows.
    window->resizeDocks({d.chart, d.evidence}, {qMax(height * 40 / 100, d.chartHeight), height * 25 / 100},
                        Qt::Vertical);
    window->resizeDocks({d.sources, d.scoring}, {180, width * 28 / 100}, Qt::Horizontal);
}

} // namespace inquest
