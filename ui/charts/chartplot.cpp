#include "chartplot.h"
#include "chartmarkerdrag.h"
#include "chartmarks.h"
#include "chartmeasurepanes.h"
#include "chartpanelayout.h"
#include "charttracer.h"

namespace inquest {

namespace {

constexpr double UsPerS = 1e6;
constexpr int ClickSlop = 4; // px: a press and release closer than this is a click
// Curves are 1 px wide on screen: Qt draws such pens with its cosmetic line stroker, while any
// wider pen is stroked into polygons segment by segment, which made a pan's replot several
// times slower. Figures for the report thicken them again (ChartFigureRenderer).
constexpr double CurveWidth = 1.0;
// The least top of a count pane's value axis (see fitValueAxes).
constexpr double MinimumCountTop = 5.0;

// Colour-blind-safe palette (Okabe & Ito), dark enough on white.
const QColor Palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                          QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                          QColor(0x66, 0x66, 0x66), QColor(0x8C, 0x56, 0x4B)};

void setData(QCPAbstractPlottable *p, const BinnedSeries &s, double scale = 1.0)
{
    QVector<double> keys, values;
    keys.reserve(qsizetype(s.size()) + 1);
    values.reserve(qsizetype(s.size()) + 1);
    for (std::size_t i = 0; i < s.size(); ++i) {
        keys.append(double(s.start(i)) / UsPerS);
        values.append(s.values[i] * scale);
    }
    // A closing point so the last step is drawn its full width.
    if (!s.bins.empty() && !qobject_cast<QCPBars *>(p)) {
        keys.append(double(s.start(s.size())) / UsPerS);
        values.append(values.last());
    }
    if (auto *g = qobject_cast<QCPGraph *>(p))
        g->setData(keys, values, true);
    else if (auto *b = qobject_cast<QCPBars *>(p))
        b->setData(keys, values, true);
}

// Counts get whole-number ticks (no "2.5 requests").
class CountTicker : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange &range) override
    {
        const double step = QCPAxisTicker::getTickStep(range);
        return step < 1 ? 1 : std::round(step);
    }
    int getSubTickCount(double step) override { return step <= 1 ? 0 : QCPAxisTicker::getSubTickCount(step); }
};

} // namespace

QString binWidthText(int64_t us)
{
    const int64_t s = us / 1'000'000;
    if (s % 86400 == 0)
        return s == 86400 ? QObject::tr("day") : QObject::tr("%1 d").arg(s / 86400);
    if (s % 3600 == 0)
        return s == 3600 ? QObject::tr("hour") : QObject::tr("%1 h").arg(s / 3600);
    if (s % 60 == 0)
        return s == 60 ? QObject::tr("minute") : QObject::tr("%1 min").arg(s / 60);
    return s == 1 ? QObject::tr("second") : QObject::tr("%1 s").arg(s);
}

QSharedPointer<QCPAxisTicker> makeCountTicker() { return QSharedPointer<CountTicker>::create(); }

QColor siteColour(int index) { return Palette[index % int(std::size(Palette))]; }

void setSeriesData(QCPAbstractPlottable *plottable, const BinnedSeries &series, double scale)
{
    setData(plottable, series, scale);
}

