#pragma once

#include "importer.h"

#include <QList>

namespace inquest {

// One file of an import and the settings it is read with (the Import dialog sets them per file).
struct ImportRequest
{
    QString path;
    ImportOptions options;
};

// The order a batch is read in: files whose timestamps carry their own year first, then the
// year-less ones (RFC 3164 syslog with no --year), so that those can be placed near the others.
// Otherwise the requests' order. Sniffs the start of each file when the format is "auto".
QList<int> batchOrder(const QList<ImportRequest> &requests);

// The options a file of a batch is read with, given the sources read before it in the same
// batch: a year-less file takes its year from those (when they have dated events), else from
// the case (options.caseTime, caseYearAnchor), else from its file's time; without a declared
// zone it is read at the UTC offset the dated files state (batchzone), when they agree on one.
ImportOptions batchOptions(const ImportRequest &request, const QList<Source> &readBefore);

// The log source of `sources` with this SHA-256, or nullptr: a file already in the case.
const Source *sourceWithSha256(const QList<Source> &sources, const QString &sha256);
// "PATH: the same file (SHA-256 …) is already source #ID (EARLIER PATH)".
QString duplicateMessage(const QString &path, const Source &earlier);

} // namespace inquest
