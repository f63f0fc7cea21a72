#pragma once

#include "commands.h"

#include <QStringList>

namespace inquest {

// The chart's view state kept with the case, in CaseMeta::viewSettings["chart"]:
// {"hiddenSites": [names]}. No entry means every site is drawn.
QStringList chartHiddenSites(const CaseMeta &meta);
// Sites to draw out of `all`: those not hidden, or all of them when that leaves none.
QStringList chartVisibleSites(const CaseMeta &meta, const QStringList &all);

namespace edit {
// "UTC", or an IANA zone id. Kept in CaseMeta::displayTimeZone (the chart and the report use it).
void setDisplayTimeZone(CaseDocument *doc, const QString &zoneId);
void setChartHiddenSites(CaseDocument *doc, QStringList sites);
} // namespace edit

} // namespace inquest
