#pragma once

#include "casedocument.h"

namespace inquest {

namespace edit {
// Each one undo step. addCurve returns the new id; a curve whose name is taken gets " (2)", ….
Id addCurve(CaseDocument *doc, CurveSpec curve);
// Replaces the curve with the same id; nothing is pushed when nothing changed.
void changeCurve(CaseDocument *doc, const CurveSpec &curve);
void removeCurve(CaseDocument *doc, Id id);
} // namespace edit

// The curve named `name` (exactly), or null.
const CurveSpec *findCurve(const QList<CurveSpec> &curves, const QString &name);

} // namespace inquest
