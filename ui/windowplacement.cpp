#include "windowplacement.h"

#include <QDockWidget>
#include <QLayout>
#include <QMainWindow>
#include <QScreen>
#include <QStyle>

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

namespace {

// The Evidence and Statements docks as tabs beside the Scoring dock, the timeline under the chart.
void arrangeCompact(QMainWindow *window, const FirstStartDocks &d)
{
    const int height = window->height(), width = window->width();
    window->addDockWidget(Qt::RightDockWidgetArea, d.evidence);
    window->addDockWidget(Qt::RightDockWidgetArea, d.statements);
    window->tabifyDockWidget(d.scoring, d.evidence);
    window->tabifyDockWidget(d.evidence, d.statements);
    d.scoring->raise();
    window->resizeDocks({d.chart}, {qMax(height * 45 / 100, d.chartHeight)}, Qt::Vertical);
    window->resizeDocks({d.sources, d.scoring}, {170, qMax(width * 28 / 100, MinimumScoringWidth)}, Qt::Horizontal);
}

} // namespace

void arrangeFirstStartDocks(QMainWindow *window, const FirstStartDocks &d)
{
    const int height = window->height(), width = window->width();
    // The curves need their readable height, the scores width, and the timeline between them
    // its rows and a filter bar on one line; the evidence board below takes a quarter of the
    // height, less where the timeline needs it, but not less than a few rows of its own.
    const int sourcesWidth = 180, separators = 2 * window->style()->pixelMetric(QStyle::PM_DockWidgetSeparatorExtent);
    const int scoringWidth = qBound(MinimumScoringWidth, width - sourcesWidth - d.timeline.width() - separators,
                                    qMax(MinimumScoringWidth, width * 28 / 100));
    window->resizeDocks({d.sources, d.scoring}, {sourcesWidth, scoringWidth}, Qt::Horizontal);
    window->resizeDocks({d.chart, d.evidence}, {qMax(height * 40 / 100, d.chartHeight), height * 25 / 100},
                        Qt::Vertical);
    window->layout()->activate();
    const int missing = d.timeline.height() - window->centralWidget()->height();
    if (missing <= 0)
        return;
    const int evidenceRows = 4 * d.evidence->fontMetrics().height();
    const int evidence = d.evidence->height() - missing;
    if (evidence < d.evidence->minimumSizeHint().height() + evidenceRows) {
        // No height for both under the chart: the board joins the scores, with the whole width
        // of the right column, and the timeline keeps its rows.
        arrangeCompact(window, d);
        return;
    }
    window->resizeDocks({d.evidence}, {evidence}, Qt::Vertical);
}

} // namespace inquest
