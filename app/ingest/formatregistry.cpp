#include "formatregistry.h"

#include "accesslogreader.h"
#include "csvmetricsreader.h"
#include "elbreader.h"
#include "errorlogreader.h"
#include "jsonlinesreader.h"
#include "logfmtreader.h"
#include "syslogreader.h"
#include "w3creader.h"

#include <algorithm>

namespace inquest {

FormatRegistry::FormatRegistry()
{
    // Order breaks ties in sniffing: the more specific formats first.
    m_readers.push_back(std::make_unique<AccessLogReader>(AccessLogReader::Variant::Combined));
    m_readers.push_back(std::make_unique<AccessLogReader>(AccessLogReader::Variant::Common));
    m_readers.push_back(std::make_unique<AccessLogReader>(AccessLogReader::Variant::VHost));
    m_readers.push_back(std::make_unique<W3cReader>());
    m_readers.push_back(std::make_unique<ElbReader>());
    m_readers.push_back(std::make_unique<SyslogReader>(SyslogReader::Variant::Rfc5424));
    m_readers.push_back(std::make_unique<SyslogReader>(SyslogReader::Variant::Rfc3164));
    m_readers.push_back(std::make_unique<ErrorLogReader>(ErrorLogReader::Variant::Apache));
    m_readers.push_back(std::make_unique<ErrorLogReader>(ErrorLogReader::Variant::Nginx));
    m_readers.push_back(std::make_unique<JsonLinesReader>());
    m_readers.push_back(std::make_unique<CsvMetricsReader>());
    m_readers.push_back(std::make_unique<LogfmtReader>());
}

const FormatRegistry &FormatRegistry::instance()
{
    // Never destroyed: pool tasks (an import, a dialog's preview) may use it until the pool is
    // drained, and whether that happens before static destructors run is up to the program.
    static const FormatRegistry *const registry = new FormatRegistry;
    return *registry;
}

const LogReader *FormatRegistry::find(const QString &name) const
{
    for (const auto &r : m_readers) {
        if (r->name().compare(name, Qt::CaseInsensitive) == 0)
            return r.get();
    }
    return nullptr;
}

QStringList FormatRegistry::names() const
{
    QStringList list;
    for (const auto &r : m_readers)
        list.append(r->name());
    return list;
}

std::vector<FormatRegistry::Guess> FormatRegistry::sniff(const std::vector<std::string_view> &lines) const
{
    std::vector<Guess> guesses;
    for (const auto &r : m_readers)
        guesses.push_back({r.get(), r->sniff(lines)});
    std::stable_sort(guesses.begin(), guesses.end(),
                     [](const Guess &a, const Guess &b) { return a.confidence > b.confidence; });
    return guesses;
}

std::vector<std::string_view> sampleLines(std::string_view data, std::size_t maxLines, std::size_t maxLineBytes,
                                          std::size_t maxScanBytes, std::size_t *skipped)
{
    std::vector<std::string_view> lines;
    *skipped = 0;
    data = data.substr(0, maxScanBytes);
    std::size_t pos = 0;
    while (pos < data.size() && lines.size() < maxLines) {
        std::size_t end = data.find('\n', pos);
        if (end == std::string_view::npos)
            end = data.size();
        std::string_view line = data.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.size() > maxLineBytes)
            ++*skipped;
        else
            lines.push_back(line);
        pos = end + 1;
    }
    return lines;
}

std::vector<std::string_view> firstLines(std::string_view data, std::size_t maxLines)
{
    std::size_t skipped = 0;
    return sampleLines(data, maxLines, std::string_view::npos, std::string_view::npos, &skipped);
}

} // namespace inquest
