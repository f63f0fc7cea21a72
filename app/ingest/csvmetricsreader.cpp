#include "csvmetricsreader.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace inquest {

namespace {

std::vector<std::string_view> splitCsv(std::string_view line)
{
    std::vector<std::string_view> cells;
    std::size_t pos = 0;
    while (true) {
        const auto comma = line.find(',', pos);
        std::string_view cell =
            line.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
            cell = cell.substr(1, cell.size() - 2);
        cells.push_back(cell);
        if (comma == std::string_view::npos)
            return cells;
        pos = comma + 1;
    }
}

bool toDouble(std::string_view text, double &value)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

class CsvParser : public LineParser
{
public:
    explicit CsvParser(const ParseContext &context)
        : m_zone(context.zone)
    {
        for (auto line : context.headLines) {
            if (line.empty())
                continue;
            m_header = std::string(line);
            break;
        }
        const auto names = splitCsv(m_header);
        if (names.size() < 2)
            return;
        m_timeColumn = 0;
        for (std::size_t i = 0; i < names.size(); ++i) {
            std::string lower(names[i]);
            for (char &c : lower)
                c = char(std::tolower(uchar(c)));
            if (lower == "timestamp" || lower == "time" || lower == "date" || lower == "datetime" || lower == "ts") {
                m_timeColumn = int(i);
                break;
            }
        }
        // A header names columns: if its time cell reads as a time, this is not a CSV export.
        double number = 0;
        const std::string_view timeName = names[std::size_t(m_timeColumn)];
        if (parseIsoTime(timeName) || toDouble(timeName, number) || timeName.empty()) {
            m_timeColumn = -1;
            return;
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (int(i) != m_timeColumn)
                m_columnNames.append(QString::fromUtf8(names[i].data(), qsizetype(names[i].size())));
        }
    }

    void prepareTable(EventTable &table) const override
    {
        if (!table.numeric.empty())
            return;
        for (const QString &name : m_columnNames)
            table.numeric.push_back({name, {}});
    }

    LineResult parse(std::string_view s, uint64_t offset, uint32_t lineNo, EventTable &out,
                     std::string *reason) override
    {
        if (s.empty() || s == m_header)
            return LineResult::Skip;
        if (m_timeColumn < 0) {
            *reason = "no CSV header naming a time column and value columns";
            return LineResult::Malformed;
        }
        const auto cells = splitCsv(s);
        if (cells.size() != std::size_t(m_columnNames.size()) + 1) {
            *reason = "has " + std::to_string(cells.size()) + " columns, the header " +
                      std::to_string(m_columnNames.size() + 1);
            return LineResult::Malformed;
        }
        int64_t t = 0;
        const std::string_view timeText = cells[std::size_t(m_timeColumn)];
        double epoch = 0;
        if (const auto iso = parseIsoTime(timeText); iso && iso->length == timeText.size()) {
            const int64_t secs = iso->civilUs / MicrosPerSecond;
            t = iso->offsetSeconds ? iso->civilUs - int64_t(*iso->offsetSeconds) * MicrosPerSecond
                                   : (m_zone.toUtc(secs) - secs) * MicrosPerSecond + iso->civilUs;
        } else if (toDouble(timeText, epoch) && epoch > 1e8) {
            t = epoch > 1e11 ? int64_t(epoch * 1000.0) : int64_t(std::llround(epoch * 1e6));
        } else {
            *reason = "unreadable time in the time column";
            return LineResult::Malformed;
        }
        m_values.clear();
        bool anyNumber = false, anyText = false;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (int(i) == m_timeColumn)
                continue;
            double v = std::numeric_limits<double>::quiet_NaN();
            if (!toDouble(cells[i], v)) {
                v = std::numeric_limits<double>::quiet_NaN();
                anyText |= !cells[i].empty();
            }
            anyNumber |= !std::isnan(v);
            m_values.push_back(v);
        }
        if (!anyNumber && anyText) { // gaps are fine, a row of text is not a metric row
            *reason = "no numeric value in the value columns";
            return LineResult::Malformed;
        }
        const std::size_t row = out.appendRow(t, offset, lineNo);
        for (std::size_t c = 0; c < m_values.size(); ++c)
            out.numeric[c].values[row] = m_values[c];
        return LineResult::Event;
    }

private:
    ZoneConverter m_zone;
    std::string m_header;
    int m_timeColumn = -1;
    QStringList m_columnNames;
    std::vector<double> m_values;
};

} // namespace

std::unique_ptr<LineParser> CsvMetricsReader::createParser(const ParseContext &context) const
{
    return std::make_unique<CsvParser>(context);
}

} // namespace inquest
