#pragma once

#include "detector.h"

namespace inquest {

class CaseDocument;

struct DetectorRunSummary
{
    int removed = 0; // earlier suggestions and detector markers replaced
    int added = 0;   // new evidence items
    int kept = 0;    // findings the analyst already accepted, rejected or edited: not added again
    int markers = 0;
    int lesser = 0; // new findings about a lesser incident (left suggested with accept)
    QList<Id> addedIds;
};

// Applies a detector run to a document as one undoable step: earlier detector suggestions that
// are still "suggested" and untouched, and earlier detector markers, are replaced; findings the
// analyst already accepted, rejected or edited (analystEdited) stay and are not added again;
// with accept, the new items are accepted at once, except findings about a lesser incident
// (principalincident.h), which stay suggested.
DetectorRunSummary applyDetectorOutput(CaseDocument &doc, const DetectorOutput &output, bool accept);

// True when the analyst has worked on a detector's suggestion: changed its tags (the run's own
// lesser-incident tag aside), starred or commented it, or rated a hypothesis differently from
// the detector's rating for its kind. A re-run keeps it. (Its title, grade and relevance are not
// compared: edited alone, they are replaced by the new run's.)
bool analystEdited(const Evidence &e, const QList<Hypothesis> &hypotheses);

// "name@version" of every standard detector, in run order.
QStringList detectorVersions();

// The custody row of a detector run (CLI and workbench alike).
void recordDetectorRun(CaseDocument &doc, const DetectorRunSummary &summary, bool accepted);

} // namespace inquest
