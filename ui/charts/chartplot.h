#pragma once

#include "analysis/chartdata.h"

#include <QTimeZone>

#include <array>

#include <qcustomplot.h>

namespace inquest {

class ChartMarkerDrag;
class ChartMeasurePanes;
class ChartMarks;
class ChartTracer;

// The incident chart: stacked panes sharing one UTC time axis (keys are seconds since the
// epoch) — traffic per site, failures per site (4xx of all sites behind them, failure rate on the
// right axis), clients,
// and a lane of syslog events by severity. It draws what it is given (ChartData) and reports
// what the analyst does with the mouse; the dock decides what to bin and what to do.
class ChartPlot : public QCustomPlot
{
    Q_OBJECT

public:
    // Response and Metrics are shown only when the case has response times or CSV metrics.
    enum Pane { Traffic, Errors, Clients, Response, Metrics, Syslog, PaneCount };
    enum class DragMode { Pan, ZoomBox, Outage };

    explicit ChartPlot(QWidget *parent = nullptr);
    ~ChartPlot() override;

    void setChartData(const ChartData &data);
    const ChartData &chartData() const { return m_data; }
    // Visible time range in µs UTC.
    int64_t visibleFromUs() const;
    int64_t visibleToUs() const;
    void setVisibleRange(int64_t fromUs, int64_t toUs);
    // Every site of the case, so that a site keeps its colour when others are hidden.
    void setSiteOrder(const QStringList &sites) { m_siteOrder = sites; }
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    void setDragMode(DragMode mode);
    DragMode dragMode() const { return m_mode; }

    QCPAxisRect *pane(Pane p) const { return m_panes[p]; }
    // The text at the top right of a pane that says what its curves are.
    QCPItemText *caption(Pane p) const { return m_captions[p]; }
    bool isPaneShown(Pane p) const { return m_panes[p]->visible(); }
    ChartMeasurePanes *measurePanes() const { return m_measure; }
    QCPAxis *timeAxis(Pane p = Traffic) const { return m_panes[p]->axis(QCPAxis::atBottom); }
    // "Time (zone)": the title of the time axis, on the lowest pane shown.
    QString timeAxisLabel() const { return m_timeLabel; }
    // Panes too short to read leave the chart (ChartPaneLayout); figures lay out their own.
    void setAutoCollapse(bool on);
    QCPTextElement *collapsedNote() const { return m_collapsedNote; }
    ChartMarks *marks() const { return m_marks; }
    ChartTracer *tracer() const { return m_tracer; }
    // The site whose traffic or client curve is nearest to a widget position (empty if none near).
    QString siteAt(const QPoint &pos) const;
    Pane paneAt(const QPoint &pos) const; // PaneCount when outside every pane
    // Selected range (Shift+drag), µs; begin == end when nothing is selected.
    std::pair<int64_t, int64_t> selection() const { return m_selection; }
    void setSelection(int64_t beginUs, int64_t endUs);
    // Fits the value axes to what is visible (called before a replot after a pan or zoom).
    void fitValueAxes();

    // Four stacked panes need height to be read: what a new window's layout gives the chart.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The height at which every pane the case has is readable (ChartPaneLayout::MinimumHeight),
    // with the legend and the time axis: what a first layout gives the chart if it can.
    int readableHeight() const;

    void zoomBy(double factor);  // > 1 zooms in, around the centre
    void panBy(double fraction); // of the visible span; negative = earlier

signals:
    // New bins were drawn (setChartData); overlays that live among the plottables draw again.
    void chartDataSet();
    void visibleRangeChanged(qint64 fromUs, qint64 toUs);
    void binClicked(qint64 timeUs, int pane, const QString &site);
    void rangeSelected(qint64 beginUs, qint64 endUs);
    void outageDrawn(qint64 beginUs, qint64 endUs);
    void markerContextMenu(qint64 markerId, const QPoint &globalPos);
    // An outage window's edge or label was dragged to a new span (once per drag, on release).
    void markerSpanEdited(qint64 markerId, qint64 beginUs, qint64 endUs);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void setupPanes();
    void syncTimeAxes(const QCPRange &range);
    void updateTickFormat();
    void updateAxisLabels();
    QCPGraph *graph(Pane pane, int index, const QString &name, const QColor &colour, bool legend);
    double keyAt(const QPoint &pos) const;
    void showSelection(double fromKey, double toKey);
    void updateCursor(const QPoint &pos);
    // The panes the data has something for (always traffic and failures; the rest when a
    // source feeds them: clients from access logs, the syslog lane from system logs, response
    // times and metric columns when logged).
    void showPanes(const std::array<bool, PaneCount> &wanted);
    std::array<bool, PaneCount> panesFor(const ChartData &data) const;
    void layoutPanes();
    void placePanes(const std::array<bool, PaneCount> &shown);
    void fitTickCounts();
    void fitCaptions();
    // The severity lane's caption, naming the "no severity" band when the lane has one.
    static QString severityCaption(bool unrated);

    ChartData m_data;
    QCPAxisRect *m_panes[PaneCount] = {};
    QCPItemText *m_captions[PaneCount] = {};
    QCPLayoutGrid *m_legendRow = nullptr;
    QCPTextElement *m_collapsedNote = nullptr;
    QString m_timeLabel;
    std::array<bool, PaneCount> m_wanted = {true, true, true, false, false, true}; // panesFor()
    bool m_autoCollapse = true;
    QSharedPointer<QCPAxisTickerDateTime> m_ticker;
    QTimeZone m_zone = QTimeZone::utc();
    QStringList m_siteOrder;
    std::vector<QCPGraph *> m_traffic, m_clients, m_failed; // by index in ChartData
    QStringList m_curveKey;                                 // the sites drawn and hidden that the curves were made for
    QCPGraph *m_4xx = nullptr, *m_rate = nullptr, *m_new = nullptr;
    std::vector<QCPBars *> m_severity;
    ChartMarks *m_marks;
    ChartTracer *m_tracer;
    ChartMarkerDrag *m_markerDrag;
    ChartMeasurePanes *m_measure;
    DragMode m_mode = DragMode::Pan;
    QPoint m_pressPos;
    bool m_pressed = false;
    enum class Drag { None, Select, Outage } m_drag = Drag::None;
    double m_dragKey = 0;
    std::pair<int64_t, int64_t> m_selection{0, 0};
    std::vector<QCPItemRect *> m_selectionRects;
    bool m_syncing = false;
};

QColor siteColour(int index);
// Whole-number ticks for counts (no "2.5 requests").
QSharedPointer<QCPAxisTicker> makeCountTicker();
// A bin width as the axis titles say it: "minute", "30 s", "hour".
QString binWidthText(int64_t us);
// Step-curve or bar data from a series (keys in seconds), with a closing point for step curves.
void setSeriesData(QCPAbstractPlottable *plottable, const BinnedSeries &series, double scale = 1.0);

} // namespace inquest
