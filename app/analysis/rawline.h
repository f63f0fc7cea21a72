#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace inquest {

// The original bytes of one log line, read back from its source file by byte offset.
struct RawLine
{
    enum class Status { Ok, Missing, Changed, Unreadable };
    Status status = Status::Unreadable;
    QByteArray bytes; // the line without its line break (capped, see `truncated`)
    bool truncated = false;
    QString message; // why there is no line, for the person looking at it
};

// Reads the line starting at `offset` of the (decompressed) contents of `path`. `expectedSize`
// is the raw file size recorded at import: a different size means the file changed and
// offsets may point anywhere, so nothing is shown. `.gz` files (by their magic bytes) are
// inflated up to the offset. Lines longer than `maxBytes` are cut.
RawLine readRawLine(const QString &path, qint64 expectedSize, quint64 offset, qsizetype maxBytes = 64 * 1024);

// Why the source file at `path` is not to be read (missing, changed since import, not a regular
// file: model/sourcefile), as a failed RawLine; nothing when it may be read.
std::optional<RawLine> sourceUnreadable(const QString &path, qint64 expectedSize);

// Bytes as found, made safe to show: invalid UTF-8 becomes U+FFFD, control characters are
// escaped (\t, \r, \xNN) so nothing in a log can reshape the display.
QString displayRawBytes(const QByteArray &bytes);

} // namespace inquest
