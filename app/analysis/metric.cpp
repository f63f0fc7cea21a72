#include "metric.h"

#include <array>

namespace inquest {

namespace {
struct NamedMetric
{
    Metric metric;
    const char *name;
    const char *label;
};
constexpr std::array<NamedMetric, 14> Names{{
    {Metric::Requests, "requests", "Requests"},
    {Metric::Status2xx, "2xx", "2xx responses"},
    {Metric::Status3xx, "3xx", "3xx responses"},
    {Metric::Status4xx, "4xx", "4xx responses"},
    {Metric::Status5xx, "5xx", "5xx responses"},
    {Metric::NoResponse, "no-response", "No response (000, 444, 499)"},
    {Metric::ErrorRate, "error-rate", "Error rate (5xx + no response / all)"},
    {Metric::UniqueClients, "clients", "Unique clients"},
    {Metric::NewClients, "new-clients", "New clients"},
    {Metric::Bytes, "bytes", "Bytes sent"},
    {Metric::ResponseMean, "response-mean", "Response time mean (ms)"},
    {Metric::ResponseP50, "response-p50", "Response time p50 (ms)"},
    {Metric::ResponseP95, "response-p95", "Response time p95 (ms)"},
    {Metric::ResponseP99, "response-p99", "Response time p99 (ms)"},
}};
// The eight of syslog, then UnratedSeverity: a system-log line that states none.
constexpr std::array<const char *, 9> Severities{"emerg",  "alert", "crit",  "err", "warning",
                                                 "notice", "info",  "debug", "none"};
} // namespace

bool isMergeable(Metric metric)
{
    switch (metric) {
    case Metric::UniqueClients:
    case Metric::ResponseP50:
    case Metric::ResponseP95:
    case Metric::ResponseP99:
    case Metric::ErrorRate: // derived from two mergeable metrics, not stored itself
        return false;
    default:
        return true;
    }
}

bool isCount(Metric metric)
{
    switch (metric) {
    case Metric::Requests:
    case Metric::Status2xx:
    case Metric::Status3xx:
    case Metric::Status4xx:
    case Metric::Status5xx:
    case Metric::NoResponse:
    case Metric::UniqueClients:
    case Metric::NewClients:
    case Metric::Severity:
        return true;
    default:
        return false;
    }
}

QString severityName(int severity)
{
    return severity >= 0 && severity < int(Severities.size()) ? QString::fromLatin1(Severities[severity])
                                                              : QString::number(severity);
}

QString metricName(const MetricKey &key)
{
    if (key.metric == Metric::Severity)
        return QStringLiteral("severity-") + severityName(key.severity);
    if (key.metric == Metric::Numeric)
        return QStringLiteral("csv:") + key.column;
    for (const auto &n : Names) {
        if (n.metric == key.metric)
            return QString::fromLatin1(n.name);
    }
    return {};
}

QString metricLabel(const MetricKey &key)
{
    if (key.metric == Metric::Severity && key.severity == UnratedSeverity)
        return QStringLiteral("Syslog, no severity stated");
    if (key.metric == Metric::Severity)
        return QStringLiteral("Syslog %1").arg(severityName(key.severity));
    if (key.metric == Metric::Numeric)
        return key.column;
    for (const auto &n : Names) {
        if (n.metric == key.metric)
            return QString::fromLatin1(n.label);
    }
    return {};
}

std::optional<MetricKey> metricFromName(const QString &name)
{
    if (name.startsWith(u"csv:") && name.size() > 4)
        return MetricKey::numeric(name.mid(4));
    if (name.startsWith(u"severity-")) {
        const QString s = name.mid(9);
        for (int i = 0; i < int(Severities.size()); ++i) {
            if (s == QLatin1StringView(Severities[i]) || s == QString::number(i))
                return MetricKey::severityOf(i);
        }
        return std::nullopt;
    }
    for (const auto &n : Names) {
        if (name == QLatin1StringView(n.name))
            return MetricKey(n.metric);
    }
    return std::nullopt;
}

std::optional<MetricKey> cliMetric(const QString &name)
{
    if (name == u"errors")
        return MetricKey(Metric::Status5xx);
    return metricFromName(name);
}

} // namespace inquest
