#include "elbreader.h"
#include "model/httpstatus.h"
#include "scan.h"

namespace inquest {

namespace {

LineResult fail(std::string *reason, const char *why)
{
    *reason = why;
    return LineResult::Malformed;
}

std::string_view withoutPort(std::string_view endpoint)
{
    const auto colon = endpoint.rfind(':');
    return colon == std::string_view::npos ? endpoint : endpoint.substr(0, colon);
}

class ElbParser : public LineParser
{
public:
    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.empty())
            return LineResult::Skip;
        std::size_t pos = 0;
        std::string_view first = scan::token(s, pos);
        auto iso = parseIsoTime(first);
        if (!iso) { // ALB: the first field is the type (http, https, h2, ws, wss, grpcs)
            iso = parseIsoTime(scan::token(s, pos));
            if (!iso)
                return fail(reason, "no ISO 8601 time in field 1 or 2");
        }
        if (!iso->offsetSeconds)
            return fail(reason, "time has no zone (ELB writes UTC with Z)");
        scan::token(s, pos); // load balancer name
        const std::string_view client = withoutPort(scan::token(s, pos));
        scan::token(s, pos); // target
        uint32_t total = 0;
        bool allTimes = true;
        for (int i = 0; i < 3; ++i) {
            uint32_t part = 0;
            const std::string_view t = scan::token(s, pos);
            if (t == "-1" || !scan::parseDuration(t, false, part))
                allTimes = false;
            total += part;
        }
        uint64_t bytes = 0, dummy = 0;
        uint16_t status = 0;
        if (!parseStatusField(scan::token(s, pos), status))
            return fail(reason, "bad load-balancer status");
        scan::token(s, pos); // target status
        // -1 when the connection was closed before a response (Classic ELB).
        const std::string_view received = scan::token(s, pos), sent = scan::token(s, pos);
        if (received != "-1" && !scan::parseUInt(received, dummy))
            return fail(reason, "bad received-bytes field");
        if (sent != "-1" && !scan::parseUInt(sent, bytes))
            return fail(reason, "bad sent-bytes field");
        std::string_view request, agent;
        if (!scan::quoted(s, pos, request))
            return fail(reason, "no quoted request");
        if (pos < s.size() && s[pos] == ' ')
            ++pos;
        scan::quoted(s, pos, agent);

        const std::size_t row =
            out.appendRow(iso->civilUs - int64_t(*iso->offsetSeconds) * MicrosPerSecond, offset, lineNo);
        out.client[row] = out.strings.intern(client);
        out.status[row] = status;
        out.bytes[row] = bytes;
        out.responseUs[row] = allTimes ? total : NoResponseTime;
        if (agent != "-")
            out.agent[row] = out.strings.intern(agent);
        // "GET https://www.example.com:443/path?q HTTP/1.1"
        const auto sp = request.find(' ');
        if (sp != std::string_view::npos && request != "- - -") {
            out.method[row] = httpMethodFromBytes(request.substr(0, sp));
            std::string_view url = request.substr(sp + 1);
            if (const auto last = url.rfind(' '); last != std::string_view::npos)
                url = url.substr(0, last);
            if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
                const auto slash = url.find('/', scheme + 3);
                const std::string_view authority =
                    url.substr(scheme + 3, (slash == std::string_view::npos ? url.size() : slash) - scheme - 3);
                out.host[row] = out.strings.intern(withoutPort(authority));
                url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
            }
            out.path[row] = out.strings.intern(url);
        }
        return LineResult::Event;
    }
};

} // namespace

std::unique_ptr<LineParser> ElbReader::createParser(const ParseContext &) const
{
    return std::make_unique<ElbParser>();
}

} // namespace inquest
