#include "accesslogreader.h"
#include "interncache.h"
#include "model/httpstatus.h"
#include "scan.h"

#include "model/httpstatus.h"

#include <cstring>

namespace inquest {

namespace {

// Parses "dd/Mon/yyyy:HH:MM:SS[.frac] +zzzz" into µs UTC. The "dd/Mon/yyyy:HH:MM" prefix and the
// zone text change at most once a minute in a real log, so both are cached.
class ClfTimeParser
{
public:
    bool parse(std::string_view t, int64_t &us)
    {
        if (t.size() < 20 || t[2] != '/' || t[6] != '/' || t[11] != ':' || t[14] != ':' || t[17] != ':')
            return false;
        if (std::memcmp(t.data(), m_minuteKey, 17) != 0 && !refreshMinute(t))
            return false;
        const unsigned s1 = unsigned(t[18] - '0'), s2 = unsigned(t[19] - '0');
        if (s1 > 6 || s2 > 9)
            return false;
        int64_t micros = 0;
        std::size_t pos = 20;
        if (pos < t.size() && t[pos] == '.') {
            int digits = 0;
            for (++pos; pos < t.size() && unsigned(t[pos] - '0') < 10; ++pos) {
                if (digits++ < 6)
                    micros = micros * 10 + (t[pos] - '0');
            }
            for (; digits < 6; ++digits)
                micros *= 10;
        }
        int64_t seconds = m_minuteSeconds + s1 * 10 + s2;
        if (pos < t.size() && t[pos] == ' ') {
            const std::string_view zone = t.substr(pos + 1);
            if (zone != m_zoneKey) {
                const auto offset = parseUtcOffset(zone);
                if (!offset)
                    return false;
                m_zoneKey.assign(zone.data(), zone.size());
                m_zoneOffset = *offset;
            }
            seconds -= m_zoneOffset;
        } else if (pos == t.size()) {
            seconds = m_zone->toUtc(seconds);
        } else {
            return false;
        }
        us = seconds * MicrosPerSecond + micros;
        return true;
    }
    ZoneConverter *m_zone = nullptr;

private:
    bool refreshMinute(std::string_view t)
    {
        std::size_t pos = 0;
        int day, year, hour, minute;
        if (!readInt(t, pos, 2, 2, day))
            return false;
        const int month = monthFromName(t.substr(3, 3));
        pos = 7;
        if (!month || !readInt(t, pos, 4, 4, year))
            return false;
        pos = 12;
        if (!readInt(t, pos, 2, 2, hour) || !readInt(t, ++pos, 2, 2, minute))
            return false;
        const auto seconds = civilSeconds(year, month, day, hour, minute, 0);
        if (!seconds)
            return false;
        std::memcpy(m_minuteKey, t.data(), 17);
        m_minuteSeconds = *seconds;
        return true;
    }

    char m_minuteKey[17] = {};
    int64_t m_minuteSeconds = 0;
    std::string m_zoneKey;
    int m_zoneOffset = 0;
};

class AccessLogParser : public LineParser
{
public:
    AccessLogParser(const ParseContext &context, bool vhost)
        : m_zone(context.zone)
        , m_vhost(vhost)
    {
        m_time.m_zone = &m_zone;
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.empty())
            return LineResult::Skip;
        // Before " [time]": [vhost] client ident user. The client may be an X-Forwarded-For list
        // ("a, b, c" or quoted), whose first entry is the original client.
        const std::size_t open = s.find(" [");
        if (open == std::string_view::npos)
            return fail(reason, "expected \"client ident user [time]\"");
        std::string_view vhost, client;
        if (!splitPrefix(s.substr(0, open), vhost, client))
            return fail(reason, "expected \"client ident user [time]\"");
        if (m_vhost && vhost.empty())
            return fail(reason, "expected a leading vhost[:port]");
        m_lastHadVhost = !vhost.empty();
        std::size_t pos = open + 1;
        const std::size_t close = s.find(']', pos);
        if (close == std::string_view::npos)
            return fail(reason, "unterminated [time]");
        int64_t t;
        if (!m_time.parse(s.substr(pos + 1, close - pos - 1), t))
            return fail(reason, "bad timestamp");
        pos = close + 1;
        if (pos < s.size() && s[pos] == ' ')
            ++pos;
        std::string_view request;
        if (!scan::quoted(s, pos, request))
            return fail(reason, "expected a quoted request");
        if (pos < s.size() && s[pos] == ' ')
            ++pos;
        const std::string_view statusText = scan::token(s, pos);
        uint16_t status = 0;
        if (!parseStatusField(statusText, status))
            return fail(reason, "bad status");
        const std::string_view bytesText = scan::token(s, pos);
        uint64_t bytes = 0;
        if (bytesText.empty() || (bytesText != "-" && !scan::parseUInt(bytesText, bytes)))
            return fail(reason, "bad byte count");
        std::string_view referer, agent;
        uint32_t responseUs = NoResponseTime;
        bool hadAgent = false;
        if (pos < s.size() && s[pos] == '"') {
            if (!scan::quoted(s, pos, referer))
                return fail(reason, "bad referer field");
            if (pos < s.size() && s[pos] == ' ')
                ++pos;
            if (!scan::quoted(s, pos, agent))
                return fail(reason, "bad user-agent field");
            hadAgent = true;
        }
        // Trailing fields: the first number is the response time.
        while (pos < s.size()) {
            if (s[pos] == ' ') {
                ++pos;
                continue;
            }
            std::string_view extra;
            if (s[pos] == '"') {
                if (!scan::quoted(s, pos, extra))
                    break;
                continue;
            }
            extra = scan::token(s, pos);
            if (responseUs == NoResponseTime && scan::parseDuration(extra, false, responseUs))
                break;
        }

