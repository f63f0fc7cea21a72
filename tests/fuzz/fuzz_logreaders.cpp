// Every log reader against arbitrary bytes: the first byte picks the reader, the rest is the
// file. Besides crashes and sanitizer reports it checks what the importer relies on: one row
// per parsed line at most, offsets and line numbers inside the input and in order, interned
// ids that exist, and bounded issue excerpts.
#include "fuzzsupport.h"

#include "ingest/chunkparser.h"
#include "ingest/formatregistry.h"

#include <string_view>

using namespace inquest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    if (size < 1)
        return 0;
    const auto &readers = FormatRegistry::instance().readers();
    const LogReader &reader = *readers.at(data[0] % readers.size());
    const std::string_view file(reinterpret_cast<const char *>(data + 1), size - 1);

    const std::vector<std::string_view> head = firstLines(file, 64);
    for (const auto &guess : FormatRegistry::instance().sniff(head))
        FUZZ_CHECK(guess.confidence >= 0.0 && guess.confidence <= 1.0);

    ParseContext context;
    context.year = 2010;
    context.headLines = head;
    const std::unique_ptr<LineParser> parser = reader.createParser(context);
    ChunkResult result;
    parser->prepareTable(result.table);
    parseChunk(*parser, file, 0, result);

    const EventTable &t = result.table;
    FUZZ_CHECK(t.size() <= result.lines);
    FUZZ_CHECK(qint64(t.size()) + result.malformed <= qint64(result.lines));
    FUZZ_CHECK(t.offset.size() == t.size() && t.line.size() == t.size() && t.status.size() == t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        FUZZ_CHECK(t.offset[i] < file.size() || (file.empty() && t.offset[i] == 0));
        FUZZ_CHECK(t.line[i] >= 1 && t.line[i] <= result.lines);
        if (i > 0)
            FUZZ_CHECK(t.line[i] > t.line[i - 1] && t.offset[i] > t.offset[i - 1]);
        for (uint32_t id : {t.client[i], t.path[i], t.agent[i], t.referer[i], t.host[i], t.message[i]})
            FUZZ_CHECK(id < t.strings.size());
    }
    for (const NumericColumn &column : t.numeric)
        FUZZ_CHECK(column.values.size() == t.size());
    FUZZ_CHECK(result.issues.size() <= MaxIssues);
    for (const ImportIssue &issue : result.issues) {
        FUZZ_CHECK(issue.line >= 1 && issue.line <= result.lines);
        FUZZ_CHECK(issue.excerpt.size() <= ExcerptBytes);
        FUZZ_CHECK(!issue.reason.isEmpty());
    }
    return 0;
}
