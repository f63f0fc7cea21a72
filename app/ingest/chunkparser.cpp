#include "chunkparser.h"

#include <cstring>

namespace inquest {

void parseChunk(LineParser &parser, std::string_view data, uint64_t baseOffset, ChunkResult &result, uint32_t maxLines)
{
    parser.prepareTable(result.table);
    // Rows are rarely shorter than ~80 bytes; reserving avoids regrowing 14 columns.
    if (!maxLines)
        result.table.reserve(data.size() / 80 + 16);
    std::string reason;
    const char *begin = data.data();
    const char *end = begin + data.size();
    const char *p = begin;
    uint32_t lineNo = 0;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        std::size_t length = std::size_t(lineEnd - p);
        if (length > 0 && p[length - 1] == '\r')
            --length;
        ++lineNo;
        const uint64_t offset = baseOffset + uint64_t(p - begin);
        if (parser.parse(std::string_view(p, length), offset, lineNo, result.table, &reason) == LineResult::Malformed) {
            ++result.malformed;
            if (result.issues.size() < MaxIssues)
                result.issues.append({lineNo, qint64(offset), QString::fromStdString(reason),
                                      QByteArray(p, qsizetype(std::min<std::size_t>(length, ExcerptBytes)))});
        }
        p = nl ? nl + 1 : end;
        if (maxLines && lineNo >= maxLines)
            break;
    }
    result.lines = lineNo;
}

void mergeChunk(ChunkResult &into, ChunkResult &&chunk)
{
    const uint32_t base = into.lines;
    const std::size_t firstRow = into.table.size();
    if (into.table.empty() && into.table.strings.size() <= 1 && into.table.numeric.empty() &&
        into.table.time.capacity() < chunk.table.size() * 2)
        into.table = std::move(chunk.table);
    else
        into.table.append(chunk.table);
    if (base) {
        for (std::size_t i = firstRow; i < into.table.line.size(); ++i)
            into.table.line[i] += base;
    }
    into.lines += chunk.lines;
    into.malformed += chunk.malformed;
    for (ImportIssue &issue : chunk.issues) {
        if (into.issues.size() >= MaxIssues)
            break;
        issue.line += base;
        into.issues.append(std::move(issue));
    }
}

} // namespace inquest
