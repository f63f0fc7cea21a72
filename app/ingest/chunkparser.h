#pragma once

#include "interncache.h"
#include "logreader.h"

#include "model/source.h"

#include <QList>

namespace inquest {

// A worker's string pool and intern cache, kept across the chunks it parses: a string that
// recurs in many chunks (clients, paths, agents) is stored and indexed once per worker instead
// of once per chunk, and merged into the total once per worker, not once per chunk.
struct ParseLane
{
    StringPool pool;
    InternCache cache;
    std::vector<uint32_t> remap{0}; // lane id -> id in the merged table; merging thread only
};

// The events, line count and problems of one run of whole lines.
struct ChunkResult
{
    EventTable table;
    uint32_t lines = 0;
    qint64 malformed = 0;
    QList<ImportIssue> issues; // line numbers relative to the chunk (1-based) until merged
    // For the running total only: finds the strings of merged chunks in table.strings with one
    // cheap probe, so a merge costs one lookup per distinct string of the chunk, not a
    // std::unordered_map lookup (and its hash of the whole string) each.
    InternCache mergeIndex;
    // Set by parseChunkInLane: the table's ids refer to lane->pool, and `added` are the
    // strings this chunk added to it (in id order; the lane's storage keeps them valid).
    ParseLane *lane = nullptr;
    std::vector<std::string_view> added;
};

constexpr int MaxIssues = 1000;
constexpr int ExcerptBytes = 200;

// Parses the lines of data (line breaks LF or CRLF; the last line may lack one). baseOffset is
// the byte offset of data[0] in the source; line numbers in the result start at 1.
// maxRows > 0 (previews) stops once that many rows are parsed, or after PreviewLineSlack more
// lines than that when lines are malformed or skipped.
constexpr uint32_t PreviewLineSlack = 1000;
void parseChunk(LineParser &parser, std::string_view data, uint64_t baseOffset, ChunkResult &result,
                uint32_t maxRows = 0);

// parseChunk with the strings interned in the lane's pool. A lane must be used by one thread
// at a time, for chunks in file order, and its chunks merged in that order.
void parseChunkInLane(LineParser &parser, ParseLane &lane, std::string_view data, uint64_t baseOffset,
                      ChunkResult &result);

// Appends a chunk to the running result, shifting its line numbers by the lines before it.
void mergeChunk(ChunkResult &into, ChunkResult &&chunk);

} // namespace inquest
