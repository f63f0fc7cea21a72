#pragma once

#include "commands.h"

namespace inquest {

// Replaces a whole record by a new version with the same id (a curve edited in its dialog, an
// event's mark changed): one undo step, whatever fields changed.
template <typename R> class ReplaceRecordCommand : public QUndoCommand
{
public:
    ReplaceRecordCommand(CaseDocument *doc, R record, const QString &text, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_doc(doc)
        , m_new(std::move(record))
    {
        const R *old = doc->template find<R>(m_new.id);
        Q_ASSERT(old);
        m_old = *old;
    }
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }

private:
    void apply(const R &value)
    {
        *m_doc->template mutableRecord<R>(value.id) = value;
        m_doc->template notifyModified<R>(value.id);
    }

    CaseDocument *m_doc;
    R m_new;
    R m_old;
};

} // namespace inquest