ChartPlot::ChartPlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_ticker(new QCPAxisTickerDateTime)
{
    setObjectName(QStringLiteral("chartPlot"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setNoAntialiasingOnDrag(true);
    // Step curves and bars are all horizontal and vertical segments: antialiasing adds nothing
    // but cost. QCustomPlot's "fast polylines" draw a curve one segment per call; with 1 px pens
    // one polyline per curve is cheaper (a pan's replot: 79 -> 59 M instructions).
    setNotAntialiasedElements(QCP::aePlottables | QCP::aeFills);
    setPlottingHint(QCP::phFastPolylines, false);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setupPanes();
    // Before the marks place their labels, which keep clear of the captions.
    connect(this, &QCustomPlot::afterLayout, this, &ChartPlot::fitCaptions);
    m_marks = new ChartMarks(this);
    m_tracer = new ChartTracer(this);
    m_markerDrag = new ChartMarkerDrag(this);
    m_measure = new ChartMeasurePanes(this);
    layoutPanes();
    connect(this, &QCustomPlot::afterLayout, this, &ChartPlot::fitTickCounts);
    m_ticker->setTimeZone(m_zone); // not the machine's local time, which the ticker starts in
    updateTickFormat();
    updateAxisLabels();
}

ChartPlot::~ChartPlot() = default;

void ChartPlot::setupPanes()
{
    // clear() deletes the default axis rect and with it the default legend: make our own.
    plotLayout()->clear();
    m_legendRow = new QCPLayoutGrid;
    plotLayout()->addElement(0, 0, m_legendRow);
    legend = new QCPLegend;
    m_legendRow->addElement(0, 0, legend);
    legend->setLayer(QStringLiteral("legend"));
    legend->setVisible(true);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setIconSize(18, 10);
    m_collapsedNote = new QCPTextElement(this, QString());
    m_collapsedNote->setTextColor(QColor(0x88, 0x44, 0x00));
    m_collapsedNote->setObjectName(QStringLiteral("collapsedNote"));
    m_legendRow->addElement(0, 1, m_collapsedNote);
    m_collapsedNote->setVisible(false);
    plotLayout()->setRowStretchFactor(0, 0.001);
    auto *group = new QCPMarginGroup(this);
    for (int p = 0; p < PaneCount; ++p) {
        auto *rect = new QCPAxisRect(this);
        plotLayout()->addElement(p + 1, 0, rect);
        plotLayout()->setRowStretchFactor(p + 1, ChartPaneLayout::Stretch[std::size_t(p)]);
        // The layout gives each pane its readable height before it shares out the rest.
        rect->setSizeConstraintRect(QCPLayoutElement::scrInnerRect);
        rect->setMinimumSize(0, ChartPaneLayout::MinimumHeight[std::size_t(p)]);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        x->setTicker(m_ticker);
        x->setTickLabels(p == PaneCount - 1);
        x->grid()->setPen(QPen(QColor(0, 0, 0, 30), 0, Qt::DotLine));
        rect->axis(QCPAxis::atLeft)->grid()->setPen(QPen(QColor(0, 0, 0, 30), 0, Qt::DotLine));
        rect->axis(QCPAxis::atRight)->setVisible(p == Errors);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        rect->setRangeDragAxes(x, nullptr);
        rect->setRangeZoomAxes(x, nullptr);
        rect->setRangeZoomFactor(0.85);
        if (p != PaneCount - 1)
            rect->setMinimumMargins(QMargins(0, 4, 0, 0));
        connect(x, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, &ChartPlot::syncTimeAxes);
        m_panes[p] = rect;
    }
    // A caption per pane says what its curves are (the legend row names the sites).
    const QString captions[PaneCount] = {
        tr("Requests per site"),
        tr("Failed (5xx or no response) per site, in the site's colour · orange band: 4xx · dashed: failure rate %, "
           "right axis"),
        tr("Unique clients per site · dashed: new clients, all sites"),
        tr("Response time per site, ms: solid p95 · dashed p99 · dotted p50"),
        tr("CSV metric columns, mean per bin"),
        severityCaption(false)};
    for (int p = 0; p < PaneCount; ++p) {
        auto *caption = new QCPItemText(this);
        caption->position->setAxisRect(m_panes[p]);
        caption->position->setType(QCPItemPosition::ptAxisRectRatio);
        caption->position->setCoords(1, 0);
        caption->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        caption->setClipAxisRect(m_panes[p]);
        caption->setText(captions[p]);
        caption->setProperty("fullText", captions[p]);
        caption->setColor(QColor(0x44, 0x44, 0x44));
        caption->setBrush(QColor(255, 255, 255, 200));
        caption->setPadding(QMargins(4, 1, 4, 1));
        caption->setLayer(QStringLiteral("legend"));
        caption->setSelectable(false);
        m_captions[p] = caption;
    }
    for (int p = 0; p < PaneCount; ++p) {
        auto ticker = makeCountTicker();
        ticker->setTickCount(p == Syslog ? 2 : 5);
        m_panes[p]->axis(QCPAxis::atLeft)->setTicker(ticker);
    }
    m_panes[Errors]->axis(QCPAxis::atRight)->setRange(0, 100);
    m_panes[Errors]->axis(QCPAxis::atRight)->setTickLabelColor(QColor(0xB0, 0x00, 0x20));
    m_panes[Errors]->axis(QCPAxis::atRight)->setLabelColor(QColor(0xB0, 0x00, 0x20));
    plotLayout()->setRowSpacing(2);
}

QCPGraph *ChartPlot::graph(Pane pane, int index, const QString &name, const QColor &colour, bool inLegend)
{
    Q_UNUSED(index);
    QCPGraph *g = addGraph(m_panes[pane]->axis(QCPAxis::atBottom), m_panes[pane]->axis(QCPAxis::atLeft));
    g->setName(name);
    g->setPen(QPen(colour, CurveWidth));
    g->setLineStyle(QCPGraph::lsStepLeft);
    if (!inLegend)
        g->removeFromLegend();
    return g;
}

void ChartPlot::setChartData(const ChartData &incoming)
{
    // While a re-bin's response-time percentiles are still being computed, the pane keeps the
    // ones it shows, so it neither vanishes nor flickers until they arrive.
    ChartData carried;
    const bool carry = incoming.responsePending && !m_data.response.empty();
    if (carry) {
        carried = incoming;
        carried.response = m_data.response;
    }
    const ChartData &data = carry ? carried : incoming;
    // Curves are recreated only when the set of sites drawn or hidden changes; otherwise data is
    // swapped in. Every site of the case keeps a legend entry: a hidden one greyed, to bring back.
    QStringList has;
    for (const NamedSeries &s : data.traffic)
        has.append(s.name);
    const QStringList &order = m_siteOrder.isEmpty() ? has : m_siteOrder;
    QStringList hidden;
    for (const QString &site : order) {
        if (!has.contains(site))
            hidden.append(site);
    }
    QStringList groups; // the severity lane's groups: their bars and the lane's caption
    for (const NamedSeries &s : data.severity)
        groups.append(s.name);
    const QStringList key = has + QStringList{QStringLiteral("|")} + hidden + QStringList{QStringLiteral("|")} + groups;
    const bool recreate = key != m_curveKey || m_4xx == nullptr || int(m_severity.size()) != int(data.severity.size());
    if (recreate) {
        m_curveKey = key;
        clearGraphs();
        clearPlottables();
        m_traffic.assign(data.traffic.size(), nullptr);
        m_clients.clear();
        m_failed.clear();
        m_severity.clear();
        for (int c = 0; c < int(order.size()); ++c) {
            const auto i = has.indexOf(order[c]);
            if (i >= 0) {
                m_traffic[std::size_t(i)] = graph(Traffic, int(i), order[c], siteColour(c), true);
                continue;
            }
            QCPGraph *g = graph(Traffic, c, order[c], QColor(0xBB, 0xBB, 0xBB), true);
            g->setPen(QPen(QColor(0xBB, 0xBB, 0xBB), CurveWidth, Qt::DotLine));
            if (auto *item = legend->itemWithPlottable(g))
                item->setTextColor(QColor(0x99, 0x99, 0x99));
        }
        for (int i = 0; i < int(data.traffic.size()); ++i) // sites beyond the order given
            if (!m_traffic[std::size_t(i)])
                m_traffic[std::size_t(i)] = graph(Traffic, i, has[i], siteColour(i), true);
        for (int i = 0; i < int(data.clients.size()); ++i) {
            const int colour = int(order.indexOf(data.clients[std::size_t(i)].name));
            m_clients.push_back(
                graph(Clients, i, data.clients[std::size_t(i)].name, siteColour(colour < 0 ? i : colour), false));
        }
        m_new = graph(Clients, 0, tr("new clients (all sites)"), QColor(0x33, 0x33, 0x33), false);
        m_new->setPen(QPen(QColor(0x33, 0x33, 0x33), CurveWidth, Qt::DashLine));
        m_4xx = graph(Errors, 0, tr("4xx"), QColor(0xE6, 0x9F, 0x00, 160), false);
        m_4xx->setBrush(QColor(0xE6, 0x9F, 0x00, 60));
        // Failures split by site, in the site's colour (the traffic legend names them): the 4xx
        // band behind them is all sites, for context.
        for (int i = 0; i < int(data.failed.size()); ++i) {
            const int colour = int(order.indexOf(data.failed[std::size_t(i)].name));
            m_failed.push_back(
                graph(Errors, i, data.failed[std::size_t(i)].name, siteColour(colour < 0 ? i : colour), false));
        }
        m_rate = addGraph(m_panes[Errors]->axis(QCPAxis::atBottom), m_panes[Errors]->axis(QCPAxis::atRight));
        m_rate->setName(tr("failure rate %"));
        // Faint: at fine bins a rate jumps between 0 and 100 %, and the counts matter more.
        m_rate->setPen(QPen(QColor(0xB0, 0x00, 0x20, 110), CurveWidth, Qt::DashLine));
        m_rate->setLineStyle(QCPGraph::lsStepLeft);
        m_rate->removeFromLegend();
        // By group, not by place in the stack: lines that state no severity are a neutral blue
        // even when they are the lane's only band, so they never read as errors.
        const QColor sev[SeverityGroups] = {QColor(0xB0, 0x00, 0x20), QColor(0xE6, 0x9F, 0x00),
                                            QColor(0x99, 0x99, 0x99), QColor(0x56, 0x8F, 0xC6)};
        QCPBars *below = nullptr;
        const QString caption = severityCaption(groups.contains(severityGroupName(SeverityGroups - 1)));
        m_captions[Syslog]->setProperty("fullText", caption);
        m_captions[Syslog]->setText(caption);
        for (int i = 0; i < int(data.severity.size()); ++i) {
            auto *bars = new QCPBars(m_panes[Syslog]->axis(QCPAxis::atBottom), m_panes[Syslog]->axis(QCPAxis::atLeft));
            bars->setName(data.severity[std::size_t(i)].name);
            bars->setPen(Qt::NoPen);
            const QString &group = data.severity[std::size_t(i)].name;
            for (int g = 0; g < SeverityGroups; ++g) {
                if (group == severityGroupName(g))
                    bars->setBrush(sev[g]);
            }
            bars->setWidthType(QCPBars::wtPlotCoords);
            bars->setStackingGap(0);
            bars->removeFromLegend();
            if (below)
                bars->moveAbove(below);
            below = bars;
            m_severity.push_back(bars);
        }
    }
    m_data = data;
    for (std::size_t i = 0; i < data.traffic.size(); ++i)
        setData(m_traffic[i], data.traffic[i].series);
    for (std::size_t i = 0; i < data.clients.size(); ++i)
        setData(m_clients[i], data.clients[i].series);
    setData(m_new, data.newClients.series);
    setData(m_4xx, data.status4xx.series);
    for (std::size_t i = 0; i < data.failed.size(); ++i)
        setData(m_failed[i], data.failed[i].series);
    setData(m_rate, data.errorRate.series, 100.0);
    for (std::size_t i = 0; i < data.severity.size(); ++i) {
        m_severity[i]->setWidth(double(data.widthUs) / UsPerS);
        // Bars are centred on their key: shift by half a bin so each covers its bin. Empty bins
        // are left out: each bar is a polygon to draw, and a stack finds no bar below as zero.
        const BinnedSeries &s = data.severity[i].series;
        QVector<double> keys, values;
        for (std::size_t b = 0; b < s.size(); ++b) {
            if (s.values[b] == 0)
                continue;
            keys.append((double(s.start(b)) + double(s.widthUs) / 2) / UsPerS);
            values.append(s.values[b]);
        }
        m_severity[i]->setData(keys, values, true);
    }
    m_measure->setChartData(data, m_siteOrder.isEmpty() ? has : m_siteOrder, recreate);
    if (recreate) {
        // New legend entries change the legend row's height: the panes are laid out again (and
        // collapsed if the legend would be cut), even when the same panes are wanted.
        m_wanted = panesFor(data);
        layoutPanes();
    } else {
        showPanes(panesFor(data));
    }
    updateAxisLabels();
    fitValueAxes();
    emit chartDataSet();
}

QString ChartPlot::severityCaption(bool unrated)
{
    const QString all = tr("Syslog events per bin by severity: red emerg–err · orange warning · grey notice–debug");
    // Lines with no <PRI>, vendor mnemonic or level word are events too: counted, never guessed.
    return unrated ? all + tr(" · blue: no severity stated") : all;
}

void ChartPlot::fitCaptions()
{
    // A caption wider than its pane breaks at the " · " nearest its middle rather than being cut.
    const QString separator = QStringLiteral(" \u00b7 ");
    for (int p = 0; p < PaneCount; ++p) {
        QCPItemText *caption = m_captions[p];
        const QString full = caption->property("fullText").toString();
        const QFontMetrics fm(caption->font());
        QString text = full;
        if (fm.horizontalAdvance(full) + 12 > m_panes[p]->width()) {
            qsizetype best = -1;
            for (qsizetype i = full.indexOf(separator); i >= 0; i = full.indexOf(separator, i + 1)) {
                if (best < 0 || std::abs(i - full.size() / 2) < std::abs(best - full.size() / 2))
                    best = i;
            }
            if (best >= 0)
                text = full.left(best) + u'\n' + full.mid(best + separator.size());
        }
        if (caption->text() != text)
            caption->setText(text);
    }
}

void ChartPlot::fitTickCounts()
{
    // A short pane (the chart docked under a full window) gets fewer value ticks, so that its
    // labels never run into each other: about one per 30 px, between 2 and 5.
    bool changed = false;
    for (int p = 0; p < PaneCount; ++p) {
        const int ticks = std::clamp(m_panes[p]->height() / 30, 2, p == Syslog ? 2 : 5);
        // Every right axis: the traffic pane has one per unit of the analyst's curves.
        for (QCPAxis *axis : m_panes[p]->axes(QCPAxis::atLeft | QCPAxis::atRight)) {
            if (axis->ticker()->tickCount() != ticks) {
                axis->ticker()->setTickCount(ticks);
                changed = true;
            }
        }
    }
    if (changed)
        replot(rpQueuedReplot); // the ticks of this replot were placed before the layout
}

std::array<bool, ChartPlot::PaneCount> ChartPlot::panesFor(const ChartData &data) const
{
    // A remote source brings requests and failures only; a case without system logs has no
    // syslog lane: such panes leave rather than stand empty. Before there is anything to draw,
    // the panes of the usual case (the first layout sizes the chart for them).
    std::array<bool, PaneCount> wanted = {true, true, true, false, false, true};
    if (data.traffic.empty() && !data.systemLog)
        return wanted;
    wanted[Clients] = !data.clients.empty();
    wanted[Syslog] = data.systemLog;
    wanted[Response] = m_measure->hasResponse();
    wanted[Metrics] = m_measure->hasMetrics();
    return wanted;
}

void ChartPlot::showPanes(const std::array<bool, PaneCount> &wanted)
{
    if (m_wanted == wanted && plotLayout()->rowCount() > 1)
        return;
    m_wanted = wanted;
    layoutPanes();
}

void ChartPlot::setAutoCollapse(bool on)
{
    m_autoCollapse = on;
    layoutPanes();
}

void ChartPlot::placePanes(const std::array<bool, PaneCount> &shown)
{
    // A hidden pane leaves the layout entirely (an invisible layout element would still take its
    // share of the height). The time axis's labels go on the lowest pane shown.
    for (QCPAxisRect *rect : m_panes) {
        if (rect->layout() == plotLayout())
            plotLayout()->take(rect);
    }
    plotLayout()->simplify();
    int row = 1, last = Traffic;
    for (int p = 0; p < PaneCount; ++p) {
        m_panes[p]->setVisible(shown[std::size_t(p)]);
        if (!shown[std::size_t(p)])
            continue;
        plotLayout()->addElement(row, 0, m_panes[p]);
        plotLayout()->setRowStretchFactor(row, ChartPaneLayout::Stretch[std::size_t(p)]);
        ++row;
        last = p;
    }
    for (int p = 0; p < PaneCount; ++p) {
        timeAxis(Pane(p))->setTickLabels(p == last);
        timeAxis(Pane(p))->setLabel(p == last ? m_timeLabel : QString());
    }
}

void ChartPlot::layoutPanes()
{
    std::array<bool, PaneCount> shown = m_wanted;
    const std::array<bool, PaneCount> wanted = shown;
    placePanes(shown);
    if (m_autoCollapse && viewport().height() > 0) {
        // Laid out for real, then the lowest-priority pane leaves while any pane is too short.
        for (;;) {
            updateLayout();
            const bool legendCut = legend->outerRect().height() < legend->minimumOuterSizeHint().height();
            const auto next = ChartPaneLayout::collapseNext(
                shown, [this](int p) { return m_panes[p]->height(); }, legendCut);
            if (next < 0)
                break;
            shown[std::size_t(next)] = false;
            placePanes(shown);
        }
    }
    QStringList collapsed;
    for (int p = 0; p < PaneCount; ++p) {
        if (wanted[std::size_t(p)] && !shown[std::size_t(p)])
            collapsed.append(ChartPaneLayout::name(p));
    }
    m_collapsedNote->setText(collapsed.isEmpty() ? QString()
                                                 : tr("Hidden for lack of height: %1").arg(collapsed.join(u", "_qs)));
    m_collapsedNote->setVisible(!collapsed.isEmpty());
}

void ChartPlot::resizeEvent(QResizeEvent *event)
{
    QCustomPlot::resizeEvent(event); // sets the viewport the layout fills
    layoutPanes();
}

void ChartPlot::fitValueAxes()
{
    const QCPRange visible = timeAxis()->range();
    double tops[PaneCount] = {};
    for (int p = 0; p < PaneCount; ++p) {
        double top = 0;
        for (int i = 0; i < plottableCount(); ++i) {
            QCPAbstractPlottable *pl = plottable(i);
            if (pl->valueAxis() != m_panes[p]->axis(QCPAxis::atLeft) || !pl->visible())
                continue;
            bool found = false;
            const QCPRange r = pl->getValueRange(found, QCP::sdBoth, visible);
            if (found)
                top = qMax(top, r.upper);
        }
        if (p == Syslog) {
            // Stacked bars: the top is the sum of the stack in each bin.
            top = 0;
            const auto from = int64_t(visible.lower * UsPerS), to = int64_t(visible.upper * UsPerS);
            if (!m_data.severity.empty()) {
                const BinnedSeries &first = m_data.severity.front().series;
                for (std::size_t b = 0; b < first.size(); ++b) {
                    if (first.start(b) + first.widthUs < from || first.start(b) > to)
                        continue;
                    double sum = 0;
                    for (const NamedSeries &s : m_data.severity)
                        sum += b < s.series.size() ? s.series.values[b] : 0;
                    top = qMax(top, sum);
                }
            }
        }
        tops[p] = top;
    }
    for (int p = 0; p < PaneCount; ++p) {
        // Counts never scale a single event into a full-height spike: the axis reaches at least
        // MinimumCountTop, and failures at least a tenth of the traffic scale, so a few errors
        // among thousands of requests look few.
        double top = tops[p];
        if (p != Response && p != Metrics)
            top = qMax(top, MinimumCountTop);
        if (p == Errors)
            top = qMax(top, tops[Traffic] / 10);
        m_panes[p]->axis(QCPAxis::atLeft)->setRange(0, top > 0 ? top * 1.12 : 1);
    }
    bool found = false;
    const QCPRange rate = m_rate ? m_rate->getValueRange(found, QCP::sdBoth, visible) : QCPRange();
    m_panes[Errors]
        ->axis(QCPAxis::atRight)
        ->setRange(0, found && rate.upper > 0 ? qMin(100.0, rate.upper * 1.12) + 0.5 : 100);
}

int64_t ChartPlot::visibleFromUs() const { return int64_t(std::llround(timeAxis()->range().lower * UsPerS)); }
int64_t ChartPlot::visibleToUs() const { return int64_t(std::llround(timeAxis()->range().upper * UsPerS)); }

QSize ChartPlot::sizeHint() const
{
    // About 110 px for each curve pane, a lane for syslog, the time axis and the legend.
    const int line = fontMetrics().height();
    return {80 * line, 30 * line};
}

QSize ChartPlot::minimumSizeHint() const { return {30 * fontMetrics().height(), 16 * fontMetrics().height()}; }

int ChartPlot::readableHeight() const
{
    const int line = fontMetrics().height();
    // The legend row; the time axis's two-line ticks and its title; a little slack.
    int height = line + 8 + 4 * line + 8;
    for (int p = 0; p < PaneCount; ++p) {
        // Each pane's margins (axis rect minus plotting area) and the row spacing.
        if (m_wanted[std::size_t(p)])
            height += ChartPaneLayout::MinimumHeight[std::size_t(p)] + 11;
    }
    return height;
}

void ChartPlot::setVisibleRange(int64_t fromUs, int64_t toUs)
{
    timeAxis()->setRange(double(fromUs) / UsPerS, double(toUs) / UsPerS);
}

void ChartPlot::syncTimeAxes(const QCPRange &range)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (QCPAxisRect *rect : m_panes)
        rect->axis(QCPAxis::atBottom)->setRange(range);
    m_syncing = false;
    updateTickFormat();
    m_marks->layoutLabels();
    m_tracer->hide(); // its values belong to the old view until the mouse moves again
    emit visibleRangeChanged(visibleFromUs(), visibleToUs());
}

void ChartPlot::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    m_ticker->setTimeZone(zone);
    updateAxisLabels();
    replot(rpQueuedReplot);
}

