#include "sourcetext.h"

#include <zlib.h>

#include <cstring>

namespace inquest {

namespace {

// Big enough that a search spends its time in the matcher, small enough to stay in cache and
// to be a cancellation point.
constexpr std::size_t BlockSize = 4 << 20;
constexpr qsizetype InputChunk = 256 * 1024;

std::string_view lineIn(std::string_view text, std::size_t start)
{
    const char *begin = text.data() + start;
    const void *nl = std::memchr(begin, '\n', text.size() - start);
    std::size_t n = nl ? std::size_t(static_cast<const char *>(nl) - begin) : text.size() - start;
    if (n > 0 && begin[n - 1] == '\r')
        --n; // CRLF: the \r belongs to the line break
    return {begin, n};
}

} // namespace

struct SourceText::Inflater
{
    z_stream zs{};
    QByteArray in;
    QByteArray buffer;     // decompressed bytes from `offset` on
    std::size_t taken = 0; // bytes of `buffer` handed out by the last block
    quint64 offset = 0;
    bool ended = false;

    Inflater() { inflateInit2(&zs, 15 + 32); } // 15 + 32: gzip or zlib header, detected
    ~Inflater() { inflateEnd(&zs); }

    // Appends up to InputChunk's worth of output; false at the end of the data (or damage).
    bool inflateMore(QFile &file)
    {
        if (zs.avail_in == 0) {
            in = file.read(InputChunk);
            if (in.isEmpty())
                return false;
            zs.next_in = reinterpret_cast<Bytef *>(in.data());
            zs.avail_in = uInt(in.size());
        }
        const qsizetype before = buffer.size();
        buffer.resize(before + 4 * InputChunk);
        zs.next_out = reinterpret_cast<Bytef *>(buffer.data() + before);
        zs.avail_out = uInt(4 * InputChunk);
        const int rc = inflate(&zs, Z_NO_FLUSH);
        buffer.resize(buffer.size() - qsizetype(zs.avail_out));
        if (rc == Z_STREAM_END)
            inflateReset(&zs); // concatenated gzip members continue the same text
        else if (rc != Z_OK && rc != Z_BUF_ERROR)
            return false; // damaged: what came before still counts
        return true;
    }
};

SourceText::SourceText(const QString &path, qint64 expectedSize)
    : m_file(path)
{
    if (const std::optional<RawLine> problem = sourceUnreadable(path, expectedSize)) {
        m_problem = *problem;
        return;
    }
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_problem.status = RawLine::Status::Unreadable;
        m_problem.message = QStringLiteral("The source file cannot be read (%1).").arg(m_file.errorString());
        return;
    }
    m_problem.status = RawLine::Status::Ok;
    char magic[2] = {};
    if (m_file.peek(magic, 2) == 2 && uint8_t(magic[0]) == 0x1f && uint8_t(magic[1]) == 0x8b) {
        m_gz = std::make_unique<Inflater>();
        return;
    }
    m_mapSize = quint64(m_file.size());
    if (m_mapSize > 0) {
        m_map = m_file.map(0, qint64(m_mapSize));
        if (!m_map) {
            m_problem.status = RawLine::Status::Unreadable;
            m_problem.message = QStringLiteral("The source file cannot be mapped (%1).").arg(m_file.errorString());
        }
    }
}

SourceText::~SourceText() = default;

void SourceText::rewind()
{
    m_started = false;
    m_current = {};
    m_mapPos = 0;
    if (m_gz) {
        m_gz = std::make_unique<Inflater>();
        m_file.seek(0);
    }
}

std::optional<SourceText::Block> SourceText::next()
{
    if (!isOpen())
        return std::nullopt;
    m_started = true;
    if (!m_gz) {
        if (m_mapPos >= m_mapSize)
            return std::nullopt;
        const char *base = reinterpret_cast<const char *>(m_map);
        quint64 end = std::min<quint64>(m_mapPos + BlockSize, m_mapSize);
        if (end < m_mapSize) {
            const void *nl = std::memchr(base + end - 1, '\n', std::size_t(m_mapSize - end + 1));
            end = nl ? quint64(static_cast<const char *>(nl) - base) + 1 : m_mapSize;
        }
        m_current = {m_mapPos, std::string_view(base + m_mapPos, std::size_t(end - m_mapPos))};
        m_mapPos = end;
        return m_current;
    }
    Inflater &gz = *m_gz;
    gz.buffer.remove(0, qsizetype(gz.taken)); // the partial line after the last block stays
    gz.offset += gz.taken;
    gz.taken = 0;
    while (!gz.ended) {
        if (std::size_t(gz.buffer.size()) >= BlockSize) {
            const qsizetype nl = gz.buffer.lastIndexOf('\n');
            if (nl >= 0) {
                gz.taken = std::size_t(nl) + 1;
                break;
            }
        }
        if (!gz.inflateMore(m_file))
            gz.ended = true;
    }
    if (gz.ended)
        gz.taken = std::size_t(gz.buffer.size());
    if (gz.taken == 0)
        return std::nullopt;
    m_current = {gz.offset, std::string_view(gz.buffer.constData(), gz.taken)};
    return m_current;
}

std::optional<std::string_view> SourceText::lineAt(quint64 offset)
{
    if (!isOpen())
        return std::nullopt;
    if (!m_gz) {
        if (offset >= m_mapSize)
            return std::nullopt;
        return lineIn(std::string_view(reinterpret_cast<const char *>(m_map), std::size_t(m_mapSize)),
                      std::size_t(offset));
    }
    if (m_started && offset < m_current.offset)
        rewind();
    while (!m_started || offset >= m_current.offset + m_current.text.size()) {
        if (!next())
            return std::nullopt;
    }
    return lineIn(m_current.text, std::size_t(offset - m_current.offset));
}

} // namespace inquest
