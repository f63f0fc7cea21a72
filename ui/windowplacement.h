#pragma once

#include <QRect>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace inquest {

// The main window's size when nothing is saved yet: 1500×900 where the screen has room, else
// the whole available area (a 1280×800 laptop), centred on the screen's available geometry.
inline constexpr QSize PreferredWindowSize{1500, 900};
QRect firstStartGeometry(const QRect &available);
// Once shown, when its frame is known: the window with its frame inside the available geometry.
void fitFrameToScreen(QWidget *window);

// The docks of a first start. The chart needs `chartHeight` for all its panes (the Failed pane
// with them) and the timeline (the central widget) under it `timeline`: ten rows under a
// one-line filter bar. The evidence board takes a quarter of the height below them, less where
// the timeline needs it; where that would leave it fewer than a few rows of its own (below
// about 1100 px: a 1280×800 laptop, the usual 1500×900, 1600×1000), the Evidence and
// Statements docks join the Scoring dock on the right as tabs instead.
struct FirstStartDocks
{
    QDockWidget *sources, *chart, *evidence, *statements, *scoring;
    int chartHeight; // ChartDock::readableHeight
    QSize timeline;  // TimelineView::sizeForRows(TimelineRows)
};
inline constexpr int TimelineRows = 10;
inline constexpr int MinimumScoringWidth = 360;
void arrangeFirstStartDocks(QMainWindow *window, const FirstStartDocks &docks);

} // namespace inquest