void ChartPlot::updateTickFormat()
{
    // By the step between ticks: minutes alone would label ticks half a minute apart alike.
    const int ticks = qMax(3, width() / 140);
    const double step = timeAxis()->range().size() / ticks;
    const QString format = step < 60      ? QStringLiteral("HH:mm:ss\nd MMM")
                           : step < 86400 ? QStringLiteral("HH:mm\nd MMM")
                                          : QStringLiteral("d MMM\nyyyy");
    m_ticker->setDateTimeFormat(format);
    m_ticker->setTickCount(ticks);
}

void ChartPlot::updateAxisLabels()
{
    const QString per = m_data.widthUs > 0 ? tr(" per %1").arg(binWidthText(m_data.widthUs)) : QString();
    // Panes can be short (the chart docked in a full window): labels take two lines to stay inside.
    m_panes[Traffic]->axis(QCPAxis::atLeft)->setLabel(tr("Requests") + u'\n' + per.trimmed());
    m_panes[Errors]->axis(QCPAxis::atLeft)->setLabel(tr("Failed") + u'\n' + per.trimmed());
    m_panes[Errors]->axis(QCPAxis::atRight)->setLabel(tr("failure rate %"));
    m_panes[Clients]->axis(QCPAxis::atLeft)->setLabel(tr("Clients") + u'\n' + per.trimmed());
    m_panes[Response]->axis(QCPAxis::atLeft)->setLabel(tr("Response") + u'\n' + tr("ms"));
    m_panes[Metrics]->axis(QCPAxis::atLeft)->setLabel(tr("Value") + u'\n' + tr("mean per bin"));
    // The lane is too short for a long label; its caption says what the bars are.
    m_panes[Syslog]->axis(QCPAxis::atLeft)->setLabel(tr("Syslog"));
    const QString zone = m_zone == QTimeZone::utc() ? QStringLiteral("UTC") : QString::fromUtf8(m_zone.id());
    m_timeLabel = tr("Time (%1)").arg(zone);
    for (int p = 0; p < PaneCount; ++p) {
        if (timeAxis(Pane(p))->tickLabels())
            timeAxis(Pane(p))->setLabel(m_timeLabel);
    }
}

