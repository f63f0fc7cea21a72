#include "fieldnames.h"
#include "logreader.h"
#include "scan.h"

#include <charconv>
#include <cmath>

namespace inquest::fields {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<const char *, ColumnCount> ColumnNames{"time",   "status",  "client",   "path",
                                                            "host",   "message", "severity", "bytes",
                                                            "method", "agent",   "referer",  "duration"};

} // namespace

// The usual names, most specific first.
const FieldLists &defaults()
{
    static const FieldLists fields{
        QStringList{u"@timestamp"_s, u"timestamp"_s, u"time"_s, u"ts"_s, u"datetime"_s, u"date"_s,
                    u"EdgeStartTimestamp"_s, u"eventTime"_s, u"EventTime"_s, u"__REALTIME_TIMESTAMP"_s, u"time_local"_s,
                    u"created_at"_s, u"CreationTime"_s, u"eventTimestamp"_s, u"started_at"_s, u"receiveTimestamp"_s,
                    u"t"_s},
        QStringList{u"http.response.status_code"_s, u"status"_s, u"status_code"_s, u"statusCode"_s,
                    u"EdgeResponseStatus"_s, u"response.status"_s, u"response_status"_s},
        QStringList{u"client.ip"_s, u"source.ip"_s, u"client.address"_s, u"remote_addr"_s, u"remote_ip"_s,
                    u"client_ip"_s, u"ClientIP"_s, u"request.remote_ip"_s, u"sourceIPAddress"_s, u"ip"_s},
        QStringList{u"url.path"_s, u"url.original"_s, u"path"_s, u"uri"_s, u"request_uri"_s, u"ClientRequestURI"_s,
                    u"request.uri"_s, u"url"_s},
        QStringList{u"host.name"_s, u"hostname"_s, u"host"_s, u"ClientRequestHost"_s, u"request.host"_s,
                    u"server_name"_s, u"_HOSTNAME"_s},
        QStringList{u"message"_s, u"msg"_s, u"MESSAGE"_s, u"eventName"_s, u"err"_s, u"error"_s},
        QStringList{u"log.level"_s, u"level"_s, u"severity"_s, u"loglevel"_s, u"PRIORITY"_s, u"lvl"_s},
        QStringList{u"http.response.body.bytes"_s, u"bytes"_s, u"body_bytes_sent"_s, u"EdgeResponseBytes"_s, u"size"_s},
        QStringList{u"http.request.method"_s, u"method"_s, u"request_method"_s, u"ClientRequestMethod"_s,
                    u"request.method"_s},
        QStringList{u"user_agent.original"_s, u"user_agent"_s, u"http_user_agent"_s, u"ClientRequestUserAgent"_s,
                    u"userAgent"_s},
        QStringList{u"http.request.referrer"_s, u"referer"_s, u"referrer"_s, u"http_referer"_s,
                    u"ClientRequestReferer"_s},
        QStringList{u"request_time"_s, u"duration"_s, u"response_time"_s, u"elapsed"_s, u"latency"_s, u"dur"_s},
    };
    return fields;
}

FieldLists withMap(const QString &fieldMap)
{
    FieldLists lists = defaults();
    for (const QString &pair : fieldMap.split(u',', Qt::SkipEmptyParts)) {
        const QString column = pair.section(u'=', 0, 0).trimmed(), field = pair.section(u'=', 1).trimmed();
        for (int c = 0; c < ColumnCount; ++c) {
            if (column == QLatin1StringView(ColumnNames[std::size_t(c)]) && !field.isEmpty())
                lists[std::size_t(c)].prepend(field);
        }
    }
    return lists;
}

int64_t epochToMicros(double v)
{
    const double a = std::fabs(v);
    if (a > 1e17)
        return int64_t(v / 1000.0);
    if (a > 1e14)
        return int64_t(v);
    if (a > 1e11)
        return int64_t(v * 1000.0);
    return int64_t(std::llround(v * 1e6));
}

std::optional<int64_t> timeValueMicros(std::string_view text, ZoneConverter &zone)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (const auto iso = parseIsoTime(text); iso && iso->length == text.size()) {
        const int64_t secs = iso->civilUs / MicrosPerSecond;
        return iso->offsetSeconds ? iso->civilUs - int64_t(*iso->offsetSeconds) * MicrosPerSecond
                                  : (zone.toUtc(secs) - secs) * MicrosPerSecond + iso->civilUs;
    }
    double number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number))
        return std::nullopt;
    return epochToMicros(number);
}

uint8_t severityValue(std::string_view level)
{
    return level.size() == 1 && level[0] >= '0' && level[0] <= '7' ? uint8_t(level[0] - '0')
                                                                   : scan::severityFromName(level);
}

} // namespace inquest::fields
