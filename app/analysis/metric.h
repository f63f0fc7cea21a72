#pragma once

#include <QString>
#include <QStringList>

#include <compare>
#include <optional>

namespace inquest {

// What a curve counts or measures per time bin.
enum class Metric : uint8_t {
    Requests, // HTTP events
    Status2xx,
    Status3xx,
    Status4xx,
    Status5xx,
    NoResponse,    // "000", "-", 444, 499: the exchange ended without a response (model/httpstatus.h)
    ErrorRate,     // failures (5xx + no response) / requests in the bin
    UniqueClients, // distinct client strings in the bin
    NewClients,    // clients whose first event (in the site's events) falls in the bin
    Bytes,         // sum of response sizes
    ResponseMean,  // ms, where the log records response times
    ResponseP50,
    ResponseP95,
    ResponseP99,
    Severity, // syslog events of one severity (MetricKey::severity)
    Numeric,  // a numeric CSV column as it is (mean per bin; MetricKey::column)
};

// MetricKey::severity of system-log lines that state no severity (0..7 are syslog's own).
constexpr int UnratedSeverity = 8;

struct MetricKey
{
    Metric metric = Metric::Requests;
    int severity = 0;
    QString column;

    MetricKey() = default;
    MetricKey(Metric m)
        : metric(m)
    {
    } // NOLINT: a plain metric reads naturally
    static MetricKey severityOf(int s)
    {
        MetricKey k(Metric::Severity);
        k.severity = s;
        return k;
    }
    static MetricKey numeric(const QString &name)
    {
        MetricKey k(Metric::Numeric);
        k.column = name;
        return k;
    }
    bool operator==(const MetricKey &) const = default;
    std::strong_ordering operator<=>(const MetricKey &o) const
    {
        if (auto c = metric <=> o.metric; c != 0)
            return c;
        if (auto c = severity <=> o.severity; c != 0)
            return c;
        return QString::compare(column, o.column) <=> 0;
    }
};

// Counting metrics merge exactly from finer bins; distinct counts and percentiles do not.
bool isMergeable(Metric metric);
// Metrics whose per-bin value is the event count (as opposed to a sum, mean or ratio).
bool isCount(Metric metric);

// Stable machine names ("requests", "5xx", "error-rate", "severity-3", "csv:cpu", …).
QString metricName(const MetricKey &key);
std::optional<MetricKey> metricFromName(const QString &name);
// Human labels for axes and legends.
QString metricLabel(const MetricKey &key);
QString severityName(int severity);
// The names the `series` command accepts (ARCHITECTURE.md): requests, errors, no-response, error-rate, clients, bytes.
std::optional<MetricKey> cliMetric(const QString &name);

} // namespace inquest