double ChartPlot::keyAt(const QPoint &pos) const { return timeAxis()->pixelToCoord(pos.x()); }

ChartPlot::Pane ChartPlot::paneAt(const QPoint &pos) const
{
    for (int p = 0; p < PaneCount; ++p) {
        if (m_panes[p]->rect().contains(pos))
            return Pane(p);
    }
    return PaneCount;
}

QString ChartPlot::siteAt(const QPoint &pos) const
{
    const Pane pane = paneAt(pos);
    const auto &graphs = pane == Traffic   ? m_traffic
                         : pane == Clients ? m_clients
                         : pane == Errors  ? m_failed
                                           : std::vector<QCPGraph *>();
    const double key = keyAt(pos);
    QString best;
    double bestDistance = 24; // px
    for (QCPGraph *g : graphs) {
        if (!g->visible() || g->data()->isEmpty())
            continue;
        auto it = g->data()->findBegin(key, true); // the bin starting at or before key
        if (it == g->data()->constEnd() || it->key > key)
            continue;
        const double d = std::abs(g->valueAxis()->coordToPixel(it->value) - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = g->name();
        }
    }
    return best;
}

void ChartPlot::setDragMode(DragMode mode)
{
    m_mode = mode;
    setSelectionRectMode(mode == DragMode::ZoomBox ? QCP::srmZoom : QCP::srmNone);
    setInteraction(QCP::iRangeDrag, mode == DragMode::Pan);
    setCursor(mode == DragMode::Pan ? Qt::ArrowCursor : Qt::CrossCursor);
}

