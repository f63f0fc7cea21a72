#include "commands.h"

#include <QCoreApplication>

#include <optional>

namespace inquest {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("inquest::commands", text); }
} // namespace

SetRatingCommand::SetRatingCommand(CaseDocument *doc, Id evidence, Id hypothesis, Rating rating, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_doc(doc)
    , m_evidence(evidence)
    , m_hypothesis(hypothesis)
    , m_new(rating)
{
    const Evidence *e = doc->find<Evidence>(evidence);
    Q_ASSERT(e);
    m_old = e->rating(hypothesis);
    setText(tr("Rate evidence"));
}

void SetRatingCommand::redo() { apply(m_new); }
void SetRatingCommand::undo() { apply(m_old); }

bool SetRatingCommand::mergeWith(const QUndoCommand *other)
{
    auto *o = dynamic_cast<const SetRatingCommand *>(other);
    if (!o || o->m_evidence != m_evidence || o->m_hypothesis != m_hypothesis)
        return false;
    m_new = o->m_new;
    setObsolete(m_new == m_old);
    return true;
}

void SetRatingCommand::apply(Rating rating)
{
    Evidence *e = m_doc->mutableRecord<Evidence>(m_evidence);
    if (rating == Rating::Unrated)
        e->ratings.remove(m_hypothesis);
    else
        e->ratings.insert(m_hypothesis, rating);
    m_doc->notifyModified<Evidence>(m_evidence);
}

namespace edit {

namespace {
template <typename R> Id insert(CaseDocument *doc, R record, const QString &text, int index = -1)
{
    auto *cmd = new InsertRecordCommand<R>(doc, std::move(record), text, index);
    const Id id = cmd->recordId();
    doc->undoStack()->push(cmd);
    return id;
}
template <typename R> void remove(CaseDocument *doc, Id id, const QString &text)
{
    if (doc->find<R>(id))
        doc->undoStack()->push(new RemoveRecordCommand<R>(doc, id, text));
}
} // namespace

namespace {
// Ratings a detector gave per kind apply to every hypothesis of that kind: when a hypothesis is
// added, or its kind changes, its cells the analyst has not rated otherwise (unrated, or the old
// kind's rating) take the new kind's rating. (addEvidence applies the same rule to a new item.)
void applyKindRatings(CaseDocument *doc, Id hypothesis, std::optional<HypothesisKind> oldKind)
{
    const Hypothesis *h = doc->find<Hypothesis>(hypothesis);
    if (!h)
        return;
    const HypothesisKind kind = h->kind;
    QList<std::pair<Id, Rating>> cells;
    for (const Evidence &e : doc->evidence()) {
        if (e.kindRatings.isEmpty())
            continue;
        const bool byDetector =
            !e.ratings.contains(hypothesis) ||
            (oldKind && e.kindRatings.contains(*oldKind) && e.rating(hypothesis) == e.kindRatings.value(*oldKind));
        if (byDetector)
            cells.append({e.id, e.kindRatings.value(kind, Rating::Unrated)});
    }
    for (const auto &[evidence, rating] : cells)
        setRating(doc, evidence, hypothesis, rating);
}
} // namespace

Id addHypothesis(CaseDocument *doc, Hypothesis h, int index)
{
    const QString text = tr("Add hypothesis \u201c%1\u201d").arg(h.name);
    doc->undoStack()->beginMacro(text);
    const Id id = insert(doc, std::move(h), text, index);
    applyKindRatings(doc, id, std::nullopt);
    doc->undoStack()->endMacro();
    return id;
}

void removeHypothesis(CaseDocument *doc, Id id)
{
    if (const Hypothesis *h = doc->find<Hypothesis>(id))
        remove<Hypothesis>(doc, id, tr("Delete hypothesis \u201c%1\u201d").arg(h->name));
}

void renameHypothesis(CaseDocument *doc, Id id, const QString &name)
{
    setValue(doc, id, &Hypothesis::name, name, tr("Rename hypothesis"));
}

void setHypothesisKind(CaseDocument *doc, Id id, HypothesisKind kind)
{
    const Hypothesis *h = doc->find<Hypothesis>(id);
    if (!h || h->kind == kind)
        return;
    const HypothesisKind oldKind = h->kind;
    doc->undoStack()->beginMacro(tr("Change hypothesis kind"));
    setValue(doc, id, &Hypothesis::kind, kind, tr("Change hypothesis kind"));
    applyKindRatings(doc, id, oldKind);
    doc->undoStack()->endMacro();
}

void moveHypothesis(CaseDocument *doc, Id id, int to)
{
    if (doc->indexOf<Hypothesis>(id) != to)
        doc->undoStack()->push(new MoveRecordCommand<Hypothesis>(doc, id, to, tr("Reorder hypotheses")));
}

Id addEvidence(CaseDocument *doc, Evidence e)
{
    // Ratings a detector gave per kind apply to every hypothesis of that kind.
    for (const Hypothesis &h : doc->hypotheses()) {
        if (!e.ratings.contains(h.id) && e.kindRatings.contains(h.kind))
            e.ratings.insert(h.id, e.kindRatings.value(h.kind));
    }
    const QString text = tr("Add evidence \u201c%1\u201d").arg(e.title);
    return insert(doc, std::move(e), text);
}

void removeEvidence(CaseDocument *doc, Id id)
{
    if (const Evidence *e = doc->find<Evidence>(id))
        remove<Evidence>(doc, id, tr("Delete evidence \u201c%1\u201d").arg(e->title));
}

void setEvidenceState(CaseDocument *doc, Id id, EvidenceState state)
{
    const QString text = state == EvidenceState::Accepted   ? tr("Accept evidence")
                         : state == EvidenceState::Rejected ? tr("Reject evidence")
                                                            : tr("Mark evidence as suggested");
    setValue(doc, id, &Evidence::state, state, text);
}

void setRating(CaseDocument *doc, Id evidence, Id hypothesis, Rating rating)
{
    const Evidence *e = doc->find<Evidence>(evidence);
    if (!e || !doc->find<Hypothesis>(hypothesis) || e->rating(hypothesis) == rating)
        return;
    doc->undoStack()->push(new SetRatingCommand(doc, evidence, hypothesis, rating));
}

Id addStatement(CaseDocument *doc, Statement s) { return insert(doc, std::move(s), tr("Add statement")); }

void removeStatement(CaseDocument *doc, Id id) { remove<Statement>(doc, id, tr("Delete statement")); }

QList<Id> replaceStatements(CaseDocument *doc, const QList<Id> &remove, const QList<Statement> &add,
                            const QString &text)
{
    int index = -1;
    for (Id id : remove) {
        const int i = doc->indexOf<Statement>(id);
        if (i >= 0 && (index < 0 || i < index))
            index = i;
    }
    QList<Id> ids;
    doc->undoStack()->beginMacro(text);
    for (Id id : remove)
        removeStatement(doc, id);
    for (const Statement &s : add) {
        auto *cmd = new InsertRecordCommand<Statement>(doc, s, text, index < 0 ? -1 : index++);
        ids.append(cmd->recordId());
        doc->undoStack()->push(cmd);
    }
    doc->undoStack()->endMacro();
    return ids;
}

void setStatementStance(CaseDocument *doc, Id id, const QMap<HypothesisKind, Rating> &stance)
{
    const Statement *s = doc->find<Statement>(id);
    if (!s || (s->stance == stance && s->stanceConfirmed))
        return;
    doc->undoStack()->beginMacro(stance.isEmpty() ? tr("Reject stance") : tr("Confirm stance"));
    setValue(doc, id, &Statement::stance, stance, tr("Set stance"));
    setValue(doc, id, &Statement::stanceConfirmed, true, tr("Confirm stance"));
    doc->undoStack()->endMacro();
}

void setStatementGrade(CaseDocument *doc, Id id, QChar reliability, int credibility)
{
    const Statement *s = doc->find<Statement>(id);
    if (!s || (s->reliability == reliability && s->credibility == credibility))
        return;
    doc->undoStack()->beginMacro(tr("Grade statement %1%2").arg(reliability).arg(credibility));
    setValue(doc, id, &Statement::reliability, reliability, tr("Grade statement"));
    setValue(doc, id, &Statement::credibility, credibility, tr("Grade statement"));
    doc->undoStack()->endMacro();
}

Id addMarker(CaseDocument *doc, Marker m)
{
    const QString text = m.kind == MarkerKind::Outage ? tr("Add outage window") : tr("Add marker");
    return insert(doc, std::move(m), text);
}

void removeMarker(CaseDocument *doc, Id id) { remove<Marker>(doc, id, tr("Delete marker")); }

Id addSource(CaseDocument *doc, Source s)
{
    const QString text = tr("Import %1").arg(s.path.section(u'/', -1));
    return insert(doc, std::move(s), text);
}

void removeSource(CaseDocument *doc, Id id)
{
    if (const Source *s = doc->find<Source>(id))
        remove<Source>(doc, id, tr("Remove source %1").arg(s->path.section(u'/', -1)));
}

void setTitle(CaseDocument *doc, const QString &title) { setValue(doc, 0, &CaseMeta::title, title, tr("Rename case")); }

} // namespace edit
} // namespace inquest
