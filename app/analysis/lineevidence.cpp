#include "lineevidence.h"

#include "filterexpression.h"

#include "model/isotime.h"

#include <QFileInfo>

#include <algorithm>
#include <map>

namespace inquest {

QList<Evidence> evidenceFromLines(const QList<Source> &sources, const std::vector<EventRef> &events)
{
    std::map<Id, std::pair<std::size_t, std::size_t>> span; // per source: first and last row
    std::map<Id, int> count;
    for (const EventRef &e : events) {
        auto [it, added] = span.try_emplace(e.sourceId, e.row, e.row);
        it->second.first = std::min(it->second.first, e.row);
        it->second.second = std::max(it->second.second, e.row);
        ++count[e.sourceId];
    }
    QList<Evidence> out;
    for (const Source &source : sources) {
        const auto it = span.find(source.id);
        if (it == span.end() || !source.table)
            continue;
        const EventTable &t = *source.table;
        const auto [first, last] = it->second;
        Evidence e;
        e.origin = QStringLiteral("log-lines");
        e.state = EvidenceState::Suggested;
        Provenance &p = e.provenance;
        p.sourceId = source.id;
        p.sourceSha256 = source.sha256;
        p.firstLine = t.line[first];
        p.lastLine = t.line[last];
        p.offsetBegin = qint64(t.offset[first]);
        // The last line ends where the next parsed line starts (see detectors/detector.cpp).
        p.offsetEnd =
            last + 1 < t.size() ? qint64(t.offset[last + 1]) : std::max(source.size, qint64(t.offset[last]) + 1);
        int64_t lo = t.time[first], hi = t.time[first];
        for (std::size_t r = first; r <= last; ++r) {
            lo = std::min(lo, t.time[r]);
            hi = std::max(hi, t.time[r]);
        }
        p.timeBegin = lo;
        p.timeEnd = hi + 1;
        const QString file = QFileInfo(source.path).fileName();
        e.title = p.firstLine == p.lastLine
                      ? QStringLiteral("%1 line %2").arg(file).arg(p.firstLine)
                      : QStringLiteral("%1 lines %2–%3").arg(file).arg(p.firstLine).arg(p.lastLine);
        e.description = QStringLiteral("%1 event(s) picked in the timeline, %2 – %3")
                            .arg(count[source.id])
                            .arg(isoUtc(lo), isoUtc(hi));
        out.append(e);
    }
    return out;
}

Evidence evidenceFromCurve(const CurveSpec &curve, qint64 begin, qint64 end)
{
    Evidence e;
    e.title = QStringLiteral("%1 (%2), %3 – %4").arg(curve.name, aggregateText(curve), isoUtc(begin), isoUtc(end));
    e.description = QStringLiteral("Curve \"%1\": %2 of %3")
                        .arg(curve.name, aggregateText(curve),
                             curve.filter.isEmpty() ? QStringLiteral("all events") : curve.filter);
    e.origin = QStringLiteral("chart");
    e.state = EvidenceState::Suggested;
    e.provenance.timeBegin = begin;
    e.provenance.timeEnd = end;
    e.provenance.metric = aggregateText(curve);
    e.provenance.filter = curve.filter;
    EventFilter f;
    QString error;
    if (parseFilterExpression(curve.filter, &f, &error))
        e.provenance.site = f.site;
    return e;
}

} // namespace inquest
