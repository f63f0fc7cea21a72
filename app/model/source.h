#pragma once

#include "eventtable.h"
#include "kinds.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <memory>

namespace inquest {

enum class SourceKind { Log, Article };

// A line an import could not use: where it is and why.
struct ImportIssue
{
    qint64 line = 0; // 1-based; 0 for whole-file problems
    qint64 offset = -1;
    QString reason;
    QByteArray excerpt; // first 200 bytes of the line, as found

    bool operator==(const ImportIssue &) const = default;
};

// A file brought into the case. Referenced by path + SHA-256 + size; for logs the parsed
// event columns are kept (so a case opens without its logs), for articles the decoded text.
struct Source
{
    Id id = 0;
    SourceKind kind = SourceKind::Log;
    QString path;     // absolute path at import time
    QString sha256;   // lower-case hex of the raw file bytes
    qint64 size = 0;  // raw file size in bytes
    QString format;   // reader name ("combined", "syslog-rfc3164", "article-html", …)
    QString site;     // the site these events belong to ("amazon.co.uk"), may be empty
    QString timeZone; // declared zone for zone-less timestamps ("UTC", "Europe/London", "+01:00");
                      // for articles, the zone of the publication time
    int year = 0;     // declared year for year-less syslog, 0 = inferred
    QDateTime importedAt;

    qint64 lines = 0;
    qint64 events = 0;
    qint64 malformed = 0;
    qint64 firstTime = 0; // µs UTC
    qint64 lastTime = 0;
    QList<ImportIssue> issues; // the first issues found (capped), for the import-issues list

    std::shared_ptr<const EventTable> table; // logs

    // Articles
    QString title;
    QString outlet;
    QDate published;     // the reference date that relative and year-less times are resolved against
    QTime publishedTime; // invalid when the time of day is not known
    QString url;         // where the article was published (never fetched)
    QString text;

    // Compares everything, and the event tables by content.
    bool sameAs(const Source &other) const;
};

QString toString(SourceKind kind);
std::optional<SourceKind> sourceKindFromString(const QString &text);

} // namespace inquest
