#include "charttracer.h"
#include "chartplot.h"

#include <QLocale>

namespace inquest {

ChartTracer::ChartTracer(ChartPlot *plot)
    : QObject(plot)
    , m_plot(plot)
{
}

void ChartTracer::create()
{
    for (int p = 0; p < ChartPlot::PaneCount; ++p) {
        QCPAxisRect *rect = m_plot->pane(ChartPlot::Pane(p));
        auto *line = new QCPItemLine(m_plot);
        line->setLayer(QStringLiteral("overlay"));
        line->setPen(QPen(QColor(0, 0, 0, 120), 1));
        line->setClipAxisRect(rect);
        line->setSelectable(false);
        for (QCPItemPosition *pos : {line->start, line->end}) {
            pos->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            pos->setAxisRect(rect);
            pos->setTypeX(QCPItemPosition::ptPlotCoords);
            pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        m_lines.push_back(line);
    }
    m_box = new QCPItemText(m_plot);
    m_box->setLayer(QStringLiteral("overlay"));
    m_box->position->setType(QCPItemPosition::ptAbsolute);
    m_box->setTextAlignment(Qt::AlignLeft);
    m_box->setBrush(QColor(255, 255, 255, 235));
    m_box->setPen(QPen(QColor(0, 0, 0, 90)));
    m_box->setPadding(QMargins(6, 4, 6, 4));
    m_box->setSelectable(false);
    m_box->setClipToAxisRect(false);
}

void ChartTracer::follow(const QPoint &pos)
{
    const ChartData &data = m_plot->chartData();
    if (m_plot->paneAt(pos) == ChartPlot::PaneCount || data.widthUs <= 0) {
        hide();
        return;
    }
    if (!m_box)
        create();
    const double key = m_plot->timeAxis()->pixelToCoord(pos.x());
    const auto keyUs = int64_t(key * 1e6);
    const int64_t bin = (keyUs >= 0 ? keyUs / data.widthUs : (keyUs - data.widthUs + 1) / data.widthUs) * data.widthUs;
    const QLocale locale;
    const QTimeZone zone = m_plot->timeZone();
    auto when = [&](int64_t us) {
        return QDateTime::fromMSecsSinceEpoch(us / 1000, QTimeZone::utc())
            .toTimeZone(zone)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    QStringList lines;
    lines << QStringLiteral("%1 \u2013 %2 %3")
                 .arg(when(bin), when(bin + data.widthUs).mid(11),
                      zone == QTimeZone::utc() ? QStringLiteral("UTC")
                                               : zone.abbreviation(QDateTime::fromMSecsSinceEpoch(bin / 1000)));
    auto valueAt = [&](const BinnedSeries &s) -> QString {
        const int64_t i = bin / s.widthUs - s.firstIndex;
        if (s.widthUs <= 0 || i < 0 || i >= int64_t(s.size()) || std::isnan(s.values[std::size_t(i)]))
            return QStringLiteral("\u2013");
        return locale.toString(s.values[std::size_t(i)], 'g', 6);
    };
    // One line per site: requests, distinct clients and the site's errors in the bin.
    auto siteValue = [&](const std::vector<NamedSeries> &list, const QString &site) {
        for (const NamedSeries &s : list) {
            if (s.name == site)
                return valueAt(s.series);
        }
        return QStringLiteral("\u2013");
    };
    for (const NamedSeries &s : data.traffic) {
        QString line = QStringLiteral("%1: %2 req").arg(s.name, valueAt(s.series));
        for (const NamedSeries &c : data.clients) {
            if (c.name == s.name)
                line += QStringLiteral(", %1 clients").arg(valueAt(c.series));
        }
        line += QStringLiteral(" · 4xx %1 · 5xx %2 · no response %3")
                    .arg(siteValue(data.site4xx, s.name), siteValue(data.site5xx, s.name),
                         siteValue(data.siteNoResponse, s.name));
        lines << line;
    }
    if (!data.status5xx.series.bins.empty()) {
        BinnedSeries pct = data.errorRate.series;
        for (double &v : pct.values)
            v = std::round(v * 1000) / 10; // percent, one decimal
        lines << QStringLiteral("All sites shown: 4xx %1 · 5xx %2 · no response %3 · failure rate %4%")
                     .arg(valueAt(data.status4xx.series), valueAt(data.status5xx.series),
                          valueAt(data.noResponse.series), valueAt(pct));
    }
    if (!data.newClients.series.bins.empty())
        lines << QStringLiteral("new clients: %1").arg(valueAt(data.newClients.series));
    for (std::size_t i = 0; i + 2 < data.response.size(); i += 3) {
        lines << QStringLiteral("%1 response ms: p50 %2 · p95 %3 · p99 %4")
                     .arg(data.response[i].name, valueAt(data.response[i].series), valueAt(data.response[i + 1].series),
                          valueAt(data.response[i + 2].series));
    }
    for (const NamedSeries &s : data.metrics)
        lines << QStringLiteral("%1: %2").arg(s.name, valueAt(s.series));
    for (const NamedSeries &s : data.severity)
        lines << QStringLiteral("syslog %1: %2").arg(s.name, valueAt(s.series));
    // The analyst's curves, on the traffic pane's right axes, with the unit of their axis.
    const QCPAxisRect *traffic = m_plot->pane(ChartPlot::Traffic);
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable *p = m_plot->plottable(i);
        QCPPlottableInterface1D *series = p->interface1D();
        if (!series || !p->visible() || p->valueAxis()->axisRect() != traffic ||
            p->valueAxis()->axisType() != QCPAxis::atRight)
            continue;
        const int at = series->findBegin(double(bin) / 1e6, false);
        const bool inBin = at < series->dataCount() && series->dataMainKey(at) < double(bin + data.widthUs) / 1e6 &&
                           !std::isnan(series->dataMainValue(at));
        lines << QStringLiteral("%1: %2 %3")
                     .arg(p->name(),
                          inBin ? locale.toString(series->dataMainValue(at), 'g', 6) : QStringLiteral("\u2013"),
                          p->valueAxis()->label().section(u'\n', 0, 0));
    }

    for (QCPItemLine *line : m_lines) {
        line->start->setCoords(key, 0);
        line->end->setCoords(key, 1);
        line->setVisible(true);
    }
    m_box->setText(lines.join(u'\n'));
    // Keep the box inside the plot: flip to the left of the cursor near the right edge.
    const bool flip = pos.x() > m_plot->width() * 0.6;
    m_box->setPositionAlignment((flip ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    const QCPAxisRect *top = m_plot->pane(ChartPlot::Traffic);
    m_box->position->setCoords(pos.x() + (flip ? -14 : 14), top->top() + 4);
    m_box->setVisible(true);
    m_plot->layer(QStringLiteral("overlay"))->replot();
}

void ChartTracer::hide()
{
    if (!m_box || !m_box->visible())
        return;
    m_box->setVisible(false);
    for (QCPItemLine *line : m_lines)
        line->setVisible(false);
    m_plot->layer(QStringLiteral("overlay"))->replot();
}

QString ChartTracer::text() const { return m_box ? m_box->text() : QString(); }
bool ChartTracer::isShown() const { return m_box && m_box->visible(); }

} // namespace inquest
