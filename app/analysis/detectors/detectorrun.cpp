#include "detectorrun.h"

#include "model/commands.h"

namespace inquest {

namespace {

bool fromDetector(const QString &origin) { return origin.startsWith(QStringLiteral("detector:")); }

// "detector:endpoints@1" → "detector:endpoints": a finding is the same across versions.
QString detectorName(const QString &origin) { return origin.section(u'@', 0, 0); }

bool sameFinding(const Evidence &a, const Evidence &b)
{
    return detectorName(a.origin) == detectorName(b.origin) && a.title == b.title &&
           a.provenance.timeBegin == b.provenance.timeBegin && a.provenance.timeEnd == b.provenance.timeEnd &&
           a.provenance.statementId == b.provenance.statementId;
}

} // namespace

DetectorRunSummary applyDetectorOutput(CaseDocument &doc, const DetectorOutput &output, bool accept)
{
    DetectorRunSummary summary;
    doc.undoStack()->beginMacro(QStringLiteral("Run detectors"));
    QList<Id> stale;
    for (const Evidence &e : doc.evidence()) {
        if (fromDetector(e.origin) && e.state == EvidenceState::Suggested)
            stale.append(e.id);
    }
    for (Id id : std::as_const(stale))
        edit::removeEvidence(&doc, id);
    summary.removed = int(stale.size());
    QList<Id> staleMarkers;
    for (const Marker &m : doc.markers()) {
        if (fromDetector(m.origin))
            staleMarkers.append(m.id);
    }
    for (Id id : std::as_const(staleMarkers))
        edit::removeMarker(&doc, id);
    summary.removed += int(staleMarkers.size());

    for (Evidence e : output.evidence) {
        bool decided = false;
        for (const Evidence &old : doc.evidence())
            decided |= fromDetector(old.origin) && sameFinding(old, e);
        if (decided) {
            ++summary.kept;
            continue;
        }
        if (accept)
            e.state = EvidenceState::Accepted;
        summary.addedIds.append(edit::addEvidence(&doc, std::move(e)));
        ++summary.added;
    }
    for (const Marker &m : output.markers) {
        edit::addMarker(&doc, m);
        ++summary.markers;
    }
    doc.undoStack()->endMacro();
    return summary;
}

} // namespace inquest
