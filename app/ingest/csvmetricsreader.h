#pragma once

#include "logreader.h"

namespace inquest {

// Metric exports as CSV: a header row, a time column (named timestamp/time/date/datetime/ts,
// else the first) and numeric columns, which become EventTable numeric columns. Times are ISO
// 8601 (zone-less ones take --tz) or epoch numbers.
class CsvMetricsReader : public LogReader
{
public:
    QString name() const override { return QStringLiteral("csv-metrics"); }
    QString description() const override
    {
        return QStringLiteral("CSV metric export (header; a time column plus numeric columns)");
    }
    uint32_t capabilities() const override { return CapNumeric | CapLocalTime; }
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;

protected:
    double specificity() const override { return 0.9; }
};

} // namespace inquest
