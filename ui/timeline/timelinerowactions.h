#pragma once

#include "analysis/lineevidence.h"
#include "model/kinds.h"

#include <QObject>

class QMenu;
class QWidget;

namespace inquest {

class CaseDocument;

// What the timeline's row menu does to the events picked (each one undo step): star or unstar
// them, add a tag, set a comment (Timesketch's habits; model/eventmarkedits), and make evidence
// from their lines.
class TimelineRowActions : public QObject
{
    Q_OBJECT

public:
    explicit TimelineRowActions(CaseDocument *doc, QObject *parent = nullptr);

    void setStarred(const std::vector<EventRef> &events, bool starred);
    void addTag(const std::vector<EventRef> &events, const QString &tag);
    void setComment(const std::vector<EventRef> &events, const QString &comment);
    // Removes star, tags and comment from the events.
    void clearMarks(const std::vector<EventRef> &events);
    QList<Id> newEvidence(const std::vector<EventRef> &events);

    // Adds the actions to a row menu; tags and comments are asked for with `parent` as owner.
    void addToMenu(QMenu *menu, const std::vector<EventRef> &events, QWidget *parent);

private:
    template <typename F> void change(const std::vector<EventRef> &events, const QString &text, F apply);

    CaseDocument *m_doc;
};

} // namespace inquest
