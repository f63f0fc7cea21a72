#pragma once

#include "casedocument.h"

namespace inquest::edit {

// Adds a checked remote source and the provenance of the queries that checked it, as one undo
// step (undo takes both back). The source's id is given here when it has none.
Id addRemoteSource(CaseDocument *doc, RemoteSource source, QList<RemoteResult> results);
// Removes a remote source (undoable); the provenance of its answers stays, as the custody does.
void removeRemoteSource(CaseDocument *doc, Id id);
// Keeps the provenance of remote answers (a page of rows, a re-run) as one undo step named `text`.
void keepRemoteResults(CaseDocument *doc, QList<RemoteResult> results, const QString &text);

} // namespace inquest::edit
