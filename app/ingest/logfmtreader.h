#pragma once

#include "logreader.h"

namespace inquest {

// logfmt: key=value pairs per line (Heroku, Go's log/slog and logrus text output, Grafana
// Loki/Prometheus components): time=2010-12-12T21:10:20Z level=error msg="upstream timed out"
// status=502 method=GET path=/ remote_addr=10.0.0.1 duration=12ms. Values may be quoted with
// backslash escapes. Columns are found by the same field names as JSON lines (and --map);
// durations take Go's units ("1.5s", "350ms", "2m3s", "80µs") or plain seconds.
class LogfmtReader : public LogReader
{
public:
    QString name() const override { return QStringLiteral("logfmt"); }
    QString description() const override
    {
        return QStringLiteral("logfmt key=value lines (Heroku, Go slog/logrus, Loki); same field names as JSON lines");
    }
    uint32_t capabilities() const override
    {
        return CapHttp | CapSeverity | CapHost | CapMessage | CapLocalTime | CapSplittable | CapResponseTime;
    }
    std::unique_ptr<LineParser> createParser(const ParseContext &context) const override;

protected:
    double specificity() const override { return 0.9; }
};

// Go duration syntax or a plain number of seconds, in microseconds; nullopt if unreadable.
std::optional<double> parseDurationMicros(std::string_view text);

} // namespace inquest
