#pragma once

#include "sha256.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <zlib.h>

#include <string_view>

namespace inquest {

// Reads a log file block by block, transparently inflating gzip (also multi-member), and
// hashes the raw bytes as they are read, so the SHA-256 costs no second pass.
class LogInput
{
public:
    LogInput() = default;
    ~LogInput();
    LogInput(const LogInput &) = delete;
    LogInput &operator=(const LogInput &) = delete;

    bool open(const QString &path, QString *error);
    // Appends up to about maxBytes of (decompressed) content to buffer. Returns false once the
    // input is exhausted and nothing was appended.
    bool read(QByteArray &buffer, qsizetype maxBytes);
    bool atEnd() const { return m_atEnd; }
    // Plain (not gzip) non-empty files are memory-mapped: the parser reads the page cache
    // directly instead of a read() copy. mapped() says whether that worked.
    bool mapped() const { return m_map != nullptr; }
    // The whole mapping, for sniffing; not hashed, does not advance.
    std::string_view mappedBytes() const
    {
        return m_map ? std::string_view(reinterpret_cast<const char *>(m_map), std::size_t(m_rawSize))
                     : std::string_view();
    }
    // Takes the next whole lines of the mapping (about maxBytes; the last piece may lack a
    // final line break) and hashes them. Returns an empty view at the end.
    std::string_view takeMapped(qsizetype maxBytes);
    // Lets the kernel drop the resident pages of an already parsed range of the mapping, so a
    // 1 GB log does not add 1 GB to the peak RSS. The bytes stay readable (page cache).
    void releaseMapped(std::string_view range);
    bool compressed() const { return m_gzip; }
    qint64 rawSize() const { return m_rawSize; }
    qint64 rawConsumed() const { return m_rawConsumed; }
    // Reads (and hashes) whatever raw bytes were not read yet, then returns the hex digest.
    QByteArray finishSha256();
    // A whole-file problem met while reading (truncated or corrupt gzip, read error), or empty.
    QString problem() const { return m_problem; }

private:
    qsizetype readRaw(char *dst, qsizetype max);

    QFile m_file;
    Sha256 m_hash;
    bool m_gzip = false;
    bool m_atEnd = false;
    bool m_zInit = false;
    bool m_streamEnded = false;
    z_stream m_z{};
    QByteArray m_rawBuffer;
    qint64 m_rawSize = 0;
    qint64 m_rawConsumed = 0;
    qint64 m_produced = 0;
    QString m_problem;
    uchar *m_map = nullptr;
};

} // namespace inquest
