#pragma once

#include "commands.h"

namespace inquest {

// What the analyst says about the case itself: Case ▸ Properties and `inquest case`.
struct CaseProperties
{
    QString title;
    QString analyst;
    QString caseNumber;
    QString notes; // CaseMeta::description

    static CaseProperties of(const CaseMeta &meta);
    bool operator==(const CaseProperties &) const = default;
};

namespace edit {
// Sets the properties that differ, as one undo step; nothing is pushed when none does. Titles
// and the other fields are trimmed; an empty title is kept as it was.
void setCaseProperties(CaseDocument *doc, CaseProperties properties);
} // namespace edit

} // namespace inquest
