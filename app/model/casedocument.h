#pragma once

#include "casedata.h"
#include "changeevent.h"
#include "diskidentity.h"

#include <QObject>
#include <QUndoStack>

#include <type_traits>

namespace inquest {

template <typename R> constexpr Entity entityOf()
{
    if constexpr (std::is_same_v<R, Source>)
        return Entity::Source;
    else if constexpr (std::is_same_v<R, Hypothesis>)
        return Entity::Hypothesis;
    else if constexpr (std::is_same_v<R, Evidence>)
        return Entity::Evidence;
    else if constexpr (std::is_same_v<R, Statement>)
        return Entity::Statement;
    else if constexpr (std::is_same_v<R, Marker>)
        return Entity::Marker;
    else if constexpr (std::is_same_v<R, CurveSpec>)
        return Entity::Curve;
    else if constexpr (std::is_same_v<R, EventMark>)
        return Entity::EventMark;
    else if constexpr (std::is_same_v<R, RemoteSource>)
        return Entity::RemoteSource;
    else
        return Entity::Case;
}

// The open case: its data, its undo stack and one `changed` signal. Analyst edits go through
// undo commands (commands.h); the raw mutators below are what those commands call.
class CaseDocument : public QObject
{
    Q_OBJECT

public:
    explicit CaseDocument(QObject *parent = nullptr);
    explicit CaseDocument(CaseData data, QObject *parent = nullptr);
    ~CaseDocument() override;

    const CaseData &data() const { return m_data; }
    const CaseMeta &meta() const { return m_data.meta; }
    const QList<Source> &sources() const { return m_data.sources; }
    const QList<Hypothesis> &hypotheses() const { return m_data.hypotheses; }
    const QList<Evidence> &evidence() const { return m_data.evidence; }
    const QList<Statement> &statements() const { return m_data.statements; }
    const QList<Marker> &markers() const { return m_data.markers; }
    const QList<CurveSpec> &curves() const { return m_data.curves; }
    const QList<EventMark> &eventMarks() const { return m_data.eventMarks; }
    const QList<RemoteSource> &remoteSources() const { return m_data.remoteSources; }
    const QList<CustodyEntry> &custody() const { return m_data.custody; }

    // Replaces the whole case (after Open or New): clears the undo stack and marks it clean,
    // or modified when the data is not what the file holds (recovered from an autosave).
    void reset(CaseData data, const QString &filePath = {}, bool modified = false);

    QUndoStack *undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    bool isModified() const;
    QString displayName() const;

    // Provenance of remote answers: appended (an edit's undo takes back what it appended).
    void appendRemoteResults(const QList<RemoteResult> &results);
    void takeLastRemoteResults(qsizetype count);
    // Appends a custody row now (imports, exports); saves add their own row via markSaved().
    void recordCustody(const QString &action, const QString &detail);
    // The custody rows a save to `path` adds (the edits since the last save, then the save),
    // chained to the log; the case file writes them, and markSaved() appends them afterwards.
    QList<CustodyEntry> custodyForSave(const QString &path) const;
    // After a successful save: appends the rows that were written and marks the stack clean.
    void markSaved(const QString &path, const QList<CustodyEntry> &writtenRows);
    // The file on disk this case was read from or last saved to (null: none, or not known);
    // reset() clears it, the case file sets it.
    const DiskIdentity &diskIdentity() const { return m_diskIdentity; }
    void setDiskIdentity(const DiskIdentity &identity) { m_diskIdentity = identity; }

    template <typename R> const R *find(Id id) const
    {
        const auto &list = recordsOf<R>();
        for (const R &r : list) {
            if (r.id == id)
                return &r;
        }
        return nullptr;
    }
    template <typename R> int indexOf(Id id) const
    {
        const auto &list = recordsOf<R>();
        for (int i = 0; i < list.size(); ++i) {
            if (list[i].id == id)
                return i;
        }
        return -1;
    }

    // --- raw mutators, for undo commands and loaders; each emits `changed` ---
    Id allocateId() { return m_data.nextId++; }
    template <typename R> void insertRecord(int index, const R &record)
    {
        auto &list = recordsOf<R>();
        index = (index < 0 || index > list.size()) ? int(list.size()) : index;
        emit aboutToChange({entityOf<R>(), ChangeAction::Added, record.id, index});
        list.insert(index, record);
        emit changed({entityOf<R>(), ChangeAction::Added, record.id, index});
    }
    template <typename R> R takeRecord(Id id, int *indexOut = nullptr)
    {
        auto &list = recordsOf<R>();
        const int index = indexOf<R>(id);
        Q_ASSERT(index >= 0);
        emit aboutToChange({entityOf<R>(), ChangeAction::Removed, id, index});
        R record = list.takeAt(index);
        if (indexOut)
            *indexOut = index;
        emit changed({entityOf<R>(), ChangeAction::Removed, id, index});
        return record;
    }
    template <typename R> void moveRecord(Id id, int to)
    {
        auto &list = recordsOf<R>();
        const int from = indexOf<R>(id);
        Q_ASSERT(from >= 0 && to >= 0 && to < list.size());
        if (from == to)
            return;
        emit aboutToChange({entityOf<R>(), ChangeAction::Moved, id, to, from});
        list.move(from, to);
        emit changed({entityOf<R>(), ChangeAction::Moved, id, to, from});
    }
    // Direct access for a property change; call notifyModified afterwards.
    template <typename R> R *mutableRecord(Id id)
    {
        if constexpr (std::is_same_v<R, CaseMeta>) {
            return &m_data.meta;
        } else {
            auto &list = recordsOf<R>();
            for (R &r : list) {
                if (r.id == id)
                    return &r;
            }
            return nullptr;
        }
    }
    template <typename R> void notifyModified(Id id)
    {
        if constexpr (std::is_same_v<R, CaseMeta>)
            emit changed({Entity::Case, ChangeAction::Modified, 0, -1});
        else
            emit changed({entityOf<R>(), ChangeAction::Modified, id, indexOf<R>(id)});
    }

signals:
    // Structural changes (Added, Removed, Moved, Reset) are announced before they happen,
    // so item models can call begin…Rows; every change is reported after it happened.
    void aboutToChange(const inquest::ChangeEvent &event);
    void changed(const inquest::ChangeEvent &event);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    template <typename R> QList<R> &recordsOf() { return const_cast<QList<R> &>(std::as_const(*this).recordsOf<R>()); }
    template <typename R> const QList<R> &recordsOf() const
    {
        if constexpr (std::is_same_v<R, Source>)
            return m_data.sources;
        else if constexpr (std::is_same_v<R, Hypothesis>)
            return m_data.hypotheses;
        else if constexpr (std::is_same_v<R, Evidence>)
            return m_data.evidence;
        else if constexpr (std::is_same_v<R, Statement>)
            return m_data.statements;
        else if constexpr (std::is_same_v<R, CurveSpec>)
            return m_data.curves;
        else if constexpr (std::is_same_v<R, EventMark>)
            return m_data.eventMarks;
        else if constexpr (std::is_same_v<R, RemoteSource>)
            return m_data.remoteSources;
        else
            return m_data.markers;
    }
    QStringList editsSinceSave() const;

    CaseData m_data;
    QUndoStack *m_undoStack;
    QString m_filePath;
    bool m_unsavedRecovery = false; // modified although the undo stack is clean
    DiskIdentity m_diskIdentity;
};

} // namespace inquest
