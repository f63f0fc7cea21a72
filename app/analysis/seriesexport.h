#pragma once

#include "timebins.h"

#include "model/isotime.h"

#include <QJsonObject>
#include <QString>
#include <QTextStream>

#include <vector>

namespace inquest {

struct NamedSeries
{
    QString name; // column header, e.g. "amazon.co.uk requests"
    BinnedSeries series;
};

// The one CSV writer, shared by the chart's clipboard and file export and the `series` command:
// header "time,<name>…", one row per bin start present in any series (ascending), times in
// ISO 8601 UTC, empty cells where a series has no value. Names are quoted when needed.
void writeSeriesCsv(QTextStream &out, const std::vector<NamedSeries> &series);
QString seriesCsv(const std::vector<NamedSeries> &series);

// {"metric", "site", "bin_seconds", "bins": [{"time", "value", "count", "first_event", "last_event"}]}
// with null for a value that is not a number (empty bin of a ratio or mean).
QJsonObject seriesJson(const BinnedSeries &series, const QString &site);

} // namespace inquest
