#pragma once

#include "analysis/eventfilter.h"
#include "model/casedata.h"
#include "remote/remoteevents.h"

#include <QJsonObject>
#include <QTextStream>

namespace inquest::cli {

// The remote sources' part of `inquest events`: a page of rows from each remote source the
// filter selects, and the queries that gave them.
struct RemoteEventList
{
    std::vector<remote::RemoteEventPage> pages;
    std::vector<RemoteSource> sources; // of each page
    QStringList failures;              // a source that could not answer (said on stderr too)

    qint64 total() const;
    // The provenance of every query that answered, for the case (--keep) and `--json`.
    QList<RemoteResult> results() const;
};

// Asks each remote source of `data` that `filter` selects (by `filter.sources` when set) for the
// rows [offset, offset + limit) of those that pass (`limit` 0: all of them). Says on `err` what a
// source cannot be asked (it is left out), where --grep matches, and which source failed.
RemoteEventList fetchRemoteEventList(const CaseData &data, const EventFilter &filter, const QString &grep,
                                     qint64 offset, qint64 limit, QTextStream &err);

// A query's provenance as `events --json` lists it under "remote_queries".
QJsonObject remoteResultJson(const RemoteResult &r);

// Keeps the provenance of the list's queries in the case at `path` (one undo step and a custody
// row), under the case's writer lock; false (said on `err`) when the case cannot be changed.
bool keepRemoteQueries(const QString &path, const class CommandLine &cl, const RemoteEventList &list, QTextStream &err);

} // namespace inquest::cli
