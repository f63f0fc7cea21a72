#pragma once

#include "model/casedata.h"

#include <QStringList>

namespace inquest {

// The result of `inquest verify`: failures make it exit 1; notes are reported but are not failures.
struct VerifyReport
{
    QStringList failures;
    QStringList notes;
    int sourcesChecked = 0;
    int custodyRows = 0;
    QString custodyHead; // hash of the last custody row: note it to detect a later rollback
    bool ok() const { return failures.isEmpty(); }
};

// Checks the custody chain and re-hashes every source file that is still at its recorded path.
// A changed source is a failure; a missing one is a note (the case keeps its events).
// With expectHead (a custody row hash noted earlier, or its first 12+ hex digits), the chain must
// still contain that row: a case file replaced by an older copy has an intact chain that lacks it.
VerifyReport verifyCase(const CaseData &data, const QString &expectHead = {});

} // namespace inquest
