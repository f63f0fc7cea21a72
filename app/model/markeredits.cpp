#include "markeredits.h"

#include <QCoreApplication>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }
} // namespace

SetMarkerSpanCommand::SetMarkerSpanCommand(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs, const QString &text)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_id(id)
    , m_newBegin(beginUs)
    , m_newEnd(endUs)
{
    const Marker *m = doc->find<Marker>(id);
    Q_ASSERT(m);
    m_oldBegin = m->begin;
    m_oldEnd = m->end;
}

void SetMarkerSpanCommand::redo() { apply(m_newBegin, m_newEnd); }
void SetMarkerSpanCommand::undo() { apply(m_oldBegin, m_oldEnd); }

void SetMarkerSpanCommand::apply(qint64 beginUs, qint64 endUs)
{
    Marker *m = m_doc->mutableRecord<Marker>(m_id);
    m->begin = beginUs;
    m->end = endUs;
    m_doc->notifyModified<Marker>(m_id);
}

namespace edit {

void setMarkerSpan(CaseDocument *doc, Id id, qint64 beginUs, qint64 endUs)
{
    const Marker *m = doc->find<Marker>(id);
    if (endUs < beginUs)
        std::swap(beginUs, endUs);
    if (!m || (m->begin == beginUs && m->end == endUs))
        return;
    const bool moved = endUs - beginUs == m->end - m->begin;
    const QString what = m->kind == MarkerKind::Outage ? tr("outage window") : tr("mark");
    const QString text = moved ? tr("Move %1").arg(what) : tr("Resize %1").arg(what);
    doc->undoStack()->push(new SetMarkerSpanCommand(doc, id, beginUs, endUs, text));
}
} // namespace edit
} // namespace inquest
