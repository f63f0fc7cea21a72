#include "w3creader.h"
#include "model/httpstatus.h"
#include "scan.h"

#include <array>

namespace inquest {

namespace {

enum class Field {
    Other,
    Date,
    Time,
    Client,
    Method,
    Stem,
    Query,
    Status,
    Bytes,
    TimeTaken,
    Agent,
    Referer,
    Host,
    Site
};

Field fieldFromName(std::string_view n)
{
    static constexpr std::array<std::pair<std::string_view, Field>, 14> Names{{
        {"date", Field::Date},
        {"time", Field::Time},
        {"c-ip", Field::Client},
        {"cs-method", Field::Method},
        {"cs-uri-stem", Field::Stem},
        {"cs-uri-query", Field::Query},
        {"sc-status", Field::Status},
        {"sc-bytes", Field::Bytes},
        {"time-taken", Field::TimeTaken},
        {"cs(User-Agent)", Field::Agent},
        {"cs(Referer)", Field::Referer},
        {"cs-host", Field::Host},
        {"s-sitename", Field::Site},
        {"cs-uri", Field::Stem},
    }};
    for (const auto &[name, field] : Names) {
        if (n == name)
            return field;
    }
    return Field::Other;
}

// IIS's default field list, for files whose #Fields line was cut off.
constexpr std::string_view IisDefault = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
                                        "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

class W3cParser : public LineParser
{
public:
    explicit W3cParser(const ParseContext &context)
        : m_zone(context.zone)
    {
        setFields(IisDefault);
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.empty())
            return LineResult::Skip;
        if (s[0] == '#') {
            if (s.starts_with("#Fields:"))
                setFields(s.substr(8));
            return LineResult::Skip;
        }
        // Values never hold spaces (IIS writes '+', empty is '-'), so runs of spaces separate.
        m_values.clear();
        std::size_t pos = 0;
        while (pos < s.size())
            m_values.push_back(scan::token(s, pos));
        if (m_values.size() != m_fields.size()) {
            *reason =
                "has " + std::to_string(m_values.size()) + " fields, #Fields names " + std::to_string(m_fields.size());
            return LineResult::Malformed;
        }
        std::string_view date, time;
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            if (m_fields[i] == Field::Date)
                date = m_values[i];
            else if (m_fields[i] == Field::Time)
                time = m_values[i];
        }
        m_stamp.assign(date).append(" ").append(time);
        const auto iso = parseIsoTime(m_stamp);
        if (!iso || iso->length != m_stamp.size()) {
            *reason = "bad date/time";
            return LineResult::Malformed;
        }
        const int64_t secs = iso->civilUs / MicrosPerSecond;
        const std::size_t row =
            out.appendRow((m_zone.toUtc(secs) - secs) * MicrosPerSecond + iso->civilUs, offset, lineNo);
        std::string_view stem, query;
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            const std::string_view v = m_values[i];
            if (v == "-" || v.empty())
                continue;
            uint64_t n = 0;
            switch (m_fields[i]) {
            case Field::Client:
                out.client[row] = out.strings.intern(v);
                break;
            case Field::Method:
                out.method[row] = httpMethodFromBytes(v);
                break;
            case Field::Stem:
                stem = v;
                break;
            case Field::Query:
                query = v;
                break;
            case Field::Status:
                parseStatusField(v, out.status[row]);
                break;
            case Field::Bytes:
                if (scan::parseUInt(v, n))
                    out.bytes[row] = n;
                break;
            case Field::TimeTaken:
                scan::parseDuration(v, true, out.responseUs[row]);
                break;
            case Field::Agent:
                out.agent[row] = out.strings.intern(v);
                break;
            case Field::Referer:
                out.referer[row] = out.strings.intern(v);
                break;
            case Field::Host:
                out.host[row] = out.strings.intern(v);
                break;
            case Field::Site:
                if (!out.host[row])
                    out.host[row] = out.strings.intern(v);
                break;
            default:
                break;
            }
        }
        if (!query.empty()) {
            m_stamp.assign(stem).append("?").append(query);
            out.path[row] = out.strings.intern(m_stamp);
        } else {
            out.path[row] = out.strings.intern(stem);
        }
        return LineResult::Event;
    }

private:
    void setFields(std::string_view list)
    {
        m_fields.clear();
        std::size_t pos = 0;
        while (pos < list.size() && list[pos] == ' ')
            ++pos;
        while (pos < list.size()) {
            const std::string_view name = scan::token(list, pos);
            if (!name.empty())
                m_fields.push_back(fieldFromName(name));
        }
    }

    ZoneConverter m_zone;
    std::vector<Field> m_fields;
    std::vector<std::string_view> m_values;
    std::string m_stamp;
};

} // namespace

std::unique_ptr<LineParser> W3cReader::createParser(const ParseContext &context) const
{
    return std::make_unique<W3cParser>(context);
}

double W3cReader::sniff(const std::vector<std::string_view> &lines) const
{
    bool directive = false;
    for (auto line : lines)
        directive |= line.starts_with("#Fields:") || line.starts_with("#Software:");
    return LogReader::sniff(lines) * (directive ? 1.0 : 0.5);
}

} // namespace inquest
