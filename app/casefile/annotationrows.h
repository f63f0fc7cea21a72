#pragma once

#include "model/casedata.h"

#include <QSqlDatabase>

namespace inquest::casefile {

// The analyst's annotations added in schema version 5: user-defined curves, event marks and
// the filter an evidence item was read through. Kept apart from the older tables' reader and
// writer so that the version step stays one piece.
bool writeAnnotations(QSqlDatabase &db, const CaseData &data, QString *error);
// Reads them into `data` (whose evidence is already read); a damaged row fails with its name.
bool readAnnotations(QSqlDatabase &db, CaseData &data, QString *error);

} // namespace inquest::casefile
