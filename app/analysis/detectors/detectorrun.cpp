#include "detectorrun.h"
#include "principalincident.h"

#include "model/casedocument.h"
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

bool analystEdited(const Evidence &e, const QList<Hypothesis> &hypotheses)
{
    // Detector::suggest tags each finding "detector" and the detector's name.
    const QString name = detectorName(e.origin).section(u':', 1);
    // The lesser-incident tag is the run's, not the analyst's: a re-run decides it again.
    QStringList tags = e.tags;
    tags.removeAll(lesserIncidentTag());
    if (tags != QStringList{QStringLiteral("detector"), name} || e.starred || !e.comments.isEmpty())
        return true;
    for (const Hypothesis &h : hypotheses) {
        if (e.ratings.contains(h.id) && e.kindRatings.contains(h.kind) && e.rating(h.id) != e.kindRatings.value(h.kind))
            return true;
    }
    return false;
}

DetectorRunSummary applyDetectorOutput(CaseDocument &doc, const DetectorOutput &output, bool accept)
{
    DetectorRunSummary summary;
    doc.undoStack()->beginMacro(QStringLiteral("Run detectors"));
    QList<Id> stale;
    for (const Evidence &e : doc.evidence()) {
        if (fromDetector(e.origin) && e.state == EvidenceState::Suggested && !analystEdited(e, doc.hypotheses()))
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
        const bool lesser = e.tags.contains(lesserIncidentTag());
        summary.lesser += lesser;
        if (accept && !lesser)
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

QStringList detectorVersions()
{
    QStringList list;
    for (const auto &d : standardDetectors())
        list.append(d->name() + u'@' + d->version());
    return list;
}

void recordDetectorRun(CaseDocument &doc, const DetectorRunSummary &summary, bool accepted)
{
    doc.recordCustody(QStringLiteral("analyze"), QStringLiteral("detectors %1: %2 added%3, %4 replaced, %5 kept")
                                                     .arg(detectorVersions().join(u','))
                                                     .arg(summary.added)
                                                     .arg(accepted ? QStringLiteral(" and accepted") : QString())
                                                     .arg(summary.removed)
                                                     .arg(summary.kept));
}

} // namespace inquest
