#include "rawline.h"
#include "model/sourcefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>

namespace inquest {

namespace {

constexpr qsizetype ChunkSize = 256 * 1024;

QString tr(const char *text) { return QCoreApplication::translate("RawLine", text); }

RawLine failure(RawLine::Status status, const QString &message)
{
    RawLine r;
    r.status = status;
    r.message = message;
    return r;
}

// Collects line bytes from successive chunks until the line break; true when complete.
struct LineCollector
{
    qsizetype maxBytes;
    RawLine line;
    bool take(const char *data, qsizetype size)
    {
        const char *end = std::find(data, data + size, '\n');
        const qsizetype n = end - data;
        const qsizetype room = maxBytes - line.bytes.size();
        line.bytes.append(data, std::min(n, room));
        if (n > room)
            line.truncated = true;
        return end != data + size || line.truncated;
    }
    RawLine finish()
    {
        if (!line.truncated && line.bytes.endsWith('\r'))
            line.bytes.chop(1); // CRLF: the \r belongs to the line break
        line.status = RawLine::Status::Ok;
        return line;
    }
};

RawLine pastEnd(quint64 offset)
{
    return failure(RawLine::Status::Changed, tr("The source file has changed since import (it ends before "
                                                "byte %1); showing the parsed fields only.")
                                                 .arg(offset));
}

RawLine readPlain(QFile &file, quint64 offset, qsizetype maxBytes)
{
    if (offset >= quint64(file.size()) || !file.seek(qint64(offset)))
        return pastEnd(offset);
    LineCollector collector{maxBytes, {}};
    QByteArray chunk;
    do {
        chunk = file.read(std::min<qsizetype>(ChunkSize, maxBytes + 1));
        if (collector.take(chunk.constData(), chunk.size()))
            break;
    } while (!chunk.isEmpty());
    return collector.finish();
}

RawLine readGzip(QFile &file, quint64 offset, qsizetype maxBytes)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) // 15 + 32: gzip or zlib header, detected
        return failure(RawLine::Status::Unreadable, tr("Could not start zlib."));
    QByteArray in;
    QByteArray out(ChunkSize, Qt::Uninitialized);
    quint64 position = 0; // decompressed bytes produced so far
    LineCollector collector{maxBytes, {}};
    bool started = false;
    bool done = false;
    bool outputFull = false; // zlib may hold more output for the input it already has
    int rc = Z_OK;
    while (!done) {
        if (zs.avail_in == 0 && !outputFull) {
            in = file.read(ChunkSize);
            if (in.isEmpty())
                break; // end of file (possibly a truncated member)
            zs.next_in = reinterpret_cast<Bytef *>(in.data());
            zs.avail_in = uInt(in.size());
        }
        zs.next_out = reinterpret_cast<Bytef *>(out.data());
        zs.avail_out = uInt(out.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            break;
        outputFull = zs.avail_out == 0;
        const qsizetype produced = out.size() - qsizetype(zs.avail_out);
        if (position + quint64(produced) > offset) {
            const qsizetype skip = started ? 0 : qsizetype(offset - position);
            started = true;
            done = collector.take(out.constData() + skip, produced - skip);
        }
        position += quint64(produced);
        if (rc == Z_STREAM_END) // concatenated gzip members continue the same text
            inflateReset(&zs);
    }
    inflateEnd(&zs);
    if (!started) {
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return failure(RawLine::Status::Unreadable,
                           tr("The compressed source is damaged before byte %1 (%2); showing the parsed fields only.")
                               .arg(offset)
                               .arg(QString::fromLatin1(zs.msg ? zs.msg : "zlib error")));
        return pastEnd(offset);
    }
    return collector.finish();
}

} // namespace

std::optional<RawLine> sourceUnreadable(const QString &path, qint64 expectedSize)
{
    const SourceFileCheck check = checkSourceFile(path, expectedSize > 0 ? expectedSize : -1);
    switch (check.status) {
    case SourceFileCheck::Status::Ok:
        break;
    case SourceFileCheck::Status::Missing:
        return failure(RawLine::Status::Missing,
                       tr("The source file is missing (%1); showing the parsed fields only.").arg(path));
    case SourceFileCheck::Status::SizeChanged:
        return failure(RawLine::Status::Changed,
                       tr("The source file has changed since import (%1 bytes now, %2 at import); showing the parsed "
                          "fields only.")
                           .arg(check.size)
                           .arg(expectedSize));
    case SourceFileCheck::Status::NotRegular:
        return failure(RawLine::Status::Unreadable,
                       tr("The source file is not read: %1; showing the parsed fields only.").arg(check.message));
    }
    return std::nullopt;
}

RawLine readRawLine(const QString &path, qint64 expectedSize, quint64 offset, qsizetype maxBytes)
{
    if (std::optional<RawLine> problem = sourceUnreadable(path, expectedSize))
        return *problem;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(
            RawLine::Status::Unreadable,
            tr("The source file cannot be read (%1); showing the parsed fields only.").arg(file.errorString()));
    char magic[2] = {};
    const bool gzip = file.peek(magic, 2) == 2 && uint8_t(magic[0]) == 0x1f && uint8_t(magic[1]) == 0x8b;
    return gzip ? readGzip(file, offset, maxBytes) : readPlain(file, offset, maxBytes);
}

QString displayRawBytes(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\t')
            out += QStringLiteral("\\t");
        else if (u == u'\r')
            out += QStringLiteral("\\r");
        else if (u == u'\n')
            out += QStringLiteral("\\n");
        else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace inquest
