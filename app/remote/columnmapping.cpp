#include "columnmapping.h"

#include <QStringList>

namespace inquest::remote {

namespace {

// Splits at commas outside (), [], {} and quotes.
QStringList splitTop(const QString &spec)
{
    QStringList parts;
    QString current;
    int depth = 0;
    QChar quote;
    for (qsizetype i = 0; i < spec.size(); ++i) {
        const QChar c = spec[i];
        if (!quote.isNull()) {
            if (c == u'\\' && i + 1 < spec.size()) {
                current += c;
                current += spec[++i];
                continue;
            }
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            quote = c;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            --depth;
        } else if (c == u',' && depth == 0) {
            parts << current;
            current.clear();
            continue;
        }
        current += c;
    }
    parts << current;
    return parts;
}

int64_t floorDiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }
int64_t ceilDiv(int64_t a, int64_t b) { return -floorDiv(-a, b); }

// µs per unit of the stored time, or the divisor for nanoseconds.
struct Scale
{
    int64_t usPerUnit = 1;
    int64_t unitsPerUs = 1;
};
Scale scaleOf(ColumnMapping::TimeUnit unit)
{
    switch (unit) {
    case ColumnMapping::TimeUnit::DateTime:
    case ColumnMapping::TimeUnit::Seconds:
        return {1'000'000, 1};
    case ColumnMapping::TimeUnit::Milliseconds:
        return {1000, 1};
    case ColumnMapping::TimeUnit::Microseconds:
        return {1, 1};
    case ColumnMapping::TimeUnit::Nanoseconds:
        return {1, 1000};
    }
    return {};
}

} // namespace

QString toString(ColumnMapping::TimeUnit unit)
{
    switch (unit) {
    case ColumnMapping::TimeUnit::DateTime:
        return QStringLiteral("datetime");
    case ColumnMapping::TimeUnit::Seconds:
        return QStringLiteral("s");
    case ColumnMapping::TimeUnit::Milliseconds:
        return QStringLiteral("ms");
    case ColumnMapping::TimeUnit::Microseconds:
        return QStringLiteral("us");
    case ColumnMapping::TimeUnit::Nanoseconds:
        return QStringLiteral("ns");
    }
    return {};
}

std::optional<ColumnMapping::TimeUnit> timeUnitFromString(const QString &text)
{
    for (auto u :
         {ColumnMapping::TimeUnit::DateTime, ColumnMapping::TimeUnit::Seconds, ColumnMapping::TimeUnit::Milliseconds,
          ColumnMapping::TimeUnit::Microseconds, ColumnMapping::TimeUnit::Nanoseconds}) {
        if (toString(u) == text.trimmed().toLower())
            return u;
    }
    return std::nullopt;
}

QString ColumnMapping::apply(const QString &spec)
{
    for (const QString &part : splitTop(spec)) {
        if (part.trimmed().isEmpty())
            continue;
        const qsizetype eq = part.indexOf(u'=');
        if (eq < 0)
            return QStringLiteral("\"%1\" is not FIELD=EXPRESSION").arg(part);
        const QString field = part.left(eq).trimmed();
        const QString expr = part.mid(eq + 1).trimmed();
        if (field == u"time_unit") {
            const auto unit = timeUnitFromString(expr);
            if (!unit)
                return QStringLiteral("time_unit \"%1\" is not one of datetime, s, ms, us, ns").arg(expr);
            timeUnit = *unit;
            continue;
        }
        if (field == u"response_unit") {
            if (expr != u"s" && expr != u"ms" && expr != u"us")
                return QStringLiteral("response_unit \"%1\" is not one of s, ms, us").arg(expr);
            responseUnit = expr;
            continue;
        }
        QString *target = field == u"time"            ? &time
                          : field == u"site"          ? &site
                          : field == u"client"        ? &client
                          : field == u"method"        ? &method
                          : field == u"path"          ? &path
                          : field == u"status"        ? &status
                          : field == u"bytes"         ? &bytes
                          : field == u"response_time" ? &responseTime
                          : field == u"agent"         ? &agent
                          : field == u"referer"       ? &referer
                          : field == u"raw"           ? &raw
                                                      : nullptr;
        if (!target)
            return QStringLiteral("unknown field \"%1\" (fields: time, time_unit, site, client, method, path, status, "
                                  "bytes, response_time, response_unit, agent, referer, raw)")
                .arg(field);
        if (expr.isEmpty() && field != u"site" && field != u"raw")
            return QStringLiteral("field \"%1\" needs an expression").arg(field);
        *target = expr;
    }
    return {};
}

