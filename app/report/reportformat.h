#pragma once

#include "model/kinds.h"

#include <QString>
#include <QTimeZone>

namespace inquest {

struct CaseData;

// Formatting shared by the report sections: every time is printed in UTC and in the chosen zone.
namespace reportformat {

QString utc(qint64 us);                           // "2010-12-05 21:45:00Z"
QString inZone(qint64 us, const QTimeZone &zone); // "2010-12-05 22:45:00 CET"
QString range(qint64 beginUs, qint64 endUs);      // UTC, end without the date when on the same day
QString number(double value, int decimals = 2);
QString bytes(qint64 size);
QString hypothesisName(const CaseData &data, Id id);
QString evidenceTitle(const CaseData &data, Id id);
QString shortHash(const QString &sha256); // first 12 hex digits

} // namespace reportformat
} // namespace inquest
