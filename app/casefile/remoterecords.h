#pragma once

#include "model/casedata.h"

#include <QSqlDatabase>

namespace inquest::casefile {

// The case's remote sources and their results' provenance (schema 6), read and written
// beside the other records by casereader/casewriter.
bool writeRemoteRecords(QSqlDatabase &db, const CaseData &data, QString *error);
bool readRemoteRecords(QSqlDatabase &db, CaseData &data, QString *error);

} // namespace inquest::casefile