        m_lastHadAgent = hadAgent;
        const std::size_t row = out.appendRow(t, offset, lineNo);
        out.status[row] = status;
        out.bytes[row] = bytes;
        out.responseUs[row] = responseUs;
        out.client[row] = m_intern.intern(out.strings, client);
        if (!vhost.empty())
            out.host[row] = m_intern.intern(out.strings, vhost);
        splitRequest(request, out, row, m_intern);
        if (referer != "-")
            out.referer[row] = m_intern.intern(out.strings, referer);
        if (agent != "-")
            out.agent[row] = m_intern.intern(out.strings, agent);
        return LineResult::Event;
    }

    InternCache *internCache() override { return &m_intern; }
    bool lastHadAgent() const { return m_lastHadAgent; }
    bool lastHadVhost() const { return m_lastHadVhost; }

private:
    static LineResult fail(std::string *reason, const char *why)
    {
        *reason = why;
        return LineResult::Malformed;
    }
    static bool splitPrefix(std::string_view prefix, std::string_view &vhost, std::string_view &client)
    {
        std::string_view tokens[4];
        std::size_t n = 0, pos = 0;
        bool list = false;
        while (pos < prefix.size()) {
            std::string_view t;
            if (prefix[pos] == '"') {
                if (!scan::quoted(prefix, pos, t))
                    return false;
                while (pos < prefix.size() && prefix[pos] == ' ')
                    ++pos;
                list = true;
            } else {
                t = scan::token(prefix, pos);
                list |= t.ends_with(',');
            }
            if (n < 4)
                tokens[n] = t;
            ++n;
        }
        if (n < 3)
            return false; // e.g. "client [time]" with ident and user missing
        if (list) {       // X-Forwarded-For list: the first address
            client = tokens[0];
            if (const auto comma = client.find(','); comma != std::string_view::npos)
                client = client.substr(0, comma);
            return !client.empty();
        }
        if (n == 3) {
            client = tokens[0];
        } else if (n == 4) {
            vhost = tokens[0];
            client = tokens[1];
        } else {
            return false;
        }
        return !client.empty();
    }
    static void splitRequest(std::string_view request, EventTable &out, std::size_t row, InternCache &cache)
    {
        if (request.empty() || request == "-")
            return;
        const std::size_t sp = request.find(' ');
        if (sp == std::string_view::npos) {
            out.method[row] = HttpMethod::Other;
            out.path[row] = cache.intern(out.strings, request);
            return;
        }
        out.method[row] = httpMethodFromBytes(request.substr(0, sp));
        std::string_view rest = request.substr(sp + 1);
        const std::size_t last = rest.rfind(' ');
        if (last != std::string_view::npos && rest.substr(last + 1).starts_with("HTTP/"))
            rest = rest.substr(0, last);
        out.path[row] = cache.intern(out.strings, rest);
    }

    ZoneConverter m_zone;
    ClfTimeParser m_time;
    InternCache m_intern;
    bool m_vhost;
    bool m_lastHadAgent = false;
    bool m_lastHadVhost = false;
};

} // namespace

QString AccessLogReader::name() const
{
    switch (m_variant) {
    case Variant::Common:
        return QStringLiteral("common");
    case Variant::Combined:
        return QStringLiteral("combined");
    case Variant::VHost:
        return QStringLiteral("vhost-combined");
    }
    return {};
}

QString AccessLogReader::description() const
{
    switch (m_variant) {
    case Variant::Common:
        return QStringLiteral("Apache/nginx Common Log Format (client ident user [time] \"request\" status bytes)");
    case Variant::Combined:
        return QStringLiteral(
            "Apache/nginx combined log (common + \"referer\" \"user-agent\"; optional trailing response time)");
    case Variant::VHost:
        return QStringLiteral("Common or combined log with a leading vhost[:port] (Apache %v, GoAccess VCOMBINED)");
    }
    return {};
}

uint32_t AccessLogReader::capabilities() const
{
    return CapHttp | CapSplittable | CapResponseTime | (m_variant == Variant::VHost ? uint32_t(CapHost) : 0u);
}

std::unique_ptr<LineParser> AccessLogReader::createParser(const ParseContext &context) const
{
    return std::make_unique<AccessLogParser>(context, m_variant == Variant::VHost);
}

double AccessLogReader::sniff(const std::vector<std::string_view> &lines) const
{
    ParseContext context;
    AccessLogParser parser(context, m_variant == Variant::VHost);
    EventTable scratch;
    std::string reason;
    int tried = 0, parsed = 0, withAgent = 0, withVhost = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const LineResult r = parser.parse(lines[i], 0, uint32_t(i + 1), scratch, &reason);
        if (r == LineResult::Skip)
            continue;
        ++tried;
        if (r == LineResult::Event) {
            ++parsed;
            withAgent += parser.lastHadAgent();
            withVhost += parser.lastHadVhost();
        }
    }
    if (parsed == 0)
        return 0.0;
    const double share = double(parsed) / tried;
    const bool combined = withAgent > 0;
    // Lines with a vhost parse as common/combined too; prefer vhost-combined when all have one.
    const double vhostPenalty = withVhost == parsed ? 0.9 : 1.0;
    switch (m_variant) {
    case Variant::Common:
        return share * vhostPenalty * (combined ? 0.85 : 1.0);
    case Variant::Combined:
        return share * vhostPenalty * (combined ? 1.0 : 0.9);
    case Variant::VHost:
        return share;
    }
    return 0.0;
}

} // namespace inquest
