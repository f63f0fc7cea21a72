#include "eventmarkedits.h"
#include "replacerecordcommand.h"

namespace inquest {

const EventMark *findEventMark(const QList<EventMark> &marks, Id sourceId, qint64 line)
{
    for (const EventMark &m : marks) {
        if (m.sourceId == sourceId && m.line == line)
            return &m;
    }
    return nullptr;
}

EventMark eventMarkFor(const Source &source, std::size_t row)
{
    EventMark m;
    m.sourceId = source.id;
    m.sourceSha256 = source.sha256;
    const EventTable &t = *source.table;
    m.line = t.line[row];
    m.offset = qint64(t.offset[row]);
    m.time = t.time[row];
    return m;
}

namespace edit {

void setEventMarks(CaseDocument *doc, const QList<EventMark> &marks, const QString &text)
{
    auto *macro = new QUndoCommand(text);
    for (EventMark m : marks) {
        const EventMark *old = findEventMark(doc->eventMarks(), m.sourceId, m.line);
        if (old) {
            m.id = old->id;
            if (m.isBlank())
                new RemoveRecordCommand<EventMark>(doc, old->id, text, macro);
            else if (!(m == *old))
                new ReplaceRecordCommand<EventMark>(doc, m, text, macro);
        } else if (!m.isBlank()) {
            m.id = 0;
            new InsertRecordCommand<EventMark>(doc, m, text, -1, macro);
        }
    }
    if (macro->childCount() == 0) {
        delete macro;
        return;
    }
    doc->undoStack()->push(macro);
}

} // namespace edit
} // namespace inquest
