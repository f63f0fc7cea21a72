#include "chunkparser.h"

#include <algorithm>
#include <cstring>

namespace inquest {

void parseChunk(LineParser &parser, std::string_view data, uint64_t baseOffset, ChunkResult &result, uint32_t maxRows)
{
    parser.prepareTable(result.table);
    // Rows are rarely shorter than ~80 bytes; reserving avoids regrowing 14 columns.
    if (!maxRows)
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
        if (maxRows && (result.table.size() >= maxRows || lineNo >= maxRows + PreviewLineSlack))
            break;
    }
    result.lines = lineNo;
}

void parseChunkInLane(LineParser &parser, ParseLane &lane, std::string_view data, uint64_t baseOffset,
                      ChunkResult &result)
{
    result.table.strings = std::move(lane.pool);
    const uint32_t firstNew = result.table.strings.size();
    InternCache *cache = parser.internCache();
    if (cache)
        std::swap(*cache, lane.cache);
    parseChunk(parser, data, baseOffset, result);
    if (cache)
        std::swap(*cache, lane.cache);
    const StringPool &pool = result.table.strings;
    result.added.reserve(pool.size() - firstNew);
    for (uint32_t id = firstNew; id < pool.size(); ++id)
        result.added.push_back(pool.view(id));
    lane.pool = std::move(result.table.strings);
    result.table.strings = StringPool();
    result.lane = &lane;
}

namespace {

template <typename T> void appendColumn(std::vector<T> &dst, const std::vector<T> &src)
{
    dst.insert(dst.end(), src.begin(), src.end());
}

void appendIds(std::vector<uint32_t> &dst, const std::vector<uint32_t> &src, const std::vector<uint32_t> &remap)
{
    const std::size_t before = dst.size();
    dst.resize(before + src.size()); // capacity was ensured by the caller: no zero-fill beyond it
    uint32_t *out = dst.data() + before;
    for (std::size_t i = 0; i < src.size(); ++i)
        out[i] = remap[src[i]];
}

// EventTable::append for tables without numeric columns (every splittable format), with the
// string remap built through the total's InternCache. Ids come out exactly as append() gives
// them: the chunk's strings are visited in id order either way.
void appendTable(ChunkResult &into, const EventTable &other, const std::vector<uint32_t> *laneRemap)
{
    EventTable &t = into.table;
    const std::size_t need = t.size() + other.size();
    // The total is presized from an estimate; if that was short, grow by 1/8 rather than
    // letting every column double (which would blow the bytes-per-event budget).
    if (need > t.time.capacity())
        t.reserve(std::max(need, t.time.capacity() + t.time.capacity() / 8));
    std::vector<uint32_t> ownRemap;
    if (!laneRemap) {
        ownRemap.resize(other.strings.size());
        for (uint32_t i = 1; i < other.strings.size(); ++i)
            ownRemap[i] = into.mergeIndex.intern(t.strings, other.strings.view(i));
    }
    const std::vector<uint32_t> &remap = laneRemap ? *laneRemap : ownRemap;
    t.texts.append(other.texts, remap, t.size(), other.size());
    appendColumn(t.time, other.time);
    appendColumn(t.offset, other.offset);
    appendColumn(t.line, other.line);
    appendColumn(t.status, other.status);
    appendColumn(t.bytes, other.bytes);
    appendColumn(t.method, other.method);
    appendColumn(t.severity, other.severity);
    appendColumn(t.responseUs, other.responseUs);
    appendIds(t.client, other.client, remap);
    appendIds(t.path, other.path, remap);
    appendIds(t.agent, other.agent, remap);
    appendIds(t.referer, other.referer, remap);
    appendIds(t.host, other.host, remap);
    appendIds(t.message, other.message, remap);
}

} // namespace

void mergeChunk(ChunkResult &into, ChunkResult &&chunk)
{
    const uint32_t base = into.lines;
    const std::size_t firstRow = into.table.size();
    if (ParseLane *lane = chunk.lane) {
        // The lane's earlier chunks were merged before this one, so its remap covers exactly
        // the ids before `added`. Strings reach the total in the order of their first
        // occurrence in the file, as with per-chunk pools.
        Q_ASSERT(chunk.table.numeric.empty() && into.table.numeric.empty());
        for (std::string_view text : chunk.added)
            lane->remap.push_back(into.mergeIndex.intern(into.table.strings, text));
        appendTable(into, chunk.table, &lane->remap);
    } else if (into.table.empty() && into.table.strings.size() <= 1 && into.table.numeric.empty() &&
               into.table.time.capacity() < chunk.table.size() * 2)
        into.table = std::move(chunk.table);
    else if (into.table.numeric.empty() && chunk.table.numeric.empty())
        appendTable(into, chunk.table, nullptr);
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
