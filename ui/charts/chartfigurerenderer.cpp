#include "chartfigurerenderer.h"
#include "chartmarks.h"
#include "chartplot.h"
#include "chartusercurves.h"

#include "model/casedata.h"
#include "report/figureview.h"

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

// A point-sized font is resolved against the resolution of the device that finally draws it
// (1200 dpi for the report's PDF), not against the plot's layout; a pixel-sized one follows
// the painter's transform like the curves do. Same size as on screen, so the layout holds.
QFont pixelSized(QFont font, qreal dpi)
{
    if (font.pixelSize() <= 0)
        font.setPixelSize(qMax(1, qRound(font.pointSizeF() * dpi / 72.0)));
    return font;
}

void usePixelSizedFonts(QCustomPlot &plot)
{
    const qreal dpi = plot.logicalDpiY();
    plot.setFont(pixelSized(plot.font(), dpi));
    for (QCPAxisRect *rect : plot.axisRects()) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setTickLabelFont(pixelSized(axis->tickLabelFont(), dpi));
            axis->setSelectedTickLabelFont(pixelSized(axis->selectedTickLabelFont(), dpi));
            axis->setLabelFont(pixelSized(axis->labelFont(), dpi));
            axis->setSelectedLabelFont(pixelSized(axis->selectedLabelFont(), dpi));
        }
    }
    for (QCPLayoutElement *element : plot.plotLayout()->elements(true)) {
        if (auto *legend = qobject_cast<QCPLegend *>(element)) {
            legend->setFont(pixelSized(legend->font(), dpi));
            legend->setSelectedFont(pixelSized(legend->selectedFont(), dpi));
            for (int i = 0; i < legend->itemCount(); ++i) {
                QCPAbstractLegendItem *item = legend->item(i);
                item->setFont(pixelSized(item->font(), dpi));
                item->setSelectedFont(pixelSized(item->selectedFont(), dpi));
            }
        } else if (auto *text = qobject_cast<QCPTextElement *>(element)) {
            text->setFont(pixelSized(text->font(), dpi));
            text->setSelectedFont(pixelSized(text->selectedFont(), dpi));
        }
    }
    for (int i = 0; i < plot.itemCount(); ++i) {
        if (auto *text = qobject_cast<QCPItemText *>(plot.item(i))) {
            text->setFont(pixelSized(text->font(), dpi));
            text->setSelectedFont(pixelSized(text->selectedFont(), dpi));
        }
    }
}

} // namespace

bool ChartFigureRenderer::render(const ChartSpec &spec, QPainter *painter, const QRectF &target)
{
    if (!spec.caseData || !painter || target.isEmpty())
        return false;
    const auto bins = figureBins(*spec.caseData);
    if (bins->empty())
        return false;
    ChartPlot plot;
    plot.setAutoCollapse(false); // the figure picks its panes below
    // Laid out on a canvas larger than the figure (report/figureview), so the plot's
    // screen-sized fonts come out at a print size once scaled into the target.
    const FigureView view = figureView(spec, *bins);
    const int w = view.canvasWidth, h = view.canvasHeight;
    const int64_t width = view.widthUs;
    plot.resize(w, h);
    plot.setTimeZone(spec.timeZone == u"UTC" ? QTimeZone::utc() : QTimeZone(spec.timeZone.toUtf8()));
    plot.setVisibleRange(view.beginUs, view.endUs);
    plot.setChartData(figureChartData(spec, *bins, view));
    ChartUserCurves *annotated = nullptr;
    if (spec.caseMarks || spec.userCurves) {
        CaseData annotations = *spec.caseData; // shares the sources' tables
        if (!spec.userCurves)
            annotations.curves.clear();
        if (!spec.caseMarks)
            annotations.eventMarks.clear();
        annotated = drawUserCurves(&plot, annotations, width);
    }
    // The screen draws curves 1 px wide (fast); on paper that is a hairline.
    for (int i = 0; i < plot.graphCount(); ++i) {
        QPen pen = plot.QCustomPlot::graph(i)->pen();
        pen.setWidthF(pen.widthF() * 1.5);
        plot.QCustomPlot::graph(i)->setPen(pen);
    }

    // Hide the panes the figure does not ask for.
    const bool show[ChartPlot::PaneCount] = {
        wants(spec, {Metric::Requests}),
        wants(spec, {Metric::Status4xx, Metric::Status5xx, Metric::ErrorRate}),
        wants(spec, {Metric::UniqueClients, Metric::NewClients}) && plot.isPaneShown(ChartPlot::Clients),
        wants(spec, {Metric::ResponseP50, Metric::ResponseP95, Metric::ResponseP99}) &&
            plot.isPaneShown(ChartPlot::Response),
        wants(spec, {Metric::Numeric}) && plot.isPaneShown(ChartPlot::Metrics),
        wants(spec, {Metric::Severity}) && plot.isPaneShown(ChartPlot::Syslog)};
    int last = -1;
    for (int p = 0; p < ChartPlot::PaneCount; ++p) {
        if (!show[p]) {
            // Panes the case has no data for are out of the layout already (QCustomPlot warns
            // on stderr when asked to take what it does not hold).
            if (plot.pane(ChartPlot::Pane(p))->layout() == plot.plotLayout())
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
        plot.timeAxis(ChartPlot::Pane(last))->setLabel(plot.timeAxisLabel());
    }
    if (!spec.title.isEmpty()) {
        plot.plotLayout()->insertRow(0);
        plot.plotLayout()->addElement(
            0, 0, new QCPTextElement(&plot, spec.title, QFont(plot.font().family(), 11, QFont::Bold)));
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
    if (annotated)
        annotated->layoutMarks();
    usePixelSizedFonts(plot);
    plot.replot(QCustomPlot::rpImmediateRefresh);

    // Recorded as vector operations, then replayed scaled into the target. The caching of tick
    // labels as pixmaps is turned off, so text stays text (searchable in the PDF).
    QPicture picture;
    {
        QCPPainter p(&picture);
        p.setMode(QCPPainter::pmVectorized);
        p.setMode(QCPPainter::pmNoCaching);
        plot.toPainter(&p, w, h);
    }
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(target.width() / w, target.height() / h);
    painter->setClipRect(QRectF(0, 0, w, h), Qt::IntersectClip);
    // QPicture::play scales by the device's resolution over the picture's; undo that, the
    // transform above already maps the plot onto the target.
    if (const QPaintDevice *device = painter->device())
        painter->scale(qreal(picture.logicalDpiX()) / device->logicalDpiX(),
                       qreal(picture.logicalDpiY()) / device->logicalDpiY());
    painter->drawPicture(0, 0, picture);
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