void ChartPlot::updateCursor(const QPoint &pos)
{
    // Over an outage window's edge or label the cursor says it can be dragged.
    setCursor(m_markerDrag->cursorAt(pos).value_or(m_mode == DragMode::Pan ? Qt::ArrowCursor : Qt::CrossCursor));
}

void ChartPlot::setSelection(int64_t beginUs, int64_t endUs)
{
    m_selection = {qMin(beginUs, endUs), qMax(beginUs, endUs)};
    showSelection(double(m_selection.first) / UsPerS, double(m_selection.second) / UsPerS);
    layer(QStringLiteral("overlay"))->replot();
}

void ChartPlot::showSelection(double fromKey, double toKey)
{
    if (m_selectionRects.empty()) {
        for (QCPAxisRect *rect : m_panes) {
            auto *r = new QCPItemRect(this);
            r->setLayer(QStringLiteral("overlay"));
            r->setClipAxisRect(rect);
            for (QCPItemPosition *p : {r->topLeft, r->bottomRight}) {
                p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
                p->setAxisRect(rect);
                p->setTypeX(QCPItemPosition::ptPlotCoords);
                p->setTypeY(QCPItemPosition::ptAxisRectRatio);
            }
            r->setSelectable(false);
            m_selectionRects.push_back(r);
        }
    }
    const bool outage = m_drag == Drag::Outage;
    for (QCPItemRect *r : m_selectionRects) {
        r->setPen(QPen(outage ? QColor(0xB0, 0x00, 0x20) : QColor(0x00, 0x72, 0xB2), 1, Qt::DashLine));
        r->setBrush(outage ? QColor(0xB0, 0x00, 0x20, 40) : QColor(0x00, 0x72, 0xB2, 40));
        r->topLeft->setCoords(fromKey, 0);
        r->bottomRight->setCoords(toKey, 1);
        r->setVisible(toKey > fromKey);
    }
}

