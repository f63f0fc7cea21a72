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

// The docks of a first start. Below CompactHeight the Evidence and Statements docks join the
// Scoring dock on the right as tabs: under the chart and the timeline there is no height left
// for them, and the chart needs `chartHeight` for all its panes (the Failed pane with them).
struct FirstStartDocks
{
    QDockWidget *sources, *chart, *evidence, *statements, *scoring;
    int chartHeight; // ChartDock::readableHeight
};
inline constexpr int CompactHeight = 900;
void arrangeFirstStartDocks(QMainWindow *window, const FirstStartDocks &docks);

} // namespace inquest
