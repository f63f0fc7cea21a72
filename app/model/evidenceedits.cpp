#include "evidenceedits.h"

#include <QCoreApplication>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }

// Runs `body` inside an undo macro when it pushes anything; a macro of one command is fine.
template <typename F> void macro(CaseDocument *doc, const QString &text, F body)
{
    doc->undoStack()->beginMacro(text);
    body();
    doc->undoStack()->endMacro();
}
} // namespace

namespace edit {

void setEvidenceStates(CaseDocument *doc, const QList<Id> &ids, EvidenceState state)
{
    QList<Id> changing;
    for (Id id : ids) {
        if (const Evidence *e = doc->find<Evidence>(id); e && e->state != state)
            changing.append(id);
    }
    if (changing.isEmpty())
        return;
    const QString text = state == EvidenceState::Accepted   ? tr("Accept %n evidence item(s)")
                         : state == EvidenceState::Rejected ? tr("Reject %n evidence item(s)")
                                                            : tr("Mark %n evidence item(s) as suggested");
    macro(doc, QString(text).replace(QStringLiteral("%n"), QString::number(changing.size())), [&] {
        for (Id id : std::as_const(changing))
            setEvidenceState(doc, id, state);
    });
}

void removeEvidence(CaseDocument *doc, const QList<Id> &ids)
{
    QList<Id> present;
    for (Id id : ids) {
        if (doc->find<Evidence>(id) && !present.contains(id))
            present.append(id);
    }
    if (present.isEmpty())
        return;
    macro(doc, tr("Delete %1 evidence item(s)").arg(present.size()), [&] {
        for (Id id : std::as_const(present))
            removeEvidence(doc, id);
    });
}

void addTag(CaseDocument *doc, const QList<Id> &ids, const QString &rawTag)
{
    const QString tag = rawTag.trimmed();
    QList<Id> lacking;
    for (Id id : ids) {
        if (const Evidence *e = doc->find<Evidence>(id); e && !e->tags.contains(tag))
            lacking.append(id);
    }
    if (tag.isEmpty() || lacking.isEmpty())
        return;
    macro(doc, tr("Tag %1 evidence item(s) \u201c%2\u201d").arg(lacking.size()).arg(tag), [&] {
        for (Id id : std::as_const(lacking)) {
            QStringList tags = doc->find<Evidence>(id)->tags;
            tags.append(tag);
            setValue(doc, id, &Evidence::tags, tags, tr("Tag evidence"));
        }
    });
}

void removeTag(CaseDocument *doc, const QList<Id> &ids, const QString &rawTag)
{
    const QString tag = rawTag.trimmed();
    QList<Id> having;
    for (Id id : ids) {
        if (const Evidence *e = doc->find<Evidence>(id); e && e->tags.contains(tag))
            having.append(id);
    }
    if (having.isEmpty())
        return;
    macro(doc, tr("Untag %1 evidence item(s) \u201c%2\u201d").arg(having.size()).arg(tag), [&] {
        for (Id id : std::as_const(having)) {
            QStringList tags = doc->find<Evidence>(id)->tags;
            tags.removeAll(tag);
            setValue(doc, id, &Evidence::tags, tags, tr("Untag evidence"));
        }
    });
}

void setRatings(CaseDocument *doc, const QList<std::pair<Id, Id>> &cells, Rating rating)
{
    QList<std::pair<Id, Id>> changing;
    for (const auto &[e, h] : cells) {
        const Evidence *ev = doc->find<Evidence>(e);
        if (ev && doc->find<Hypothesis>(h) && ev->rating(h) != rating)
            changing.append({e, h});
    }
    if (changing.size() == 1) {
        setRating(doc, changing.first().first, changing.first().second, rating);
    } else if (!changing.isEmpty()) {
        macro(doc, tr("Rate %1 cells").arg(changing.size()), [&] {
            for (const auto &[e, h] : std::as_const(changing))
                setRating(doc, e, h, rating);
        });
    }
}
} // namespace edit
} // namespace inquest
