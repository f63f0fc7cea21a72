#pragma once

#include "casedocument.h"

#include <QUndoCommand>

namespace inquest {

// One small undo command per analyst operation. Records are copied in and out of the
// document; ids stay stable across undo and redo.

template <typename R> class InsertRecordCommand : public QUndoCommand
{
public:
    // Assigns an id when record.id is 0. index -1 appends.
    InsertRecordCommand(CaseDocument *doc, R record, const QString &text, int index = -1,
                        QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_doc(doc)
        , m_record(std::move(record))
        , m_index(index)
    {
        if (m_record.id == 0)
            m_record.id = doc->allocateId();
    }
    Id recordId() const { return m_record.id; }
    void redo() override { m_doc->insertRecord(m_index, m_record); }
    void undo() override { m_record = m_doc->template takeRecord<R>(m_record.id, &m_index); }

private:
    CaseDocument *m_doc;
    R m_record;
    int m_index;
};

template <typename R> class RemoveRecordCommand : public QUndoCommand
{
public:
    RemoveRecordCommand(CaseDocument *doc, Id id, const QString &text, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_doc(doc)
        , m_id(id)
    {
    }
    void redo() override { m_record = m_doc->template takeRecord<R>(m_id, &m_index); }
    void undo() override { m_doc->insertRecord(m_index, m_record); }

private:
    CaseDocument *m_doc;
    Id m_id;
    R m_record;
    int m_index = -1;
};

template <typename R> class MoveRecordCommand : public QUndoCommand
{
public:
    MoveRecordCommand(CaseDocument *doc, Id id, int to, const QString &text, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_doc(doc)
        , m_id(id)
        , m_to(to)
        , m_from(doc->indexOf<R>(id))
    {
    }
    void redo() override { m_doc->template moveRecord<R>(m_id, m_to); }
    void undo() override { m_doc->template moveRecord<R>(m_id, m_from); }

private:
    CaseDocument *m_doc;
    Id m_id;
    int m_to;
    int m_from;
};

// A property edit (after Tiled's ChangeValue): swaps on undo/redo, merges consecutive edits
// of the same property of the same record, and becomes obsolete when back at the start value.
// R is a record type (or CaseMeta, with id 0).
template <typename R, typename T> class ChangeValueCommand : public QUndoCommand
{
public:
    ChangeValueCommand(CaseDocument *doc, Id id, T R::*member, T value, const QString &text,
                       QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_doc(doc)
        , m_id(id)
        , m_member(member)
        , m_new(std::move(value))
    {
        const R *record = doc->template mutableRecord<R>(id);
        Q_ASSERT(record);
        m_old = record->*member;
    }
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }
    int id() const override { return 0x1000 + int(entityOf<R>()); }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *o = dynamic_cast<const ChangeValueCommand *>(other);
        if (!o || o->m_id != m_id || o->m_member != m_member || o->childCount() || childCount())
            return false;
        m_new = o->m_new;
        setObsolete(m_new == m_old);
        return true;
    }

private:
    void apply(const T &value)
    {
        R *record = m_doc->template mutableRecord<R>(m_id);
        record->*m_member = value;
        m_doc->template notifyModified<R>(m_id);
    }

    CaseDocument *m_doc;
    Id m_id;
    T R::*m_member;
    T m_new;
    T m_old;
};

// Sets one cell of the ACH matrix.
class SetRatingCommand : public QUndoCommand
{
public:
    SetRatingCommand(CaseDocument *doc, Id evidence, Id hypothesis, Rating rating, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    int id() const override { return 0x2000; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(Rating rating);
    CaseDocument *m_doc;
    Id m_evidence;
    Id m_hypothesis;
    Rating m_new;
    Rating m_old;
};

// Convenience: push the common operations onto the document's undo stack.
namespace edit {
Id addHypothesis(CaseDocument *doc, Hypothesis h, int index = -1);
void removeHypothesis(CaseDocument *doc, Id id);
void renameHypothesis(CaseDocument *doc, Id id, const QString &name);
void setHypothesisKind(CaseDocument *doc, Id id, HypothesisKind kind);
void moveHypothesis(CaseDocument *doc, Id id, int to);
Id addEvidence(CaseDocument *doc, Evidence e);
void removeEvidence(CaseDocument *doc, Id id);
void setEvidenceState(CaseDocument *doc, Id id, EvidenceState state);
void setRating(CaseDocument *doc, Id evidence, Id hypothesis, Rating rating);
Id addStatement(CaseDocument *doc, Statement s);
void removeStatement(CaseDocument *doc, Id id);
// Removes `remove` and inserts `add` where the first removed one was, as one undo step
// (split, merge). Returns the new ids.
QList<Id> replaceStatements(CaseDocument *doc, const QList<Id> &remove, const QList<Statement> &add,
                            const QString &text);
// The analyst's verdict on a stance: the ratings (empty = no stance) and confirmed = true.
void setStatementStance(CaseDocument *doc, Id id, const QMap<HypothesisKind, Rating> &stance);
void setStatementGrade(CaseDocument *doc, Id id, QChar reliability, int credibility);
Id addMarker(CaseDocument *doc, Marker m);
void removeMarker(CaseDocument *doc, Id id);
Id addSource(CaseDocument *doc, Source s);
void removeSource(CaseDocument *doc, Id id);
void setTitle(CaseDocument *doc, const QString &title);

template <typename R, typename T> void setValue(CaseDocument *doc, Id id, T R::*member, T value, const QString &text)
{
    const R *record = doc->template mutableRecord<R>(id);
    if (!record || record->*member == value)
        return;
    doc->undoStack()->push(new ChangeValueCommand<R, T>(doc, id, member, std::move(value), text));
}
} // namespace edit

} // namespace inquest
