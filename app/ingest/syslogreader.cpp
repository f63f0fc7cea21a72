#include "syslogreader.h"
#include "logtemplates.h"
#include "scan.h"
#include "severityinference.h"

#include <algorithm>

namespace inquest {

namespace {

// "<13>" -> severity 5; pos moves past it. Returns NoSeverity when there is no PRI.
uint8_t readPri(std::string_view s, std::size_t &pos)
{
    if (pos >= s.size() || s[pos] != '<')
        return NoSeverity;
    std::size_t p = pos + 1;
    int pri = 0;
    if (!readInt(s, p, 1, 3, pri) || p >= s.size() || s[p] != '>' || pri > 191)
        return NoSeverity;
    pos = p + 1;
    return uint8_t(pri & 7);
}

// Moves pos past RFC 5424 STRUCTURED-DATA ("-" or "[id k="v" …]…", where a value may hold
// an escaped "]") and the space after it.
void skipStructuredData(std::string_view s, std::size_t &pos)
{
    if (pos < s.size() && s[pos] == '-') {
        ++pos;
    } else {
        while (pos < s.size() && s[pos] == '[') {
            bool inValue = false;
            for (++pos; pos < s.size(); ++pos) {
                if (inValue && s[pos] == '\\')
                    ++pos;
                else if (s[pos] == '"')
                    inValue = !inValue;
                else if (!inValue && s[pos] == ']')
                    break;
            }
            if (pos < s.size())
                ++pos;
        }
    }
    if (pos < s.size() && s[pos] == ' ')
        ++pos;
    if (s.substr(pos).starts_with("\xEF\xBB\xBF")) // the BOM RFC 5424 allows before UTF-8 text
        pos += 3;
}

class SyslogParser : public LineParser
{
public:
    SyslogParser(const ParseContext &context, bool rfc5424)
        : m_zone(context.zone)
        , m_year(context.year ? context.year : 1970)
        , m_anchorMonth(context.yearAnchorMonth)
        , m_nearestAnchor(context.yearNearestAnchor)
        , m_rfc5424(rfc5424)
    {
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.empty())
            return LineResult::Skip;
        if (s[0] == ' ' || s[0] == '\t')
            return LineResult::Skip; // continuation of the previous message (macOS ASL, plaso)
        std::size_t pos = 0;
        const uint8_t severity = readPri(s, pos);
        if (m_rfc5424 && severity != NoSeverity) {
            if (s.substr(pos, 2) != "1 ")
                return fail(reason, "RFC 5424 version \"1\" expected after <PRI>");
            pos += 2;
        }
        int64_t t;
        if (!readTime(s, pos, t))
            return fail(reason, "no syslog timestamp");
        const std::string_view host = scan::token(s, pos);
        std::string_view program;
        if (m_rfc5424) {
            program = scan::token(s, pos);
            scan::token(s, pos); // PROCID
            scan::token(s, pos); // MSGID
            if (pos >= s.size() || (s[pos] != '-' && s[pos] != '['))
                return fail(reason, "no RFC 5424 structured-data field");
            if (program == "-")
                program = {};
        } else {
            std::string_view tag = host;
            std::string_view hostName;
            if (!host.ends_with(':')) { // "kernel:" right after the time means no host
                hostName = host;
                tag = scan::token(s, pos);
            }
            if (tag.ends_with(':')) {
                tag.remove_suffix(1);
            } else if (tag == "last" && s.substr(pos).starts_with("message repeated")) {
                tag = {};
            } else if (const auto colon = s.find(": ", pos); colon != std::string_view::npos && colon - pos < 48) {
                // "syslogd 1.4.1: restart.", "-- root[2421]: ROOT LOGIN": the tag has spaces.
            } else if (severity == NoSeverity) {
                return fail(reason, "no program tag (\"name[pid]:\") after the host");
            } // forwarded "<PRI>time host tag msg" records often drop the colon
            if (tag == "--")
                tag = scan::token(s, pos);
            if (const auto bracket = tag.find('['); bracket != std::string_view::npos)
                tag = tag.substr(0, bracket);
            // Cisco IOS writes its message sequence number where the tag goes ("host 85132:
            // *Dec 12 ...: %LINK-3-UPDOWN: ..."): a counter, not a program.
            if (!tag.empty() && std::all_of(tag.begin(), tag.end(), [](char c) { return c >= '0' && c <= '9'; }))
                tag = {};
            program = tag;
            const std::size_t row = out.appendRow(t, offset, lineNo);
            out.host[row] = out.strings.intern(hostName);
            finish(out, row, severity, program, s.substr(std::min(pos, s.size())));
            return LineResult::Event;
        }
        skipStructuredData(s, pos);
        const std::size_t row = out.appendRow(t, offset, lineNo);
        if (host != "-")
            out.host[row] = out.strings.intern(host);
        finish(out, row, severity, program, s.substr(std::min(pos, s.size())));
        return LineResult::Event;
    }

private:
    // The program tag, the message text (as template + arguments) and the severity: the PRI's,
    // else the one the tag and text imply, marked as inferred.
    void finish(EventTable &out, std::size_t row, uint8_t severity, std::string_view program, std::string_view text)
    {
        if (severity == NoSeverity) {
            if (const uint8_t level = inferSeverity(program, text); level != NoSeverity)
                severity = uint8_t(level | SeverityInferredBit);
        }
        out.severity[row] = severity;
        out.message[row] = out.strings.intern(program);
        m_templates.add(out, row, text);
    }

