#pragma once

#include "ingest/importer.h"

#include <QDateTime>
#include <QString>
#include <QTest>

namespace inquest::testing {

inline QString fixture(const QString &name) { return QStringLiteral(INQUEST_TEST_DATA "/ingest/") + name; }

inline qint64 utc(const char *iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    return t.toMSecsSinceEpoch() * 1000;
}

inline QString str(const EventTable &t, uint32_t id) { return QString::fromUtf8(t.strings.bytes(id)); }

// Imports a fixture; prints the importer's message when it does not import.
inline ImportResult importOk(const QString &path, const ImportOptions &options = {})
{
    ImportResult r = importLogFile(path, options);
    if (!r.ok())
        qWarning("%s", qPrintable(r.error));
    return r;
}

} // namespace inquest::testing
