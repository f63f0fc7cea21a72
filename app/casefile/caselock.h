#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace inquest::casefile {

// Who holds a case's writer lock, as the holder wrote it into the lock file.
struct LockHolder
{
    qint64 pid = 0;
    QString host;
    QString program; // "inquest import", "Inquest (workbench)", …
    QDateTime since; // UTC

    // "inquest import (process 4242 on host, since 2010-12-12T21:45:00Z)"
    QString describe() const;
};

// The advisory writer lock of one case file: CASE.inquest.lock beside it, held with flock(2)
// for as long as this object lives (read → change → save, or a GUI session).
//
// Why flock on our own file rather than QLockFile: the kernel drops a flock when its holder
// dies, however it dies, so a lock left by a dead process is never *guessed* stale from a pid
// or an age. QLockFile judges staleness by pid, by comparing the application name with the
// executable's name and by a stale-lock age; the first two misjudge a live holder whose
// application name differs from its executable ("Inquest" vs inquest), the last steals the
// lock of a workbench that keeps a case open for hours. The file's text (pid, host, program,
// since) is only there to name the holder in a refusal.
//
// Protocol: open-or-create the file, flock it, then check that the path still names the inode
// we locked (a releasing holder unlinks the file while it still holds the lock); if not, retry.
// Only the holder writes the text or removes the file.
class CaseLock
{
public:
    CaseLock() = default;
    ~CaseLock();
    CaseLock(const CaseLock &) = delete;
    CaseLock &operator=(const CaseLock &) = delete;

    static QString lockPathFor(const QString &casePath);
    // The current holder, if the lock is held by anyone (this process included).
    static std::optional<LockHolder> holder(const QString &casePath);

    // Takes the lock for `program`. timeoutMs: 0 = try once, < 0 = wait as long as it takes.
    // On refusal *error names the case and the holder; *held says whether it was held by
    // another (false: the lock file could not be made, e.g. a read-only folder).
    bool lock(const QString &casePath, const QString &program, int timeoutMs, QString *error, bool *held = nullptr);
    void unlock();
    bool isLocked() const { return m_fd >= 0; }
    QString casePath() const { return m_casePath; }
    // When the lock file still named an earlier holder that is gone (it died holding it):
    // that holder, for a note. Empty otherwise.
    QString tookOverFrom() const { return m_tookOverFrom; }

private:
    enum class Attempt { Locked, Held, Failed };
    Attempt tryOnce(QString *error);

    QString m_casePath;
    QString m_lockPath;
    QString m_program;
    QString m_tookOverFrom;
    int m_fd = -1;
};

} // namespace inquest::casefile
