#pragma once

#include "casedocument.h"

namespace inquest {

// The mark on the event at `line` of source `sourceId`, or null.
const EventMark *findEventMark(const QList<EventMark> &marks, Id sourceId, qint64 line);

// A new blank mark for row `row` of a log source (its SHA-256, line, offset and time copied).
EventMark eventMarkFor(const Source &source, std::size_t row);

namespace edit {
// Sets the marks of several events as one undo step: each mark replaces the one on the same
// event (source + line), is added when there was none, and is removed when blank.
// `text` names the step ("Star 3 events").
void setEventMarks(CaseDocument *doc, const QList<EventMark> &marks, const QString &text);
} // namespace edit

} // namespace inquest
