#pragma once

#include <QString>

#include <array>
#include <functional>

namespace inquest {

// How the chart's panes share its height. A pane squashed below a readable height overprints
// its rotated axis title and its value ticks, so panes leave the chart, lowest priority first,
// rather than shrink; the traffic pane always stays. Panes are in ChartPlot::Pane order
// (Traffic, Errors, Clients, Response, Metrics, Syslog).
struct ChartPaneLayout
{
    static constexpr int Count = 6;
    // Shares of the height.
    static constexpr std::array<double, Count> Stretch = {3.0, 2.0, 1.6, 1.4, 1.4, 1.1};
    // The least readable height of each pane's plotting area, px: a two-line rotated axis title
    // ("Requests / per minute") needs about this much; the syslog lane is a lane.
    static constexpr std::array<int, Count> MinimumHeight = {80, 80, 72, 72, 72, 30};
    // Which pane leaves first: metrics, response times, clients, the syslog lane, errors.
    static constexpr std::array<int, Count - 1> DropOrder = {4, 3, 2, 5, 1};

    // The pane to take out next, given the panes shown and their laid-out heights, and whether
    // the legend got less than it needs; -1 when all is readable or only traffic is left.
    static int collapseNext(const std::array<bool, Count> &shown, const std::function<int(int)> &heightOf,
                            bool legendCut = false);
    static QString name(int pane);
};

} // namespace inquest
