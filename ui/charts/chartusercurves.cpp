#include "chartusercurves.h"
#include "chartplot.h"

#include "analysis/curveseries.h"
#include "support/parallel.h"

#include <algorithm>

namespace inquest {

namespace {

constexpr double UsPerS = 1e6;

QCPAbstractPlottable *makePlottable(ChartPlot *plot, QCPAxis *value, const CurveSpec &c, const BinnedSeries &s)
{
    QCPAxis *key = plot->pane(ChartPlot::Traffic)->axis(QCPAxis::atBottom);
    const QColor colour = QColor::fromString(c.colour).isValid() ? QColor::fromString(c.colour) : QColor(Qt::red);
    const QString name = curveLabel(c);
    if (c.style == CurveStyle::Bars) {
        auto *bars = new QCPBars(key, value);
        bars->setName(name);
        QColor fill = colour;
        fill.setAlpha(110);
        bars->setBrush(fill);
        bars->setPen(QPen(colour, 1));
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setWidth(double(s.widthUs) / UsPerS);
        QVector<double> keys, values;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (std::isnan(s.values[i]))
                continue;
            keys.append((double(s.start(i)) + s.widthUs / 2.0) / UsPerS);
            values.append(s.values[i]);
        }
        bars->setData(keys, values, true);
        return bars;
    }
    auto *g = new QCPGraph(key, value);
    g->setName(name);
    g->setPen(QPen(colour, c.style == CurveStyle::Dots ? 1 : 2));
    QVector<double> keys, values;
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Lines and dots at the bin's middle; steps from its start.
        const double at = c.style == CurveStyle::Step ? double(s.start(i)) : s.start(i) + s.widthUs / 2.0;
        keys.append(at / UsPerS);
        values.append(s.values[i]);
    }
    if (c.style == CurveStyle::Step && s.size()) {
        keys.append(double(s.start(s.size() - 1) + s.widthUs) / UsPerS);
        values.append(s.values.back());
    }
    g->setData(keys, values, true);
    g->setLineStyle(c.style == CurveStyle::Step   ? QCPGraph::lsStepLeft
                    : c.style == CurveStyle::Dots ? QCPGraph::lsNone
                                                  : QCPGraph::lsLine);
    if (c.style == CurveStyle::Dots)
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 5));
    else if (c.style == CurveStyle::Line && !curveIsPerBin(c))
        // A mean, maximum or percentile has no value in a bin without events: a value between two
        // such gaps is a line of no length, so each value also gets a dot.
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 3));
    return g;
}

const QColor MarkColour(0xC0, 0x80, 0x00);

// A dotted line at the event's time through the traffic pane, so the mark's time is exact.
QCPAbstractItem *makeMarkLine(ChartPlot *plot, const EventMark &m)
{
    QCPAxisRect *rect = plot->pane(ChartPlot::Traffic);
    auto *line = new QCPItemLine(plot);
    line->setClipAxisRect(rect);
    line->setClipToAxisRect(true);
    for (QCPItemPosition *end : {line->start, line->end}) {
        end->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        end->setAxisRect(rect);
        end->setTypeX(QCPItemPosition::ptPlotCoords);
        end->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    line->start->setCoords(double(m.time) / UsPerS, 0);
    line->end->setCoords(double(m.time) / UsPerS, 1);
    line->setPen(QPen(MarkColour, 1, Qt::DotLine));
    return line;
}

// The star (or a diamond for a mark without one) and the tags, low in the traffic pane: the
// labels of statements and outage windows take its top.
QCPItemText *makeMarkItem(ChartPlot *plot, const EventMark &m)
{
    QCPAxisRect *rect = plot->pane(ChartPlot::Traffic);
    auto *text = new QCPItemText(plot);
    text->setClipAxisRect(rect);
    text->setClipToAxisRect(true);
    text->position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setAxisRect(rect);
    text->position->setCoords(double(m.time) / UsPerS, 0.9);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    text->setBrush(QColor(255, 255, 255, 200));
    QString label = m.starred ? QStringLiteral("★") : QStringLiteral("◆");
    if (!m.tags.isEmpty())
        label += u' ' + m.tags.join(u',');
    if (!m.comment.isEmpty())
        label += QStringLiteral(" — ") + (m.comment.size() > 40 ? m.comment.left(39) + u'…' : m.comment);
    text->setText(label);
    text->setColor(MarkColour);

    QFont f = plot->font();
    f.setBold(true);
    text->setFont(f);
    return text;
}

} // namespace

ChartUserCurves::ChartUserCurves(ChartPlot *plot)
    : QObject(plot)
    , m_plot(plot)
    , m_axes(plot->pane(ChartPlot::Traffic))
{
    connect(plot, &ChartPlot::visibleRangeChanged, this, &ChartUserCurves::layoutMarks);
    connect(&m_watcher, &QFutureWatcher<Filtered>::finished, this, [this] {
        if (m_watcher.future().resultCount() > 0)
            filtered();
    });
}

void ChartUserCurves::layoutMarks()
{
    constexpr double Rows[] = {0.9, 0.72, 0.54};
    double right[std::size(Rows)];
    std::fill(std::begin(right), std::end(right), -1e9);
    QList<QCPItemText *> labels = m_markItems;
    std::sort(labels.begin(), labels.end(),
              [](QCPItemText *a, QCPItemText *b) { return a->position->key() < b->position->key(); });
    const QCPAxis *time = m_plot->pane(ChartPlot::Traffic)->axis(QCPAxis::atBottom);
    for (QCPItemText *label : std::as_const(labels)) {
        const double x = time->coordToPixel(label->position->key());
        const double width = QFontMetricsF(label->font()).horizontalAdvance(label->text()) + 8;
        label->setVisible(false);
        for (std::size_t row = 0; row < std::size(Rows); ++row) {
            if (x > right[row]) {
                label->position->setCoords(label->position->key(), Rows[row]);
                label->setVisible(true);
                right[row] = x + width;
                break;
            }
        }
    }
}

