#include "chartmeasurepanes.h"
#include "chartplot.h"

namespace inquest {

namespace {

QStringList namesOf(const ChartData &data)
{
    QStringList names;
    for (const NamedSeries &s : data.response)
        names.append(s.name + metricName(s.series.metric));
    for (const NamedSeries &s : data.metrics)
        names.append(s.name);
    return names;
}

// Metric exports sample every so often, often more coarsely than the bins: a column holds its
// last value until the next sample instead of breaking into dashes at every empty bin.
void setSampledData(QCPGraph *graph, const BinnedSeries &s)
{
    QVector<double> keys, values;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (std::isnan(s.values[i]))
            continue;
        keys.append(double(s.start(i)) / 1e6);
        values.append(s.values[i]);
    }
    if (!keys.isEmpty()) {
        keys.append(double(s.start(s.size())) / 1e6);
        values.append(values.last());
    }
    graph->setData(keys, values, true);
}

Qt::PenStyle styleOf(Metric metric)
{
    return metric == Metric::ResponseP50 ? Qt::DotLine : metric == Metric::ResponseP99 ? Qt::DashLine : Qt::SolidLine;
}

} // namespace

ChartMeasurePanes::ChartMeasurePanes(ChartPlot *plot)
    : QObject(plot)
    , m_plot(plot)
{
    QCPAxisRect *rect = m_plot->pane(ChartPlot::Metrics);
    m_legend = new QCPLegend;
    rect->insetLayout()->addElement(m_legend, Qt::AlignLeft | Qt::AlignTop);
    m_legend->setLayer(QStringLiteral("legend"));
    m_legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_legend->setBrush(QColor(255, 255, 255, 200));
    m_legend->setBorderPen(Qt::NoPen);
    m_legend->setIconSize(18, 10);
    m_legend->setVisible(false);
}

void ChartMeasurePanes::removeCurves()
{
    for (QCPGraph *g : m_response)
        m_plot->removeGraph(g);
    for (QCPGraph *g : m_metrics)
        m_plot->removeGraph(g);
    m_response.clear();
    m_metrics.clear();
}

void ChartMeasurePanes::setChartData(const ChartData &data, const QStringList &siteOrder, bool recreate)
{
    const QStringList names = namesOf(data);
    if (recreate) {
        m_response.clear(); // already deleted with every other plottable
        m_metrics.clear();
        m_legend->clearItems();
    }
    if (recreate || names != m_names || m_response.size() + m_metrics.size() != std::size_t(names.size())) {
        removeCurves();
        m_legend->clearItems();
        QCPAxisRect *rect = m_plot->pane(ChartPlot::Response);
        for (const NamedSeries &s : data.response) {
            QCPGraph *g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            g->setName(s.name + u' ' + metricName(s.series.metric).section(u'-', 1));
            const int colour = int(siteOrder.indexOf(s.name));
            // 1 px pens, as for every curve: wider ones are drawn as polygons, segment by segment,
            // and made a pan replot several times slower.
            g->setPen(QPen(siteColour(colour < 0 ? int(m_response.size() / 3) : colour), 1.0,
                           styleOf(s.series.metric.metric)));
            g->setLineStyle(QCPGraph::lsStepLeft);
            g->removeFromLegend();
            m_response.push_back(g);
        }
        rect = m_plot->pane(ChartPlot::Metrics);
        for (const NamedSeries &s : data.metrics) {
            QCPGraph *g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            g->setName(s.name);
            // Columns are told apart by colour; the palette is offset so they rarely repeat a site's.
            g->setPen(QPen(siteColour(int(m_metrics.size()) + 3), 1.0));
            g->setLineStyle(QCPGraph::lsStepLeft);
            g->removeFromLegend();
            g->addToLegend(m_legend);
            m_metrics.push_back(g);
        }
        m_names = names;
        m_legend->setVisible(!m_metrics.empty());
    }
    for (std::size_t i = 0; i < data.response.size(); ++i)
        setSeriesData(m_response[i], data.response[i].series);
    for (std::size_t i = 0; i < data.metrics.size(); ++i)
        setSampledData(m_metrics[i], data.metrics[i].series);
}

} // namespace inquest
