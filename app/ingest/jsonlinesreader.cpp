#include "jsonlinesreader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cmath>

namespace inquest {

using namespace Qt::StringLiterals;

namespace {

enum Column { Time, Status, Client, Path, Host, Message, Severity, Bytes, Method, Agent, Referer, Duration, ColumnCount };

constexpr std::array<const char *, ColumnCount> ColumnNames{
    "time", "status", "client", "path", "host", "message", "severity", "bytes", "method", "agent", "referer", "duration"};

// The usual names, most specific first.
const std::array<QStringList, ColumnCount> &defaultFields()
{
    static const std::array<QStringList, ColumnCount> fields{
        QStringList{u"@timestamp"_s, u"timestamp"_s, u"time"_s, u"ts"_s, u"datetime"_s, u"date"_s,
                    u"EdgeStartTimestamp"_s, u"eventTime"_s, u"EventTime"_s, u"__REALTIME_TIMESTAMP"_s,
                    u"time_local"_s, u"created_at"_s, u"CreationTime"_s, u"eventTimestamp"_s,
                    u"started_at"_s, u"receiveTimestamp"_s, u"t"_s},
        QStringList{u"http.response.status_code"_s, u"status"_s, u"status_code"_s, u"statusCode"_s,
                    u"EdgeResponseStatus"_s, u"response.status"_s, u"response_status"_s},
        QStringList{u"client.ip"_s, u"source.ip"_s, u"client.address"_s, u"remote_addr"_s, u"remote_ip"_s,
                    u"client_ip"_s, u"ClientIP"_s, u"request.remote_ip"_s, u"sourceIPAddress"_s, u"ip"_s},
        QStringList{u"url.path"_s, u"url.original"_s, u"path"_s, u"uri"_s, u"request_uri"_s,
                    u"ClientRequestURI"_s, u"request.uri"_s, u"url"_s},
        QStringList{u"host.name"_s, u"hostname"_s, u"host"_s, u"ClientRequestHost"_s, u"request.host"_s,
                    u"server_name"_s, u"_HOSTNAME"_s},
        QStringList{u"message"_s, u"msg"_s, u"MESSAGE"_s, u"eventName"_s},
        QStringList{u"log.level"_s, u"level"_s, u"severity"_s, u"loglevel"_s, u"PRIORITY"_s},
        QStringList{u"http.response.body.bytes"_s, u"bytes"_s, u"body_bytes_sent"_s, u"EdgeResponseBytes"_s,
                    u"size"_s},
        QStringList{u"http.request.method"_s, u"method"_s, u"request_method"_s, u"ClientRequestMethod"_s,
                    u"request.method"_s},
        QStringList{u"user_agent.original"_s, u"user_agent"_s, u"http_user_agent"_s, u"ClientRequestUserAgent"_s,
                    u"userAgent"_s},
        QStringList{u"http.request.referrer"_s, u"referer"_s, u"referrer"_s, u"http_referer"_s,
                    u"ClientRequestReferer"_s},
        QStringList{u"request_time"_s, u"duration"_s, u"response_time"_s, u"elapsed"_s},
    };
    return fields;
}

// "a.b.c": first as a flat key, then as nested objects.
QJsonValue lookup(const QJsonObject &object, const QString &name)
{
    const auto it = object.constFind(name);
    if (it != object.constEnd())
        return *it;
    const qsizetype dot = name.indexOf(u'.');
    if (dot <= 0)
        return {};
    const auto head = object.constFind(name.left(dot));
    if (head == object.constEnd() || !head->isObject())
        return {};
    return lookup(head->toObject(), name.mid(dot + 1));
}

// Epoch numbers by magnitude: seconds, milliseconds, microseconds or nanoseconds.
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

class JsonLinesParser : public LineParser
{
public:
    explicit JsonLinesParser(const ParseContext &context) : m_zone(context.zone), m_fields(defaultFields())
    {
        for (const QString &pair : context.fieldMap.split(u',', Qt::SkipEmptyParts)) {
            const QString column = pair.section(u'=', 0, 0).trimmed(), field = pair.section(u'=', 1).trimmed();
            for (int c = 0; c < ColumnCount; ++c) {
                if (column == QLatin1StringView(ColumnNames[std::size_t(c)]) && !field.isEmpty())
                    m_fields[std::size_t(c)].prepend(field);
            }
        }
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out, std::string *reason) override
    {
        std::size_t start = 0;
        while (start < s.size() && (s[start] == ' ' || s[start] == '\t'))
            ++start;
        if (start == s.size())
            return LineResult::Skip;
        if (s[start] != '{') {
            *reason = "not a JSON object";
            return LineResult::Malformed;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(s.data() + start, qsizetype(s.size() - start)), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            *reason = "invalid JSON: " + error.errorString().toStdString() + " at character " +
                      std::to_string(error.offset + 1);
            return LineResult::Malformed;
        }
        const QJsonObject object = doc.object();
        const QJsonValue timeValue = find(object, Time);
        int64_t t = 0;
        if (!toTime(timeValue, t)) {
            *reason = timeValue.isUndefined() ? "no time field (map one with time=FIELD)" : "unreadable time value";
            return LineResult::Malformed;
        }
        const std::size_t row = out.appendRow(t, offset, lineNo);
        auto text = [&](Column c) -> QByteArray {
            const QJsonValue v = find(object, c);
            if (v.isString())
                return v.toString().toUtf8();
            if (v.isDouble())
                return QByteArray::number(v.toDouble(), 'g', 15);
            return {};
        };
        auto intern = [&](Column c) { return out.strings.intern(std::string_view(text(c).toStdString())); };
        if (const QJsonValue v = find(object, Status); !v.isUndefined()) {
            const int status = v.isString() ? v.toString().toInt() : v.toInt();
            out.status[row] = uint16_t(status > 0 && status < 1000 ? status : 0);
        }
        if (const QJsonValue v = find(object, Bytes); v.isDouble() || v.isString())
            out.bytes[row] = uint64_t(std::max(0.0, v.isString() ? v.toString().toDouble() : v.toDouble()));
        if (const QJsonValue v = find(object, Severity); !v.isUndefined()) {
            const std::string level = v.isDouble() ? std::to_string(v.toInt()) : v.toString().toStdString();
            // journald PRIORITY is a syslog severity 0..7 already.
            out.severity[row] = level.size() == 1 && level[0] >= '0' && level[0] <= '7' ? uint8_t(level[0] - '0')
                                                                                        : scan::severityFromName(level);
        }
        if (const QJsonValue v = find(object, Duration); v.isDouble())
            out.responseUs[row] = uint32_t(std::clamp(v.toDouble() * 1e6, 0.0, double(NoResponseTime - 1)));
        const QByteArray method = text(Method);
        out.method[row] = httpMethodFromBytes(std::string_view(method.constData(), std::size_t(method.size())));
        out.client[row] = intern(Client);
        out.path[row] = intern(Path);
        out.host[row] = intern(Host);
        out.message[row] = intern(Message);
        out.agent[row] = intern(Agent);
        out.referer[row] = intern(Referer);
        return LineResult::Event;
    }

private:
    QJsonValue find(const QJsonObject &object, Column c) const
    {
        for (const QString &name : m_fields[std::size_t(c)]) {
            const QJsonValue v = lookup(object, name);
            if (!v.isUndefined() && !v.isNull())
                return v;
        }
        return QJsonValue(QJsonValue::Undefined);
    }

    bool toTime(const QJsonValue &v, int64_t &t)
    {
        if (v.isDouble()) {
            t = epochToMicros(v.toDouble());
            return true;
        }
        if (!v.isString())
            return false;
        const QByteArray utf8 = v.toString().toUtf8();
        const std::string_view text(utf8.constData(), std::size_t(utf8.size()));
        if (const auto iso = parseIsoTime(text); iso && iso->length == text.size()) {
            const int64_t secs = iso->civilUs / MicrosPerSecond;
            t = iso->offsetSeconds ? iso->civilUs - int64_t(*iso->offsetSeconds) * MicrosPerSecond
                                   : (m_zone.toUtc(secs) - secs) * MicrosPerSecond + iso->civilUs;
            return true;
        }
        bool ok = false;
        const double number = v.toString().toDouble(&ok); // journald "1534860261221373"
        if (ok)
            t = epochToMicros(number);
        return ok;
    }

    ZoneConverter m_zone;
    std::array<QStringList, ColumnCount> m_fields;
};

} // namespace

std::unique_ptr<LineParser> JsonLinesReader::createParser(const ParseContext &context) const
{
    return std::make_unique<JsonLinesParser>(context);
}

} // namespace inquest
