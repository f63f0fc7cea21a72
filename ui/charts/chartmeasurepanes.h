#pragma once

#include "analysis/chartdata.h"

#include <QObject>

#include <vector>

class QCPGraph;
class QCPLegend;

namespace inquest {

class ChartPlot;

// The curves of the two panes that only some cases have: response-time percentiles (p50, p95,
// p99 per site, where access logs record response times) and the numeric columns of CSV
// metric sources (one curve per column, with a legend of their own). The plot shows a pane
// only when there is something to draw in it.
class ChartMeasurePanes : public QObject
{
    Q_OBJECT

public:
    explicit ChartMeasurePanes(ChartPlot *plot);

    // `recreate`: the plot cleared every plottable, so the curves must be made again.
    void setChartData(const ChartData &data, const QStringList &siteOrder, bool recreate);
    bool hasResponse() const { return !m_response.empty(); }
    bool hasMetrics() const { return !m_metrics.empty(); }
    QCPLegend *metricsLegend() const { return m_legend; }

private:
    void removeCurves();

    ChartPlot *m_plot;
    QCPLegend *m_legend = nullptr; // inside the metrics pane
    QStringList m_names;           // what the curves are, to know when to make them again
    std::vector<QCPGraph *> m_response;
    std::vector<QCPGraph *> m_metrics;
};

} // namespace inquest
