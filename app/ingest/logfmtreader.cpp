#include "logfmtreader.h"
#include "fieldnames.h"
#include "logtemplates.h"
#include "model/httpstatus.h"

#include <QHash>

#include <charconv>
#include <cmath>

namespace inquest {

using namespace fields;

namespace {

struct Pair
{
    std::string_view key;
    std::string value; // unescaped
};

// Splits a line into pairs. A bare key (no '=') is a flag with an empty value. Returns false
// on an unterminated quote.
bool splitPairs(std::string_view s, std::vector<Pair> &pairs)
{
    pairs.clear();
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        if (i == s.size())
            break;
        const std::size_t keyStart = i;
        while (i < s.size() && s[i] != '=' && s[i] != ' ' && s[i] != '\t' && s[i] != '"')
            ++i;
        Pair pair{s.substr(keyStart, i - keyStart), {}};
        if (pair.key.empty())
            return false; // a value without a key ("=x" or a stray quote)
        if (i < s.size() && s[i] == '=') {
            ++i;
            if (i < s.size() && s[i] == '"') {
                ++i;
                bool closed = false;
                while (i < s.size()) {
                    const char c = s[i++];
                    if (c == '\\' && i < s.size()) {
                        const char e = s[i++];
                        pair.value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        pair.value += c;
                    }
                }
                if (!closed)
                    return false;
            } else {
                const std::size_t valueStart = i;
                while (i < s.size() && s[i] != ' ' && s[i] != '\t')
                    ++i;
                pair.value.assign(s.substr(valueStart, i - valueStart));
            }
        }
        pairs.push_back(std::move(pair));
    }
    return true;
}

class LogfmtParser : public LineParser
{
public:
    explicit LogfmtParser(const ParseContext &context)
        : m_zone(context.zone)
    {
        const FieldLists lists = withMap(context.fieldMap);
        for (int c = 0; c < ColumnCount; ++c) {
            for (const QString &name : lists[std::size_t(c)])
                m_names[std::size_t(c)].push_back(name.toStdString());
        }
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.find_first_not_of(" \t") == std::string_view::npos)
            return LineResult::Skip;
        if (!splitPairs(s, m_pairs)) {
            *reason = "not key=value pairs (a quote is not closed, or a value has no key)";
            return LineResult::Malformed;
        }
        const std::string *timeText = find(Time);
        if (!timeText) {
            *reason = "no time field (map one with time=FIELD)";
            return LineResult::Malformed;
        }
        const auto t = timeValueMicros(*timeText, m_zone);
        if (!t) {
            *reason = "unreadable time value";
            return LineResult::Malformed;
        }
        const std::size_t row = out.appendRow(*t, offset, lineNo);
        if (const std::string *v = find(Status)) {
            parseStatusField(*v, out.status[row]);
        }
        if (const std::string *v = find(Bytes)) {
            uint64_t bytes = 0;
            std::from_chars(v->data(), v->data() + v->size(), bytes);
            out.bytes[row] = bytes;
        }
        if (const std::string *v = find(Severity))
            out.severity[row] = severityValue(*v);
        if (const std::string *v = find(Duration)) {
            if (const auto us = parseDurationMicros(*v))
                out.responseUs[row] = uint32_t(std::clamp(*us, 0.0, double(NoResponseTime - 1)));
        }
        if (const std::string *v = find(Method))
            out.method[row] = httpMethodFromBytes(*v);
        const auto intern = [&](Column c) -> uint32_t {
            const std::string *v = find(c);
            return v ? out.strings.intern(*v) : 0;
        };
        out.client[row] = intern(Client);
        out.path[row] = intern(Path);
        out.host[row] = intern(Host);
        // The message text on templates: a repeated message does not cost its text again.
        if (const std::string *v = find(Message))
            m_templates.add(out, row, *v);
        out.agent[row] = intern(Agent);
        out.referer[row] = intern(Referer);
        return LineResult::Event;
    }

private:
    const std::string *find(Column c) const
    {
        for (const std::string &name : m_names[std::size_t(c)]) {
            for (const Pair &p : m_pairs) {
                if (p.key == name && !p.value.empty())
                    return &p.value;
            }
        }
        return nullptr;
    }

    ZoneConverter m_zone;
    std::array<std::vector<std::string>, ColumnCount> m_names;
    LogTemplateMiner m_templates;
    std::vector<Pair> m_pairs;
};

} // namespace

std::optional<double> parseDurationMicros(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    double total = 0;
    std::size_t i = 0;
    bool unitless = true;
    while (i < text.size()) {
        double number = 0;
        const auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), number);
        if (ec != std::errc() || !std::isfinite(number) || number < 0)
            return std::nullopt;
        i = std::size_t(end - text.data());
        const std::size_t unitStart = i;
        while (i < text.size() && !(text[i] >= '0' && text[i] <= '9') && text[i] != '.')
            ++i;
        const std::string_view unit = text.substr(unitStart, i - unitStart);
        double scale = 0;
        if (unit.empty() && i == text.size() && unitless)
            scale = 1e6; // a plain number: seconds
        else if (unit == "h")
            scale = 3600e6;
        else if (unit == "m")
            scale = 60e6;
        else if (unit == "s")
            scale = 1e6;
        else if (unit == "ms")
            scale = 1e3;
        else if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs") // µ as micro sign or Greek mu
            scale = 1;
        else if (unit == "ns")
            scale = 1e-3;
        else
            return std::nullopt;
        unitless = false;
        total += number * scale;
    }
    return total;
}

std::unique_ptr<LineParser> LogfmtReader::createParser(const ParseContext &context) const
{
    return std::make_unique<LogfmtParser>(context);
}

} // namespace inquest