ChartUserCurves::~ChartUserCurves() { parallel::wait(m_watcher); }

void ChartUserCurves::setCase(const CaseData &data)
{
    QList<const EventTable *> tables;
    for (const Source &s : data.sources)
        tables.append(s.table.get());
    if (tables != m_tables) {
        m_tables = tables;
        m_index.reset();
        m_rowsFor.clear();
    }
    m_rule = SiteRule::of(data.meta);
    m_sources = data.sources;
    m_caseCurves = data.curves;
    m_marks = data.eventMarks;
    filterAgain();
    redraw(m_width);
}

void ChartUserCurves::setTransientCurve(const std::optional<CurveSpec> &curve)
{
    m_transient = curve;
    filterAgain();
    redraw(m_width);
}

void ChartUserCurves::filterAgain()
{
    m_curves = m_caseCurves;
    if (m_transient)
        m_curves.append(*m_transient);
    if (m_watcher.isRunning()) {
        m_again = true; // the case changed meanwhile: run again when this run ends
        return;
    }
    if (m_rowsFor == m_curves || m_curves.isEmpty()) {
        if (m_curves.isEmpty()) {
            m_rows.clear();
            m_problems.clear();
            m_rowsFor.clear();
        }
        return;
    }
    m_watcher.setFuture(parallel::run([index = m_index, sources = m_sources, rule = m_rule, curves = m_curves] {
        Filtered f;
        f.index = index ? index : TimelineIndex::build(timelineSources(sources, rule));
        f.curves = curves;
        for (const CurveSpec &c : curves) {
            QString error;
            auto rows = curveRows(*f.index, c.filter, &error);
            if (!rows)
                f.problems.append(QStringLiteral("%1: %2").arg(c.name, error));
            f.rows.push_back(rows ? std::move(*rows) : std::vector<uint64_t>());
        }
        return f;
    }));
}

void ChartUserCurves::filtered()
{
    Filtered f = m_watcher.result();
    // The case changed while the filters ran: this result is dropped and they run again.
    if (std::exchange(m_again, false)) {
        filterAgain();
        return;
    }
    m_index = f.index;
    m_rows = std::move(f.rows);
    m_rowsFor = f.curves;
    m_problems = f.problems;
    redraw(m_width);
}

void ChartUserCurves::finishNow()
{
    while (m_watcher.isRunning()) {
        parallel::wait(m_watcher);
        filtered();
    }
}

void ChartUserCurves::clearDrawn()
{
    for (const QPointer<QCPAbstractPlottable> &p : std::as_const(m_drawn)) {
        if (p)
            m_plot->removePlottable(p);
    }
    auto remove = [this](QCPAbstractItem *i) {
        if (m_plot->hasItem(i))
            m_plot->removeItem(i);
    };
    for (QCPItemText *i : std::as_const(m_markItems))
        remove(i);
    for (QCPAbstractItem *i : std::as_const(m_markLines))
        remove(i);
    m_plottables.clear();
    m_drawn.clear();
    m_markItems.clear();
    m_markLines.clear();
}

void ChartUserCurves::followBins(const ChartData &data)
{
    const std::array<int64_t, 3> key{data.widthUs, data.fromUs, data.toUs};
    const bool kept = std::all_of(m_drawn.begin(), m_drawn.end(), [](const auto &p) { return !p.isNull(); });
    if (key == m_binsKey && kept)
        return;
    m_binsKey = key;
    redraw(data.widthUs);
}

void ChartUserCurves::redraw(int64_t widthUs)
{
    clearDrawn();
    m_axes.begin();
    m_width = widthUs;
    if (m_index && widthUs > 0 && m_rowsFor == m_curves) {
        // The view and one view's width either side, so a pan shows curves before the next re-bin.
        const int64_t from = m_plot->visibleFromUs(), to = m_plot->visibleToUs();
        const int64_t span = std::max<int64_t>(to - from, widthUs);
        for (int i = 0; i < m_curves.size(); ++i) {
            const BinnedSeries s =
                curveSeries(*m_index, m_rows[std::size_t(i)], m_curves[i], widthUs, from - span, to + span);
            QCPAxis *axis = m_axes.axisFor(m_curves[i], binWidthText(widthUs));
            QCPAbstractPlottable *p = makePlottable(m_plot, axis, m_curves[i], s);
            if (m_transient && i == m_curves.size() - 1) {
                QPen pen = p->pen();
                pen.setStyle(Qt::DashLine);
                p->setPen(pen);
            }
            m_plottables.append(p);
            m_drawn.append(p);
        }
    }
    for (const EventMark &m : std::as_const(m_marks)) {
        m_markLines.append(makeMarkLine(m_plot, m));
        m_markItems.append(makeMarkItem(m_plot, m));
    }
    const QCPRange visible = m_plot->timeAxis()->range();
    m_axes.finish(m_plottables, visible.lower, visible.upper);
    layoutMarks();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

ChartUserCurves *drawUserCurves(ChartPlot *plot, const CaseData &data, int64_t widthUs)
{
    auto *curves = new ChartUserCurves(plot);
    curves->setCase(data);
    curves->finishNow();
    curves->redraw(widthUs);
    return curves;
}

} // namespace inquest
