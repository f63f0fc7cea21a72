#pragma once

#include "detector.h"

namespace inquest {

class CaseDocument;

struct DetectorRunSummary
{
    int removed = 0; // earlier suggestions and detector markers replaced
    int added = 0;   // new evidence items
    int kept = 0;    // findings already accepted or rejected by the analyst: not added again
    int markers = 0;
    QList<Id> addedIds;
};

// Applies a detector run to a document as one undoable step: earlier detector suggestions that
// are still "suggested" and earlier detector markers are replaced; findings the analyst already
// accepted or rejected are not added again; with accept, the new items are accepted at once.
DetectorRunSummary applyDetectorOutput(CaseDocument &doc, const DetectorOutput &output, bool accept);

} // namespace inquest
