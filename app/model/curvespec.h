#pragma once

#include "kinds.h"

#include <QString>

#include <optional>

namespace inquest {

// What a user-defined curve shows in each time bin of the events its filter keeps.
enum class CurveAggregate { Count, Sum, Mean, Max, Percentile };
// The numeric field Sum, Mean, Max and Percentile read (Count reads none).
enum class CurveField { None, Bytes, ResponseTime };
enum class CurveStyle { Line, Step, Bars, Dots };

// A curve the analyst defines (Wireshark's I/O graph): a filter in the timeline's grammar
// (analysis/filterexpression), an aggregate over a field, and how it is drawn. Kept in the case.
struct CurveSpec
{
    Id id = 0;
    QString name;
    QString filter; // "site:www.shop.de status:503 method:POST client:10.1.0.0/16 text"
    CurveAggregate aggregate = CurveAggregate::Count;
    CurveField field = CurveField::None;
    double percentile = 95; // for Percentile, 0..100
    QString colour = QStringLiteral("#d62728");
    CurveStyle style = CurveStyle::Line;

    bool operator==(const CurveSpec &) const = default;
};

QString toString(CurveAggregate aggregate);
std::optional<CurveAggregate> curveAggregateFromString(const QString &text);
QString toString(CurveField field);
std::optional<CurveField> curveFieldFromString(const QString &text);
QString toString(CurveStyle style);
std::optional<CurveStyle> curveStyleFromString(const QString &text);

// "count", "sum(bytes)", "mean(response)", "p95(response)": how the CLI and the dialog
// write an aggregate; parseCurveAggregate reads the same text back.
QString aggregateText(const CurveSpec &spec);
bool parseCurveAggregate(const QString &text, CurveSpec *spec, QString *error);
// What a person reads on the legend: "name — p95(response)".
QString curveLabel(const CurveSpec &spec);

} // namespace inquest
