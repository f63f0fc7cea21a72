#pragma once

#include "analysis/metric.h"
#include "model/kinds.h"

#include <QList>
#include <QPicture>
#include <QSizeF>
#include <QStringList>

#include <memory>

class QPainter;

namespace inquest {

namespace remote {
struct RemoteChartBins;
}

struct CaseData;

// A mark the figure draws over its curves (besides the case's own statements and markers).
struct FigureMark
{
    enum Kind { Statement, Outage, Finding, Evidence };
    Kind kind = Outage;
    qint64 beginUs = 0;
    qint64 endUs = 0; // == beginUs for an instant
    QString label;
};

// What a chart figure shows: the report builds one per figure and hands it to a renderer.
struct ChartSpec
{
    const CaseData *caseData = nullptr; // the case (sources with their events, statements, markers)
    QStringList sites;                  // empty = every site
    // Panes to draw, by metric: Requests (traffic), Status4xx/Status5xx/ErrorRate (errors),
    // UniqueClients/NewClients (clients), Severity (syslog lane). Empty = all panes.
    QList<MetricKey> metrics;
    qint64 beginUs = 0; // begin == end: the whole case
    qint64 endUs = 0;
    bool caseMarks = true;   // statements, outage windows, findings, evidence ranges and event marks of the case
    bool userCurves = false; // the analyst's curves (CaseData::curves) over the traffic pane
    QList<FigureMark> marks; // extra marks
    QSizeF size{720, 420};   // points (1/72 inch) on the page
    QString title;
    QString timeZone = QStringLiteral("UTC"); // display zone of the time axis ("UTC", IANA id)
    int64_t binWidthUs = 0;                   // 0 = chosen from the range and size
    // What the case's remote sources answered for the figure's view (report/figureview), every
    // site; the figure draws those of `sites`. Null: local sources only.
    std::shared_ptr<const remote::RemoteChartBins> remote;
};

// Draws chart figures as vector graphics for the findings report. app/ only knows this
// interface; the implementation (ui/charts) uses the same plot as the Charts dock.
class FigureRenderer
{
public:
    virtual ~FigureRenderer() = default;
    // Draws into `painter` (a QPdfWriter, QPicture, QPrinter, …) filling `target` (painter units).
    virtual bool render(const ChartSpec &spec, QPainter *painter, const QRectF &target) = 0;
    // The figure as a resolution-independent picture of spec.size.
    virtual QPicture picture(const ChartSpec &spec) = 0;
};

} // namespace inquest