void ChartPlot::zoomBy(double factor)
{
    timeAxis()->scaleRange(1.0 / factor, timeAxis()->range().center());
    replot(rpQueuedReplot);
}

void ChartPlot::panBy(double fraction)
{
    timeAxis()->moveRange(timeAxis()->range().size() * fraction);
    replot(rpQueuedReplot);
}

void ChartPlot::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->pos();
    m_pressed = event->button() == Qt::LeftButton;
    const bool inPane = paneAt(event->pos()) != PaneCount;
    m_drag = Drag::None;
    if (m_pressed && event->modifiers() == Qt::NoModifier && m_markerDrag->press(event->pos()))
        return; // an outage window's edge or label, not a pan
    if (m_pressed && inPane && (event->modifiers() & Qt::ControlModifier || m_mode == DragMode::Outage))
        m_drag = Drag::Outage;
    else if (m_pressed && inPane && event->modifiers() & Qt::ShiftModifier)
        m_drag = Drag::Select;
    if (m_drag != Drag::None) {
        m_dragKey = keyAt(event->pos());
        return; // not a pan
    }
    QCustomPlot::mousePressEvent(event);
}

void ChartPlot::mouseMoveEvent(QMouseEvent *event)
{
    if (m_markerDrag->isDragging()) {
        m_markerDrag->move(event->pos());
        return;
    }
    if (m_drag != Drag::None) {
        const double key = keyAt(event->pos());
        showSelection(qMin(m_dragKey, key), qMax(m_dragKey, key));
        layer(QStringLiteral("overlay"))->replot();
        return;
    }
    QCustomPlot::mouseMoveEvent(event);
    if (!m_pressed) {
        m_tracer->follow(event->pos());
        updateCursor(event->pos());
    }
}

