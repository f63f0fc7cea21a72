#include "chartfigurerenderer.h"
#include "chartmarks.h"
#include "chartplot.h"

#include "model/casedata.h"

namespace inquest {

namespace {

bool wants(const ChartSpec &spec, std::initializer_list<Metric> metrics)
{
    if (spec.metrics.isEmpty())
        return true;
    for (const MetricKey &k : spec.metrics) {
        if (std::find(metrics.begin(), metrics.end(), k.metric) != metrics.end())
            return true;
    }
    return false;
}

} // namespace

bool ChartFigureRenderer::render(const ChartSpec &spec, QPainter *painter, const QRectF &target)
{
    if (!spec.caseData || !painter || target.isEmpty())
        return false;
    const auto bins = CaseBins::build(spec.caseData->sources);
    if (bins->empty())
        return false;
    ChartPlot plot;
    // Laid out on a canvas larger than the figure (spec.size is in points on the page), so the
    // plot's screen-sized fonts come out at a print size once scaled into the target.
    constexpr qreal Canvas = 1.6;
    const int w = qRound(spec.size.width() * Canvas), h = qRound(spec.size.height() * Canvas);
    plot.resize(w, h);
    plot.setTimeZone(spec.timeZone == u"UTC" ? QTimeZone::utc() : QTimeZone(spec.timeZone.toUtf8()));
    const qint64 begin = spec.endUs > spec.beginUs ? spec.beginUs : bins->minTime;
    const qint64 end = spec.endUs > spec.beginUs ? spec.endUs : bins->maxTime + 1;
    plot.setVisibleRange(begin, end);
    const int64_t width = spec.binWidthUs > 0 ? spec.binWidthUs : BinPyramid::widthFor(end - begin, std::size_t(qMax(100, w)));
    plot.setChartData(buildChartData(*bins, width, begin, end, spec.sites));

    // Hide the panes the figure does not ask for.
    const bool show[ChartPlot::PaneCount] = {
        wants(spec, {Metric::Requests}), wants(spec, {Metric::Status4xx, Metric::Status5xx, Metric::ErrorRate}),
        wants(spec, {Metric::UniqueClients, Metric::NewClients}), wants(spec, {Metric::Severity})};
    int last = -1;
    for (int p = 0; p < ChartPlot::PaneCount; ++p) {
        if (!show[p]) {
            plot.plotLayout()->take(plot.pane(ChartPlot::Pane(p)));
            plot.pane(ChartPlot::Pane(p))->setVisible(false);
        } else {
            last = p;
        }
    }
    plot.plotLayout()->simplify();
    if (last >= 0) {
        // The time labels go on the lowest pane shown.
        plot.timeAxis(ChartPlot::Pane(last))->setTickLabels(true);
        plot.timeAxis(ChartPlot::Pane(last))->setLabel(plot.timeAxis(ChartPlot::Syslog)->label());
    }
    if (!spec.title.isEmpty()) {
        plot.plotLayout()->insertRow(0);
        plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, spec.title, QFont(plot.font().family(), 11, QFont::Bold)));
    }
    QList<ChartMarks::Mark> marks = spec.caseMarks ? ChartMarks::fromCase(*spec.caseData) : QList<ChartMarks::Mark>();
    for (const FigureMark &m : spec.marks) {
        const auto kind = m.kind == FigureMark::Statement ? ChartMarks::Mark::Statement
                          : m.kind == FigureMark::Outage  ? ChartMarks::Mark::Outage
                          : m.kind == FigureMark::Finding ? ChartMarks::Mark::Finding
                                                          : ChartMarks::Mark::Evidence;
        marks.append({kind, 0, m.beginUs, m.endUs, m.label, {}});
    }
    plot.replot(QCustomPlot::rpImmediateRefresh); // lays out the axis rects for the labels
    plot.marks()->setMarks(marks);

    // Drawn at four times the figure's resolution and placed into the target. A vector
    // recording (QPicture) replays point-sized fonts against the target device's resolution,
    // which on a 1200 dpi PDF makes the text huge and loses the curves; until the plot's fonts
    // are made device-independent, an oversampled image is the faithful picture.
    constexpr qreal Oversample = 3.0;
    QImage image(qRound(w * Oversample), qRound(h * Oversample), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(Oversample);
    image.fill(Qt::white);
    {
        QCPPainter p(&image);
        plot.toPainter(&p, w, h);
    }
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, image);
    painter->restore();
    return true;
}

QPicture ChartFigureRenderer::picture(const ChartSpec &spec)
{
    QPicture pic;
    QPainter painter(&pic);
    render(spec, &painter, QRectF(QPointF(0, 0), spec.size));
    painter.end();
    return pic;
}

} // namespace inquest
