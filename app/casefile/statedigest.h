#pragma once

#include "model/casedata.h"

namespace inquest::casefile {

// SHA-256 of the case file that `data` would be written as: the hash a report cites for a
// case with unsaved changes. The same data gives the same hash (the writer is deterministic),
// so the digest identifies the state the report shows. Empty on failure (*error says why).
QString stateSha256(const CaseData &data, QString *error);

} // namespace inquest::casefile
