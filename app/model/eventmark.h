#pragma once

#include "kinds.h"

#include <QStringList>

namespace inquest {

// The analyst's mark on one event (Timesketch's star, tags and comment). The event is named by
// its source (id and SHA-256, so the mark survives a re-read of the same file) and its line;
// its time and byte offset are copied in so the chart and the report need no look-up.
struct EventMark
{
    Id id = 0;
    Id sourceId = 0;
    QString sourceSha256;
    qint64 line = 0;    // 1-based
    qint64 offset = -1; // byte offset of the line in the decoded source
    qint64 time = 0;    // µs UTC
    bool starred = false;
    QStringList tags;
    QString comment;

    // A mark with no star, tag or comment says nothing and is removed.
    bool isBlank() const { return !starred && tags.isEmpty() && comment.isEmpty(); }
    bool operator==(const EventMark &) const = default;
};

} // namespace inquest