    static LineResult fail(std::string *reason, const char *why)
    {
        *reason = why;
        return LineResult::Malformed;
    }

    bool readTime(std::string_view s, std::size_t &pos, int64_t &t)
    {
        if (const auto iso = parseIsoTime(s.substr(pos))) {
            pos += iso->length;
            const int64_t seconds = iso->civilUs / MicrosPerSecond;
            t = iso->offsetSeconds ? iso->civilUs - int64_t(*iso->offsetSeconds) * MicrosPerSecond
                                   : (m_zone.toUtc(seconds) - seconds) * MicrosPerSecond + iso->civilUs;
            return pos >= s.size() || s[pos++] == ' ';
        }
        if (m_rfc5424)
            return false;
        // "Mmm dd HH:MM:SS[.frac]" (the day may be space-padded), French "août 19 …" too.
        const std::size_t monthEnd = s.find(' ', pos);
        if (monthEnd == std::string_view::npos || monthEnd - pos > 6)
            return false;
        const int month = monthFromName(s.substr(pos, monthEnd - pos));
        pos = monthEnd;
        while (pos < s.size() && s[pos] == ' ')
            ++pos;
        int day, hour, minute, second;
        if (!month || !readInt(s, pos, 1, 2, day) || pos >= s.size() || s[pos++] != ' ' ||
            !readInt(s, pos, 2, 2, hour) || pos >= s.size() || s[pos++] != ':' || !readInt(s, pos, 2, 2, minute) ||
            pos >= s.size() || s[pos++] != ':' || !readInt(s, pos, 2, 2, second))
            return false;
        int64_t micros = 0;
        if (pos < s.size() && s[pos] == '.') {
            int digits = 0;
            for (++pos; pos < s.size() && unsigned(s[pos] - '0') < 10; ++pos) {
                if (digits++ < 6)
                    micros = micros * 10 + (s[pos] - '0');
            }
            for (; digits < 6; ++digits)
                micros *= 10;
        }
        if (pos < s.size() && s[pos++] != ' ')
            return false;
        // The year: roll over when the months go from December to January.
        if (m_lastMonth == 0 && m_anchorMonth) {
            if (m_nearestAnchor ? month - m_anchorMonth > 6 : month > m_anchorMonth)
                --m_year; // the anchor lies in the next year (a file last written in January, say)
            else if (m_nearestAnchor && m_anchorMonth - month > 6)
                ++m_year; // the case ends in December, these lines begin in January
        } else if (m_lastMonth == 12 && month == 1)
            ++m_year;
        m_lastMonth = month;
        const int64_t key = ((int64_t(m_year) * 16 + month) * 32 + day) * 1440 + hour * 60 + minute;
        if (key != m_minuteKey) {
            const auto secs = civilSeconds(m_year, month, day, hour, minute, 0);
            if (!secs)
                return false;
            m_minuteKey = key;
            m_minuteSeconds = *secs;
        }
        if (second > 60)
            return false;
        t = m_zone.toUtc(m_minuteSeconds + second) * MicrosPerSecond + micros;
        return true;
    }

    ZoneConverter m_zone;
    int m_year;
    int m_anchorMonth;
    bool m_nearestAnchor;
    int m_lastMonth = 0;
    int64_t m_minuteKey = -1;
    int64_t m_minuteSeconds = 0;
    bool m_rfc5424;
    LogTemplateMiner m_templates;
};

} // namespace

QString SyslogReader::name() const
{
    return m_variant == Variant::Rfc5424 ? QStringLiteral("syslog-rfc5424") : QStringLiteral("syslog-rfc3164");
}

QString SyslogReader::description() const
{
    return m_variant == Variant::Rfc5424
               ? QStringLiteral("Syslog RFC 5424 (<PRI>1 ISO-time host app procid msgid [sd] msg)")
               : QStringLiteral(
                     "Syslog RFC 3164 / BSD (Mmm dd HH:MM:SS host tag: msg; no year, no zone; --year, --tz)");
}

uint32_t SyslogReader::capabilities() const
{
    const uint32_t common = CapSeverity | CapHost | CapMessage | CapLocalTime;
    return m_variant == Variant::Rfc5424 ? common | CapSplittable : common | CapNeedsYear;
}

std::unique_ptr<LineParser> SyslogReader::createParser(const ParseContext &context) const
{
    return std::make_unique<SyslogParser>(context, m_variant == Variant::Rfc5424);
}

} // namespace inquest
