#pragma once

#include "chartcurveaxes.h"

#include "analysis/timelineindex.h"
#include "model/casedata.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <array>
#include <memory>
#include <optional>

class QCPAbstractPlottable;
class QCPAbstractItem;
class QCPItemText;

namespace inquest {

struct ChartData;

class ChartPlot;

// The analyst's curves (model/curvespec) drawn over the traffic pane on right axes, one per unit
// (ChartCurveAxes), and the
// event marks (model/eventmark) as stars, tags and comments at their times. Each curve's filter
// runs once per change of the case, off the GUI thread (with the merged index, made when a curve
// first needs it); its bins are made for the view on every re-bin.
class ChartUserCurves : public QObject
{
    Q_OBJECT

public:
    explicit ChartUserCurves(ChartPlot *plot);
    ~ChartUserCurves() override;

    // Takes the case's curves, marks and sources (the filters run again when they changed).
    void setCase(const CaseData &data);
    // A curve drawn besides the case's (dashed) and not kept: an evidence item's own filter shown
    // by "Show on chart", until another range is shown or another case opened (nullopt).
    void setTransientCurve(const std::optional<CurveSpec> &curve);
    const std::optional<CurveSpec> &transientCurve() const { return m_transient; }
    // Draws the curves binned at `widthUs` around the visible range, and the marks.
    void redraw(int64_t widthUs);
    // The chart's bins are in: the curves are drawn again (and their axes fitted) for a new bin
    // width or binned range, or when the chart dropped them; the same bins again (response
    // percentiles or a remote source's answer joining them) leave them as drawn.
    void followBins(const ChartData &data);

    // What is drawn, for tests and screenshots: one plottable per curve, one label per mark.
    const QList<QCPAbstractPlottable *> &plottables() const { return m_plottables; }
    const QList<QCPItemText *> &markItems() const { return m_markItems; }
    const ChartCurveAxes &axes() const { return m_axes; }
    // Places the mark labels for the current zoom in up to three rows so that none overlaps
    // another; a label that finds no room is hidden (its dotted line stays).
    void layoutMarks();
    // Curves whose filter could not be read, with the reason.
    const QStringList &problems() const { return m_problems; }
    // True while filters run; the curves are drawn when they are done.
    bool isBusy() const { return m_watcher.isRunning() || m_rowsFor != m_curves; }
    // Waits for the filters and draws (the report's figures, which have no event loop to wait in).
    void finishNow();

private:
    struct Filtered
    {
        std::shared_ptr<const TimelineIndex> index;
        QList<CurveSpec> curves;
        std::vector<std::vector<uint64_t>> rows;
        QStringList problems;
    };
    void clearDrawn();
    void filterAgain();
    void filtered();

    ChartPlot *m_plot;
    ChartCurveAxes m_axes;
    QList<CurveSpec> m_curves; // the case's, then the transient one
    std::optional<CurveSpec> m_transient;
    QList<CurveSpec> m_caseCurves;
    QList<EventMark> m_marks;
    QList<const EventTable *> m_tables; // the tables the index was (or will be) built from
    QList<Source> m_sources;
    SiteRule m_rule;
    std::shared_ptr<const TimelineIndex> m_index;
    std::vector<std::vector<uint64_t>> m_rows; // per curve, the events its filter keeps
    QList<CurveSpec> m_rowsFor;                // the curves m_rows were made for
    QStringList m_problems;
    QList<QCPAbstractPlottable *> m_plottables;
    // The same, null once the chart deleted them (it clears its plottables when its sites change;
    // a new curve may then get a deleted one's address).
    QList<QPointer<QCPAbstractPlottable>> m_drawn;
    QList<QCPItemText *> m_markItems;
    QList<QCPAbstractItem *> m_markLines;
    int64_t m_width = 0;
    std::array<int64_t, 3> m_binsKey{}; // width, from and to of the bins followed last
    QFutureWatcher<Filtered> m_watcher;
    bool m_again = false;
};

// Draws user curves and event marks on a plot once (the report's figures); owned by the plot.
// Call layoutMarks() on it again once the plot is laid out.
ChartUserCurves *drawUserCurves(ChartPlot *plot, const CaseData &data, int64_t widthUs);

} // namespace inquest
