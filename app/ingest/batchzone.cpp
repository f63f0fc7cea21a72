#include "batchzone.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace inquest {

namespace {

// "[07/Jan/2015:19:04:00 +0100]" (common/combined) or "2015-01-07T19:04:00.123+01:00" (ISO 8601).
QString offsetIn(const QByteArray &head)
{
    static const QRegularExpression clf(
        QStringLiteral(R"(\[\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} ([+-])(\d{2})(\d{2})\])"));
    static const QRegularExpression iso(
        QStringLiteral(R"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?([+-])(\d{2}):?(\d{2})\b)"));
    const QString text = QString::fromLatin1(head);
    for (const QRegularExpression *re : {&clf, &iso}) {
        const QRegularExpressionMatch m = re->match(text);
        if (m.hasMatch())
            return m.captured(1) + m.captured(2) + u':' + m.captured(3);
    }
    return {};
}

} // namespace

QString batchUtcOffset(const QList<Source> &readBefore)
{
    QSet<QString> offsets;
    for (const Source &s : readBefore) {
        if (s.kind != SourceKind::Log || s.path.endsWith(QStringLiteral(".gz")) || !s.timeZone.isEmpty())
            continue;
        QFile file(s.path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString offset = offsetIn(file.read(4096));
        if (!offset.isEmpty())
            offsets.insert(offset);
    }
    // UTC itself is what a file without a zone is read as already.
    if (offsets.size() != 1 || offsets.cbegin()->mid(1) == QStringLiteral("00:00"))
        return {};
    return *offsets.cbegin();
}

} // namespace inquest
