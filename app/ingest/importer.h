#pragma once

#include "model/source.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace inquest {

struct ImportOptions
{
    QString format = QStringLiteral("auto"); // a reader name from FormatRegistry, or "auto"
    QString timeZone;                        // for zone-less timestamps: IANA name or "+01:00"; empty = UTC
    int year = 0;        // first year of year-less (RFC 3164) timestamps; 0 = from the case, else the file time
    qint64 caseTime = 0; // µs UTC: where the case's logs end (caseYearAnchor), 0 = an empty case
    bool anchorFromBatch = false; // caseTime is where the other files of this import end (the note says so)
    bool zoneFromBatch = false;   // timeZone is the offset the other files of this import state (the note says so)
    QString site;                 // empty = the host the file is named after (model/sites)
    QString fieldMap;             // JSON lines: "time=ts,status=code,…" overriding the default field names
};

// Reports progress (bytes of the raw file consumed, raw size); return false to cancel.
using ImportProgress = std::function<bool(qint64 done, qint64 total)>;

struct ImportResult
{
    std::optional<Source> source; // set on success; issues and counts inside
    QString error;                // why the file could not be imported (names the file)
    bool cancelled = false;
    QStringList notes;        // whole-file remarks (encoding, truncated gzip, zone assumed)
    QStringList formatsTried; // "name (confidence)" for auto-detection, best first
    double confidence = 0.0;  // of the chosen format; 1 when named with --format
    double seconds = 0.0;     // wall time of the import
    qint64 bytesRead = 0;     // decompressed bytes parsed

    bool ok() const { return source.has_value(); }
};

// The time year-less timestamps are placed near when no year is given: the end of the case's
// logs whose timestamps carry their own year (0 when there are none). Logs are often copied
// before they reach an analyst, so the case says more about the year than a file's time does.
qint64 caseYearAnchor(const QList<Source> &sources);

// Reads one log file into a Source (not yet added to any case). Never throws; bad lines are
// counted and listed, and only a file with no usable line (or a read error) fails.
ImportResult importLogFile(const QString &path, const ImportOptions &options, const ImportProgress &progress = {});

// Sniffs and parses only the start of a file (for the Import dialog's preview): its first
// maxLines rows (malformed lines before them are stepped over, within a bound), no hash, no
// progress.
ImportResult previewLogFile(const QString &path, const ImportOptions &options, int maxLines = 50);

} // namespace inquest
