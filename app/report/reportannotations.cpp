// The analyst's annotations in the report: user-defined curves (drawn on the figures, listed
// under them) and marked events with their raw lines and where they come from.
#include "reportbuilder.h"
#include "reportformat.h"

#include "analysis/binpyramid.h"
#include "analysis/eventmarklist.h"
#include "model/casedata.h"

namespace inquest {

using namespace reportformat;

void ReportBuilder::timelineAndMarks()
{
    timeline();
    if (m_data.eventMarks.isEmpty())
        return;
    add(ReportBlock::heading(QStringLiteral("Marked events"), 2));
    add(ReportBlock::paragraph(QStringLiteral("Events the analyst starred, tagged or commented on, with the line as "
                                              "read back from its file now (★ starred).")));
    ReportBlock t = ReportBlock::table(
        {QStringLiteral("Time (UTC)"), QStringLiteral("Line"), QStringLiteral("Mark"), QStringLiteral("Raw line")},
        {17, 20, 23, 40});
    for (const EventMarkEntry &e : eventMarkEntries(m_data)) {
        QStringList mark;
        if (e.mark.starred)
            mark.append(QStringLiteral("★"));
        if (!e.mark.tags.isEmpty())
            mark.append(QStringLiteral("tags: ") + e.mark.tags.join(QStringLiteral(", ")));
        if (!e.mark.comment.isEmpty())
            mark.append(e.mark.comment);
        const QString where = QStringLiteral("%1:%2 (source #%3, byte %4)")
                                  .arg(e.sourceName.isEmpty() ? QStringLiteral("?") : e.sourceName)
                                  .arg(e.mark.line)
                                  .arg(e.mark.sourceId)
                                  .arg(e.mark.offset);
        t.rows.append({utc(e.mark.time), where, mark.join(QStringLiteral("; ")),
                       e.raw.isEmpty() ? QStringLiteral("(not shown: %1)").arg(e.problem) : e.raw.left(400)});
    }
    add(t);
}

void ReportBuilder::chartsAndCurves()
{
    charts();
    if (m_data.curves.isEmpty())
        return;
    add(ReportBlock::heading(QStringLiteral("User-defined curves"), 2));
    QString text = QStringLiteral("Drawn over the requests of all sites, on the right, one axis per unit: ");
    QStringList parts;
    for (const CurveSpec &c : m_data.curves)
        parts.append(QStringLiteral("%1 (%2 of %3, %4 %5)")
                         .arg(c.name, aggregateText(c), c.filter.isEmpty() ? QStringLiteral("all events") : c.filter,
                              c.colour, toString(c.style)));
    add(ReportBlock::paragraph(text + parts.join(QStringLiteral("; ")) + u'.'));
    if (!m_figures)
        return;
    const auto [begin, end] = incidentRange(m_data);
    ReportBlock f;
    f.type = ReportBlock::Figure;
    f.chart.caseData = &m_data;
    f.chart.metrics = {MetricKey(Metric::Requests)};
    f.chart.userCurves = true;
    f.chart.beginUs = begin;
    f.chart.endUs = end;
    f.chart.timeZone = m_options.timeZone.isEmpty() ? QStringLiteral("UTC") : m_options.timeZone;
    f.chart.size = QSizeF(480, 260);
    // Bins a curve can be read in: about a hundred over what the figure shows.
    qint64 from = begin, to = end;
    if (to <= from) {
        from = INT64_MAX;
        to = INT64_MIN;
        for (const Source &s : m_data.sources) {
            if (s.table && !s.table->empty()) {
                from = std::min<qint64>(from, s.table->minTime());
                to = std::max<qint64>(to, s.table->maxTime() + 1);
            }
        }
    }
    if (to > from)
        f.chart.binWidthUs = BinPyramid::widthFor(to - from, 100);
    f.chart.title = QStringLiteral("User-defined curves (right axes, one per unit) over requests, all sites");
    f.text = f.chart.title;
    add(f);
}

} // namespace inquest