void ChartPlot::mouseReleaseEvent(QMouseEvent *event)
{
    const bool click = m_pressed && (event->pos() - m_pressPos).manhattanLength() < ClickSlop;
    const Drag drag = m_drag;
    m_pressed = false;
    m_drag = Drag::None;
    if (m_markerDrag->isDragging()) {
        // A click on an edge changes nothing: it is a click on that bin, as anywhere else.
        const auto span = click ? std::nullopt : m_markerDrag->release(event->pos());
        m_markerDrag->cancel();
        updateCursor(event->pos());
        if (span)
            emit markerSpanEdited(span->id, span->beginUs, span->endUs);
        else if (const Pane pane = paneAt(event->pos()); click && pane != PaneCount)
            emit binClicked(int64_t(std::llround(keyAt(event->pos()) * UsPerS)), pane, siteAt(event->pos()));
        return;
    }
    if (drag != Drag::None) {
        const double key = keyAt(event->pos());
        const auto a = int64_t(std::llround(qMin(m_dragKey, key) * UsPerS));
        const auto b = int64_t(std::llround(qMax(m_dragKey, key) * UsPerS));
        if (click || b <= a) {
            setSelection(0, 0);
            return;
        }
        if (drag == Drag::Outage) {
            setSelection(0, 0);
            emit outageDrawn(a, b);
        } else {
            setSelection(a, b);
            emit rangeSelected(a, b);
        }
        return;
    }
    QCustomPlot::mouseReleaseEvent(event);
    if (click && event->button() == Qt::LeftButton) {
        const Pane pane = paneAt(event->pos());
        if (pane != PaneCount)
            emit binClicked(int64_t(std::llround(keyAt(event->pos()) * UsPerS)), pane, siteAt(event->pos()));
    }
}

void ChartPlot::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        break;
    case Qt::Key_Left:
        panBy(event->modifiers() & Qt::ShiftModifier ? -0.5 : -0.1);
        break;
    case Qt::Key_Right:
        panBy(event->modifiers() & Qt::ShiftModifier ? 0.5 : 0.1);
        break;
    case Qt::Key_Escape:
        m_markerDrag->cancel();
        setSelection(0, 0);
        break;
    default:
        QCustomPlot::keyPressEvent(event);
    }
}

void ChartPlot::leaveEvent(QEvent *event)
{
    m_tracer->hide();
    QCustomPlot::leaveEvent(event);
}

void ChartPlot::contextMenuEvent(QContextMenuEvent *event)
{
    if (const qint64 id = m_marks->markerAt(event->pos()))
        emit markerContextMenu(id, event->globalPos());
}

} // namespace inquest
