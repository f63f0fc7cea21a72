#include "loginput.h"

#include <cstring>

#include <sys/mman.h>
#include <unistd.h>

namespace inquest {

namespace {
constexpr qsizetype RawBlock = 1 << 20;
}

LogInput::~LogInput()
{
    if (m_zInit)
        inflateEnd(&m_z);
}

bool LogInput::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString());
        return false;
    }
    m_rawSize = m_file.size();
    char magic[2] = {};
    m_gzip = m_file.peek(magic, 2) == 2 && uchar(magic[0]) == 0x1f && uchar(magic[1]) == 0x8b;
    if (m_gzip) {
        if (inflateInit2(&m_z, 15 + 16) != Z_OK) {
            *error = QStringLiteral("%1: cannot start zlib").arg(path);
            return false;
        }
        m_zInit = true;
        m_rawBuffer.resize(RawBlock);
    } else if (m_rawSize > 0) {
        m_map = m_file.map(0, m_rawSize); // nullptr (a pipe, a special file): read() below
        if (m_map)
            ::madvise(m_map, std::size_t(m_rawSize), MADV_SEQUENTIAL);
    }
    return true;
}

qsizetype LogInput::readRaw(char *dst, qsizetype max)
{
    const qint64 n = m_file.read(dst, max);
    if (n < 0) {
        m_problem = QStringLiteral("read error after %1 bytes: %2").arg(m_rawConsumed).arg(m_file.errorString());
        return 0;
    }
    m_hash.addData(dst, std::size_t(n));
    m_rawConsumed += n;
    return qsizetype(n);
}

std::string_view LogInput::takeMapped(qsizetype maxBytes)
{
    const qint64 left = m_rawSize - m_rawConsumed;
    if (!m_map || m_atEnd || left <= 0) {
        m_atEnd = true;
        return {};
    }
    const char *from = reinterpret_cast<const char *>(m_map) + m_rawConsumed;
    std::size_t length = std::size_t(left);
    if (qint64(maxBytes) < left) {
        // Extend to the end of the line that crosses maxBytes (a line of megabytes stays whole).
        const void *nl = std::memchr(from + maxBytes - 1, '\n', std::size_t(left - maxBytes + 1));
        length = nl ? std::size_t(static_cast<const char *>(nl) - from + 1) : std::size_t(left);
    }
    m_hash.addData(from, length);
    m_rawConsumed += qint64(length);
    m_atEnd = m_rawConsumed >= m_rawSize;
    return {from, length};
}

void LogInput::releaseMapped(std::string_view range)
{
    static const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    const auto begin = (std::uintptr_t(range.data()) + page - 1) & ~(page - 1);
    const auto end = (std::uintptr_t(range.data()) + range.size()) & ~(page - 1);
    if (m_map && end > begin)
        ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED);
}

bool LogInput::read(QByteArray &buffer, qsizetype maxBytes)
{
    if (m_atEnd)
        return false;
    const qsizetype start = buffer.size();
    if (m_map) { // copies from the mapping (previews, UTF-16 decoding)
        const std::string_view piece(reinterpret_cast<const char *>(m_map) + m_rawConsumed,
                                     std::size_t(std::min<qint64>(maxBytes, m_rawSize - m_rawConsumed)));
        m_hash.addData(piece.data(), piece.size());
        m_rawConsumed += qint64(piece.size());
        m_atEnd = m_rawConsumed >= m_rawSize;
        buffer.append(piece.data(), qsizetype(piece.size()));
        return !piece.empty();
    }
    if (!m_gzip) {
        buffer.resize(start + maxBytes);
        qsizetype got = 0;
        while (got < maxBytes) {
            const qsizetype n = readRaw(buffer.data() + start + got, maxBytes - got);
            if (n <= 0) {
                m_atEnd = true;
                break;
            }
            got += n;
        }
        buffer.resize(start + got);
        return got > 0;
    }
    buffer.resize(start + maxBytes);
    m_z.next_out = reinterpret_cast<Bytef *>(buffer.data() + start);
    m_z.avail_out = uInt(maxBytes);
    while (m_z.avail_out > 0) {
        if (m_z.avail_in == 0) {
            const qsizetype n = readRaw(m_rawBuffer.data(), RawBlock);
            if (n <= 0) {
                m_atEnd = true;
                if (!m_streamEnded && m_problem.isEmpty())
                    m_problem = QStringLiteral("gzip stream is truncated: it ends after %1 decompressed bytes; "
                                               "the lines before that were read")
                                    .arg(m_produced + qint64(maxBytes - m_z.avail_out));
                break;
            }
            m_z.next_in = reinterpret_cast<Bytef *>(m_rawBuffer.data());
            m_z.avail_in = uInt(n);
        }
        if (m_streamEnded) { // another gzip member follows (concatenated .gz files)
            inflateReset(&m_z);
            m_streamEnded = false;
        }
        const int rc = inflate(&m_z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            m_streamEnded = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            m_problem =
                QStringLiteral("gzip data is corrupt at compressed byte %1 (%2); the lines before that were read")
                    .arg(m_rawConsumed - m_z.avail_in)
                    .arg(QString::fromLatin1(m_z.msg ? m_z.msg : "zlib error"));
            m_atEnd = true;
            break;
        }
    }
    const qsizetype got = maxBytes - qsizetype(m_z.avail_out);
    m_produced += got;
    buffer.resize(start + got);
    return got > 0;
}

QByteArray LogInput::finishSha256()
{
    if (m_map) {
        if (m_rawConsumed < m_rawSize)
            m_hash.addData(reinterpret_cast<const char *>(m_map) + m_rawConsumed,
                           std::size_t(m_rawSize - m_rawConsumed));
        m_rawConsumed = m_rawSize;
        return m_hash.hexResult();
    }
    QByteArray scratch(RawBlock, Qt::Uninitialized);
    if (m_gzip && m_z.avail_in > 0)
        m_z.avail_in = 0; // already hashed when read
    while (readRaw(scratch.data(), RawBlock) > 0) {
    }
    return m_hash.hexResult();
}

} // namespace inquest
