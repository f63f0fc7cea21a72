#include "errorlogreader.h"
#include "logtemplates.h"
#include "scan.h"

namespace inquest {

namespace {

LineResult fail(std::string *reason, const char *why)
{
    *reason = why;
    return LineResult::Malformed;
}

std::string_view stripPort(std::string_view client)
{
    if (client.starts_with('[')) { // "[2001:db8::1]:443"
        const auto close = client.find(']');
        return close == std::string_view::npos ? client : client.substr(1, close - 1);
    }
    const auto colon = client.rfind(':');
    if (colon != std::string_view::npos && client.find(':') == colon)
        return client.substr(0, colon); // IPv4 or name with a port; bare IPv6 stays whole
    return client;
}

void fillRequest(std::string_view request, EventTable &out, std::size_t row)
{
    const auto sp = request.find(' ');
    if (sp == std::string_view::npos)
        return;
    out.method[row] = httpMethodFromBytes(request.substr(0, sp));
    std::string_view rest = request.substr(sp + 1);
    if (const auto last = rest.rfind(' '); last != std::string_view::npos && rest.substr(last + 1).starts_with("HTTP/"))
        rest = rest.substr(0, last);
    out.path[row] = out.strings.intern(rest);
}

class ApacheErrorParser : public LineParser
{
public:
    explicit ApacheErrorParser(const ParseContext &context)
        : m_zone(context.zone)
    {
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.empty())
            return LineResult::Skip;
        // [Mon Dec 26 16:15:55.103786 2016]
        if (s.size() < 26 || s[0] != '[' || s[4] != ' ' || s[8] != ' ')
            return fail(reason, "expected \"[Www Mmm dd HH:MM:SS yyyy]\"");
        const auto close = s.find(']');
        if (close == std::string_view::npos)
            return fail(reason, "unterminated [time]");
        const std::string_view ts = s.substr(1, close - 1);
        if (ts.size() < 20)
            return fail(reason, "bad timestamp");
        const int month = monthFromName(ts.substr(4, 3));
        std::size_t pos = 8;
        while (pos < ts.size() && ts[pos] == ' ')
            ++pos;
        int day, hour, minute, second, year;
        if (!month || !readInt(ts, pos, 1, 2, day) || pos >= ts.size() || ts[pos++] != ' ' ||
            !readInt(ts, pos, 2, 2, hour) || ts[pos++] != ':' || !readInt(ts, pos, 2, 2, minute) || ts[pos++] != ':' ||
            !readInt(ts, pos, 2, 2, second))
            return fail(reason, "bad timestamp");
        int64_t micros = 0;
        if (pos < ts.size() && ts[pos] == '.') {
            int frac = 0;
            const std::size_t start = ++pos;
            readInt(ts, pos, 1, 6, frac);
            micros = frac;
            for (std::size_t n = pos - start; n < 6; ++n)
                micros *= 10;
        }
        if (pos >= ts.size() || ts[pos++] != ' ' || !readInt(ts, pos, 4, 4, year))
            return fail(reason, "bad timestamp");
        const auto secs = civilSeconds(year, month, day, hour, minute, second);
        if (!secs)
            return fail(reason, "bad timestamp");
        const std::size_t row = out.appendRow(m_zone.toUtc(*secs) * MicrosPerSecond + micros, offset, lineNo);
        // Bracketed fields: [level] or [module:level], [pid …], [client …].
        pos = close + 1;
        while (pos + 1 < s.size() && s[pos] == ' ' && s[pos + 1] == '[') {
            const auto end = s.find(']', pos + 2);
            if (end == std::string_view::npos)
                break;
            const std::string_view field = s.substr(pos + 2, end - pos - 2);
            pos = end + 1;
            if (field.starts_with("pid "))
                continue;
            if (field.starts_with("client ")) {
                out.client[row] = out.strings.intern(stripPort(field.substr(7)));
                continue;
            }
            if (out.severity[row] == NoSeverity) {
                const auto colon = field.find(':');
                const std::string_view level = colon == std::string_view::npos ? field : field.substr(colon + 1);
                out.severity[row] = scan::severityFromName(level);
                if (colon != std::string_view::npos)
                    out.message[row] = out.strings.intern(field.substr(0, colon));
            }
        }
        while (pos < s.size() && s[pos] == ' ')
            ++pos;
        m_templates.add(out, row, s.substr(pos)); // the message text, as template + arguments
        return LineResult::Event;
    }

private:
    ZoneConverter m_zone;
    LogTemplateMiner m_templates;
};

class NginxErrorParser : public LineParser
{
public:
    explicit NginxErrorParser(const ParseContext &context)
        : m_zone(context.zone)
    {
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.empty())
            return LineResult::Skip;
        std::size_t pos = 0;
        int y, mo, d, h, mi, sec;
        if (!readInt(s, pos, 4, 4, y) || pos >= s.size() || s[pos++] != '/' || !readInt(s, pos, 2, 2, mo) ||
            pos >= s.size() || s[pos++] != '/' || !readInt(s, pos, 2, 2, d) || pos >= s.size() || s[pos++] != ' ' ||
            !readInt(s, pos, 2, 2, h) || pos >= s.size() || s[pos++] != ':' || !readInt(s, pos, 2, 2, mi) ||
            pos >= s.size() || s[pos++] != ':' || !readInt(s, pos, 2, 2, sec))
            return fail(reason, "expected \"yyyy/mm/dd HH:MM:SS [level]\"");
        const auto secs = civilSeconds(y, mo, d, h, mi, sec);
        if (!secs || s.substr(pos, 2) != " [")
            return fail(reason, "bad timestamp or no [level]");
        const auto close = s.find(']', pos);
        if (close == std::string_view::npos)
            return fail(reason, "unterminated [level]");
        const std::size_t row = out.appendRow(m_zone.toUtc(*secs) * MicrosPerSecond, offset, lineNo);
        out.severity[row] = scan::severityFromName(s.substr(pos + 2, close - pos - 2));
        std::string_view text = s.substr(std::min(s.size(), close + 2));
        if (const auto hash = text.find(": ");
            hash != std::string_view::npos && text.substr(0, hash).find('#') != std::string_view::npos)
            text = text.substr(hash + 2); // drop "pid#tid: "
        // Trailing context: ", client: X, server: Y, request: "…", host: "…"".
        const auto ctx = text.find(", client: ");
        std::string_view context;
        if (ctx != std::string_view::npos) {
            context = text.substr(ctx + 2);
            text = text.substr(0, ctx);
        }
        // nginx names no module or program: the text is kept once, as template + arguments (the
        // message column, the tag, stays empty).
        m_templates.add(out, row, text);
        for (std::size_t p = 0; p < context.size();) {
            const auto colon = context.find(": ", p);
            if (colon == std::string_view::npos)
                break;
            const std::string_view key = context.substr(p, colon - p);
            std::size_t vpos = colon + 2;
            std::string_view value;
            if (vpos < context.size() && context[vpos] == '"') {
                if (!scan::quoted(context, vpos, value))
                    break;
            } else {
                const auto comma = context.find(',', vpos);
                value = context.substr(vpos, (comma == std::string_view::npos ? context.size() : comma) - vpos);
                vpos += value.size();
            }
            if (key == "client")
                out.client[row] = out.strings.intern(value);
            else if (key == "request")
                fillRequest(value, out, row);
            else if (key == "host")
                out.host[row] = out.strings.intern(value);
            p = vpos;
            while (p < context.size() && (context[p] == ',' || context[p] == ' '))
                ++p;
        }
        return LineResult::Event;
    }

private:
    ZoneConverter m_zone;
    LogTemplateMiner m_templates;
};

} // namespace

QString ErrorLogReader::name() const
{
    return m_variant == Variant::Apache ? QStringLiteral("apache-error") : QStringLiteral("nginx-error");
}

QString ErrorLogReader::description() const
{
    return m_variant == Variant::Apache
               ? QStringLiteral(
                     "Apache httpd error log ([time] [module:level] [pid] [client] message; local time, --tz)")
               : QStringLiteral("nginx error log (yyyy/mm/dd HH:MM:SS [level] pid#tid: message, client: …, request: …; "
                                "local time, --tz)");
}

uint32_t ErrorLogReader::capabilities() const
{
    return CapSeverity | CapMessage | CapLocalTime | CapSplittable |
           (m_variant == Variant::Nginx ? uint32_t(CapHost | CapHttp) : uint32_t(CapHttp));
}

std::unique_ptr<LineParser> ErrorLogReader::createParser(const ParseContext &context) const
{
    if (m_variant == Variant::Apache)
        return std::make_unique<ApacheErrorParser>(context);
    return std::make_unique<NginxErrorParser>(context);
}

} // namespace inquest