QJsonObject ColumnMapping::toJson() const
{
    QJsonObject json{{QStringLiteral("time"), time},
                     {QStringLiteral("time_unit"), toString(timeUnit)},
                     {QStringLiteral("site"), site},
                     {QStringLiteral("client"), client},
                     {QStringLiteral("method"), method},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("bytes"), bytes},
                     {QStringLiteral("agent"), agent},
                     {QStringLiteral("referer"), referer},
                     {QStringLiteral("response_time"), responseTime}};
    if (!raw.isEmpty()) // mappings kept before there was a raw field compare equal
        json.insert(QStringLiteral("raw"), raw);
    if (responseUnit != u"s") // and those before response_unit (seconds)
        json.insert(QStringLiteral("response_unit"), responseUnit);
    return json;
}

ColumnMapping ColumnMapping::fromJson(const QJsonObject &json)
{
    ColumnMapping m;
    auto read = [&](const char *key, QString &to) {
        if (json.contains(QLatin1String(key)))
            to = json.value(QLatin1String(key)).toString();
    };
    read("time", m.time);
    read("site", m.site);
    read("client", m.client);
    read("method", m.method);
    read("path", m.path);
    read("status", m.status);
    read("bytes", m.bytes);
    read("agent", m.agent);
    read("referer", m.referer);
    read("response_time", m.responseTime);
    read("raw", m.raw);
    read("response_unit", m.responseUnit);
    m.timeUnit = timeUnitFromString(json.value(QStringLiteral("time_unit")).toString()).value_or(TimeUnit::DateTime);
    return m;
}

QString ColumnMapping::timeUs() const
{
    const QString t = QStringLiteral("(%1)").arg(time);
    switch (timeUnit) {
    case TimeUnit::DateTime:
        return QStringLiteral("(toInt64(toUInt32(%1)) * 1000000)").arg(t);
    case TimeUnit::Seconds:
        return QStringLiteral("(toInt64(%1) * 1000000)").arg(t);
    case TimeUnit::Milliseconds:
        return QStringLiteral("(toInt64(%1) * 1000)").arg(t);
    case TimeUnit::Microseconds:
        return QStringLiteral("toInt64(%1)").arg(t);
    case TimeUnit::Nanoseconds:
        return QStringLiteral("intDiv(toInt64(%1), 1000)").arg(t);
    }
    return {};
}

QString ColumnMapping::responseUs() const
{
    const int perUnit = responseUnit == u"us" ? 1 : responseUnit == u"ms" ? 1000 : 1'000'000;
    return QStringLiteral("toUInt32(round(toFloat64(%1) * %2))").arg(responseTime).arg(perUnit);
}

QString ColumnMapping::binIndex(int64_t fromUs, int64_t widthUs) const
{
    const bool seconds = timeUnit == TimeUnit::DateTime || timeUnit == TimeUnit::Seconds;
    if (seconds && fromUs % 1'000'000 == 0 && widthUs % 1'000'000 == 0) {
        const QString t = timeUnit == TimeUnit::DateTime ? QStringLiteral("toUInt32(%1)").arg(time)
                                                         : QStringLiteral("toInt64(%1)").arg(time);
        return QStringLiteral("intDiv(%1 - %2, %3)").arg(t).arg(fromUs / 1'000'000).arg(widthUs / 1'000'000);
    }
    return QStringLiteral("intDiv(%1 - %2, %3)").arg(timeUs()).arg(fromUs).arg(widthUs);
}

QString ColumnMapping::timeWindow(int64_t fromUs, int64_t toUs) const
{
    // A stored value v means v·usPerUnit/unitsPerUs µs; v is in the window when
    // ceil(from·unitsPerUs/usPerUnit) ≤ v < ceil(to·unitsPerUs/usPerUnit).
    const Scale s = scaleOf(timeUnit);
    const int64_t lo = ceilDiv(fromUs * s.unitsPerUs, s.usPerUnit);
    const int64_t hi = ceilDiv(toUs * s.unitsPerUs, s.usPerUnit);
    const QString t = QStringLiteral("(%1)").arg(time);
    if (timeUnit == TimeUnit::DateTime)
        return QStringLiteral("%1 >= toDateTime(%2) AND %1 < toDateTime(%3)").arg(t).arg(lo).arg(hi);
    return QStringLiteral("%1 >= %2 AND %1 < %3").arg(t).arg(lo).arg(hi);
}

QString standardTableDdl(const QString &table, const QString &engine)
{
    return QStringLiteral("CREATE TABLE %1 (time DateTime, site String, client String, method String, path String, "
                          "status UInt16, bytes UInt64, response_time Float64, agent String, referer String) "
                          "ENGINE = %2")
        .arg(table, engine);
}

} // namespace inquest::remote
