#include "curvespec.h"

#include <QRegularExpression>

namespace inquest {

namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::pair<E, const char16_t *> (&table)[N], const QString &text)
{
    for (const auto &[value, name] : table) {
        if (text == QStringView(name))
            return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N> QString name(const std::pair<E, const char16_t *> (&table)[N], E value)
{
    for (const auto &[v, n] : table) {
        if (v == value)
            return QString::fromUtf16(n);
    }
    return {};
}

const std::pair<CurveAggregate, const char16_t *> Aggregates[] = {{CurveAggregate::Count, u"count"},
                                                                  {CurveAggregate::Sum, u"sum"},
                                                                  {CurveAggregate::Mean, u"mean"},
                                                                  {CurveAggregate::Max, u"max"},
                                                                  {CurveAggregate::Percentile, u"percentile"}};
const std::pair<CurveField, const char16_t *> Fields[] = {
    {CurveField::None, u""}, {CurveField::Bytes, u"bytes"}, {CurveField::ResponseTime, u"response"}};
const std::pair<CurveStyle, const char16_t *> Styles[] = {
    {CurveStyle::Line, u"line"}, {CurveStyle::Step, u"step"}, {CurveStyle::Bars, u"bars"}, {CurveStyle::Dots, u"dots"}};

} // namespace

QString toString(CurveAggregate aggregate) { return name(Aggregates, aggregate); }
std::optional<CurveAggregate> curveAggregateFromString(const QString &text) { return lookup(Aggregates, text); }
QString toString(CurveField field) { return name(Fields, field); }
std::optional<CurveField> curveFieldFromString(const QString &text) { return lookup(Fields, text); }
QString toString(CurveStyle style) { return name(Styles, style); }
std::optional<CurveStyle> curveStyleFromString(const QString &text) { return lookup(Styles, text); }

QString aggregateText(const CurveSpec &spec)
{
    const QString field = toString(spec.field);
    switch (spec.aggregate) {
    case CurveAggregate::Count:
        return QStringLiteral("count");
    case CurveAggregate::Percentile:
        return QStringLiteral("p%1(%2)").arg(QString::number(spec.percentile, 'g', 6), field);
    default:
        return QStringLiteral("%1(%2)").arg(toString(spec.aggregate), field);
    }
}

bool parseCurveAggregate(const QString &text, CurveSpec *spec, QString *error)
{
    const QString t = text.trimmed().toLower();
    if (t == u"count") {
        spec->aggregate = CurveAggregate::Count;
        spec->field = CurveField::None;
        return true;
    }
    static const QRegularExpression Form(QStringLiteral(R"(^(sum|mean|max|p(\d+(?:\.\d+)?))\((bytes|response)\)$)"));
    const QRegularExpressionMatch m = Form.match(t);
    if (!m.hasMatch()) {
        *error = QStringLiteral("unknown aggregate \"%1\" (count, sum(FIELD), mean(FIELD), max(FIELD), pN(FIELD); "
                                "fields: bytes, response)")
                     .arg(text);
        return false;
    }
    if (!m.captured(2).isEmpty()) {
        const double p = m.captured(2).toDouble();
        if (p < 0 || p > 100) {
            *error = QStringLiteral("percentile %1 is outside 0..100").arg(m.captured(2));
            return false;
        }
        spec->aggregate = CurveAggregate::Percentile;
        spec->percentile = p;
    } else {
        spec->aggregate = *curveAggregateFromString(m.captured(1));
    }
    spec->field = *curveFieldFromString(m.captured(3));
    return true;
}

QString curveLabel(const CurveSpec &spec) { return QStringLiteral("%1 — %2").arg(spec.name, aggregateText(spec)); }

} // namespace inquest
