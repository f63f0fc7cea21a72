#include "timelinerowactions.h"

#include "model/casedocument.h"
#include "model/commands.h"
#include "model/eventmarkedits.h"

#include <QInputDialog>
#include <QMenu>

namespace inquest {

TimelineRowActions::TimelineRowActions(CaseDocument *doc, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
{
}

template <typename F> void TimelineRowActions::change(const std::vector<EventRef> &events, const QString &text, F apply)
{
    QList<EventMark> marks;
    for (const EventRef &e : events) {
        const Source *source = m_doc->find<Source>(e.sourceId);
        if (!source || !source->table || e.row >= source->table->size())
            continue;
        EventMark m = eventMarkFor(*source, e.row);
        if (const EventMark *old = findEventMark(m_doc->eventMarks(), m.sourceId, m.line))
            m = *old;
        apply(m);
        marks.append(m);
    }
    edit::setEventMarks(m_doc, marks, text);
}

void TimelineRowActions::setStarred(const std::vector<EventRef> &events, bool starred)
{
    const QString text = starred ? tr("Star %n event(s)", nullptr, int(events.size()))
                                 : tr("Unstar %n event(s)", nullptr, int(events.size()));
    change(events, text, [starred](EventMark &m) { m.starred = starred; });
}

void TimelineRowActions::addTag(const std::vector<EventRef> &events, const QString &tag)
{
    const QString t = tag.trimmed();
    if (t.isEmpty())
        return;
    change(events, tr("Tag %n event(s) %1", nullptr, int(events.size())).arg(t), [&t](EventMark &m) {
        if (!m.tags.contains(t))
            m.tags.append(t);
    });
}

void TimelineRowActions::setComment(const std::vector<EventRef> &events, const QString &comment)
{
    change(events, tr("Comment on %n event(s)", nullptr, int(events.size())),
           [&comment](EventMark &m) { m.comment = comment.trimmed(); });
}

void TimelineRowActions::clearMarks(const std::vector<EventRef> &events)
{
    change(events, tr("Remove the marks of %n event(s)", nullptr, int(events.size())), [](EventMark &m) {
        m.starred = false;
        m.tags.clear();
        m.comment.clear();
    });
}

QList<Id> TimelineRowActions::newEvidence(const std::vector<EventRef> &events)
{
    const QList<Evidence> items = evidenceFromLines(m_doc->sources(), events);
    QList<Id> ids;
    if (items.isEmpty())
        return ids;
    m_doc->undoStack()->beginMacro(tr("New evidence from %n line(s)", nullptr, int(events.size())));
    for (const Evidence &e : items)
        ids.append(edit::addEvidence(m_doc, e));
    m_doc->undoStack()->endMacro();
    return ids;
}

void TimelineRowActions::addToMenu(QMenu *menu, const std::vector<EventRef> &events, QWidget *parent)
{
    if (events.empty())
        return;
    bool allStarred = true, anyMarked = false;
    QString comment;
    for (const EventRef &e : events) {
        const Source *source = m_doc->find<Source>(e.sourceId);
        const EventMark *m = source && source->table && e.row < source->table->size()
                                 ? findEventMark(m_doc->eventMarks(), e.sourceId, source->table->line[e.row])
                                 : nullptr;
        allStarred = allStarred && m && m->starred;
        anyMarked = anyMarked || m;
        if (m && comment.isEmpty())
            comment = m->comment;
    }
    menu->addSeparator();
    menu->addAction(tr("New evidence from selected lines"), this, [this, events] { newEvidence(events); });
    if (allStarred)
        menu->addAction(tr("Unstar"), this, [this, events] { setStarred(events, false); });
    else
        menu->addAction(tr("Star"), this, [this, events] { setStarred(events, true); });
    menu->addAction(tr("Tag\u2026"), this, [this, events, parent] {
        bool ok = false;
        const QString tag = QInputDialog::getText(parent, tr("Tag events"), tr("Tag:"), QLineEdit::Normal, {}, &ok);
        if (ok)
            addTag(events, tag);
    });
    menu->addAction(tr("Comment\u2026"), this, [this, events, parent, comment] {
        bool ok = false;
        const QString text =
            QInputDialog::getMultiLineText(parent, tr("Comment on events"), tr("Comment:"), comment, &ok);
        if (ok)
            setComment(events, text);
    });
    if (anyMarked)
        menu->addAction(tr("Remove marks"), this, [this, events] { clearMarks(events); });
}

} // namespace inquest
