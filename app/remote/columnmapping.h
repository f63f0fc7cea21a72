#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace inquest::remote {

// How a ClickHouse table's columns answer Inquest's questions: each field is a column name or
// any ClickHouse expression over the row (a map key, a cast, a concat). Defaults are the
// standard shape (standardTableDdl): time, site, client, method, path, status, bytes,
// response_time, agent, referer (and no raw line). An empty site means the whole table is one site, named by
// the source.
struct ColumnMapping
{
    enum class TimeUnit { DateTime, Seconds, Milliseconds, Microseconds, Nanoseconds };

    QString time = QStringLiteral("time");
    TimeUnit timeUnit = TimeUnit::DateTime;
    QString site = QStringLiteral("site");
    QString client = QStringLiteral("client");
    QString method = QStringLiteral("method");
    QString path = QStringLiteral("path");
    QString status = QStringLiteral("status");
    QString bytes = QStringLiteral("bytes");
    QString responseTime = QStringLiteral("response_time"); // above 0 when logged
    QString responseUnit = QStringLiteral("s");             // of responseTime: s, ms or us
    QString agent = QStringLiteral("agent");
    QString referer = QStringLiteral("referer");
    QString raw; // the whole log line, when the table keeps it (not in the standard shape)

    // Applies "FIELD=EXPR,FIELD=EXPR" (commas inside parentheses, brackets or quotes belong to
    // the expression; time_unit=datetime|s|ms|us|ns, response_unit=s|ms|us). Returns an error
    // naming the bad part.
    QString apply(const QString &spec);

    QJsonObject toJson() const;
    static ColumnMapping fromJson(const QJsonObject &json);
    bool operator==(const ColumnMapping &) const = default;

    // The event time as Int64 µs UTC (never through the server's time zone).
    QString timeUs() const;
    // The response time as UInt32 µs (0: not logged).
    QString responseUs() const;
    // The index of a row's bin of `widthUs` from `fromUs` (rows at or after fromUs): whole
    // seconds in UInt32/Int64 arithmetic when the grid allows (cheaper), else on µs.
    QString binIndex(int64_t fromUs, int64_t widthUs) const;
    // A condition selecting rows with time in [fromUs, toUs), on the column itself so that the
    // table's primary key can serve it.
    QString timeWindow(int64_t fromUs, int64_t toUs) const;
};

QString toString(ColumnMapping::TimeUnit unit);
std::optional<ColumnMapping::TimeUnit> timeUnitFromString(const QString &text);

// The table a `--map`-less remote source expects, and what `inquest remote load` creates.
QString standardTableDdl(const QString &table, const QString &engine);

} // namespace inquest::remote
