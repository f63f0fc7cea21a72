#pragma once

#include "commands.h"

namespace inquest {

// Operations on several evidence items at once; each is one undo step (a macro).
namespace edit {
void setEvidenceStates(CaseDocument *doc, const QList<Id> &ids, EvidenceState state);
void removeEvidence(CaseDocument *doc, const QList<Id> &ids);
// Adds (or removes) `tag` on every listed item that lacks (or has) it.
void addTag(CaseDocument *doc, const QList<Id> &ids, const QString &tag);
void removeTag(CaseDocument *doc, const QList<Id> &ids, const QString &tag);
// Sets the same rating in several cells, given as (evidence, hypothesis) pairs.
void setRatings(CaseDocument *doc, const QList<std::pair<Id, Id>> &cells, Rating rating);
} // namespace edit

} // namespace inquest
