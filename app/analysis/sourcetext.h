#pragma once

#include "rawline.h"

#include <QFile>

#include <memory>
#include <optional>
#include <string_view>

namespace inquest {

// The (decompressed) text of a source file, read front to back once rather than seeked per
// line: a plain file is mapped, a gzip file is inflated block by block. What the CLI's event
// listing and the raw-line search stream over.
class SourceText
{
public:
    // Opens `path` if model/sourcefile allows it and it still has the size recorded at import;
    // otherwise isOpen() is false and problem() says why (the raw-line panel's message).
    SourceText(const QString &path, qint64 expectedSize);
    ~SourceText();
    SourceText(const SourceText &) = delete;
    SourceText &operator=(const SourceText &) = delete;

    bool isOpen() const { return m_problem.status == RawLine::Status::Ok; }
    const RawLine &problem() const { return m_problem; }

    // The next stretch of whole lines (ends after a '\n' or at the end of the file) and the
    // offset of its first byte; nothing at the end. A view stays valid until the next call.
    struct Block
    {
        quint64 offset = 0;
        std::string_view text;
    };
    std::optional<Block> next();
    // Back to the start of the file.
    void rewind();

    // The line starting at `offset` without its line break (CRLF's \r dropped), or nothing past
    // the end. Fast when offsets ascend; a smaller offset re-reads a gzip file from its start.
    std::optional<std::string_view> lineAt(quint64 offset);

private:
    bool fill();

    RawLine m_problem;
    QFile m_file;
    const uchar *m_map = nullptr; // the whole plain file
    quint64 m_mapSize = 0;
    quint64 m_mapPos = 0; // where next() continues in the map
    struct Inflater;
    std::unique_ptr<Inflater> m_gz;
    Block m_current; // what next() returned last
    bool m_started = false;
};

} // namespace inquest
