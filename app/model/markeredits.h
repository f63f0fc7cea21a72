#pragma once

#include "commands.h"

namespace inquest {

// Moves an outage window (or any marker): begin and end change together, as one undo step that
// never merges with the next one, so each drag on the chart is undone on its own.
class SetMarkerSpanCommand : public QUndoCommand
{
public:
    SetMarkerSpanCommand(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs, const QString &text);
    void redo() override;
    void undo() override;

private:
    void apply(qint64 beginUs, qint64 endUs);

    CaseDocument *m_doc;
    Id m_id;
    qint64 m_newBegin, m_newEnd;
    qint64 m_oldBegin = 0, m_oldEnd = 0;
};

namespace edit {
// Sets a marker's span; end < begin is swapped into order. Nothing is pushed when unchanged.
void setMarkerSpan(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs);
} // namespace edit

} // namespace inquest
