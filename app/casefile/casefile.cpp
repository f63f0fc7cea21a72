#include "casefile.h"
#include "fileidentity.h"
#include "schema.h"
#include "sqlconnection.h"

#include "model/casedocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QtEndian>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace inquest::casefile {

bool writeDatabase(const CaseData &data, const QString &path, QString *error); // casewriter.cpp
std::optional<CaseData> readDatabase(QSqlDatabase &db, QString *error);        // casereader.cpp

namespace {

QString named(const QString &path, const QString &message)
{
    return QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), message);
}

// Checks the 100-byte SQLite header before SQLite sees the file, so foreign files are
// refused with a precise reason.
bool checkHeader(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.exists()) {
        *error = named(path, QStringLiteral("no such file"));
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = named(path, QStringLiteral("cannot be read: %1").arg(f.errorString()));
        return false;
    }
    if (f.size() == 0) {
        *error = named(path, QStringLiteral("the file is empty; it is not an Inquest case"));
        return false;
    }
    const QByteArray header = f.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        *error = named(path, QStringLiteral("not an Inquest case file (it is not an SQLite database)"));
        return false;
    }
    const quint32 appId = qFromBigEndian<quint32>(header.constData() + 68);
    if (appId != schema::ApplicationId) {
        *error = named(path, QStringLiteral("an SQLite database, but not an Inquest case file"));
        return false;
    }
    const quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    const quint32 pages = qFromBigEndian<quint32>(header.constData() + 28);
    const qint64 expected = qint64(pageSize == 1 ? 65536 : pageSize) * pages;
    if (pages > 0 && f.size() < expected) {
        *error = named(
            path,
            QStringLiteral("the case file is truncated (%1 of %2 bytes); it is damaged").arg(f.size()).arg(expected));
        return false;
    }
    return true;
}

int schemaVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) && q.next())
        return q.value(0).toInt();
    return -1;
}

QString integrityProblem(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return QStringLiteral("the database cannot be checked");
    QStringList problems;
    while (q.next() && problems.size() < 3)
        problems.append(q.value(0).toString());
    if (problems == QStringList{QStringLiteral("ok")})
        return {};
    return problems.isEmpty() ? QStringLiteral("the database cannot be checked") : problems.join(QStringLiteral("; "));
}

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::optional<CaseData> readOpened(QSqlDatabase &db, const QString &path, QString *error)
{
    const QString problem = integrityProblem(db);
    if (!problem.isEmpty()) {
        *error = named(path, QStringLiteral("the case file is damaged (%1)").arg(problem));
        return std::nullopt;
    }
    QString detail;
    auto data = readDatabase(db, &detail);
    if (!data)
        *error = named(path, QStringLiteral("the case file is damaged: %1").arg(detail));
    return data;
}

} // namespace

std::optional<CaseData> read(const QString &path, QString *error, int *fileVersion)
{
    if (!checkHeader(path, error))
        return std::nullopt;
    int version = -1;
    {
        SqlConnection conn(path, SqlConnection::Mode::ReadOnly);
        if (!conn.isOpen()) {
            *error = named(path, QStringLiteral("cannot be opened: %1").arg(conn.errorText()));
            return std::nullopt;
        }
        version = schemaVersion(conn.db());
        if (fileVersion)
            *fileVersion = version;
        if (version < 1) {
            const QString problem = integrityProblem(conn.db());
            *error =
                named(path, problem.isEmpty() ? QStringLiteral("the case file has no schema version; it is damaged")
                                              : QStringLiteral("the case file is damaged (%1)").arg(problem));
            return std::nullopt;
        }
        if (version > schema::CurrentVersion) {
            *error = named(path, QStringLiteral("written by a newer Inquest (case file schema %1; this version reads "
                                                "up to %2). Update Inquest to open it.")
                                     .arg(version)
                                     .arg(schema::CurrentVersion));
            return std::nullopt;
        }
        if (version == schema::CurrentVersion)
            return readOpened(conn.db(), path, error);
    }

    // An older schema: migrate a temporary copy, so the analyst's file stays as it is until saved.
    QTemporaryFile copy(QDir::tempPath() + QStringLiteral("/inquest-migrate-XXXXXX.inquest"));
    if (!copy.open()) {
        *error = named(path, QStringLiteral("cannot make a temporary copy to upgrade it"));
        return std::nullopt;
    }
    copy.close();
    QFile::remove(copy.fileName());
    if (!QFile::copy(path, copy.fileName())) {
        *error = named(path, QStringLiteral("cannot make a temporary copy to upgrade it"));
        return std::nullopt;
    }
    QFile::setPermissions(copy.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    SqlConnection conn(copy.fileName(), SqlConnection::Mode::ReadWrite);
    QString migrateError;
    if (!conn.isOpen() || !conn.db().transaction() || !schema::migrate(conn.db(), version, &migrateError) ||
        !conn.db().commit()) {
        *error = named(path, QStringLiteral("cannot upgrade case file schema %1: %2").arg(version).arg(migrateError));
        return std::nullopt;
    }
    auto data = readOpened(conn.db(), path, error);
    if (data)
        custody::append(
            data->custody, QStringLiteral("migrate"),
            QStringLiteral("case file schema %1 upgraded to %2 on open").arg(version).arg(schema::CurrentVersion));
    return data;
}

// Temporary files of saves that were killed before their rename; ours by name only.
void removeStaleTemporaries(const QFileInfo &target)
{
    QDir dir(target.absolutePath());
    const QStringList stale = dir.entryList({QStringLiteral(".") + target.fileName() + QStringLiteral(".*.saving*")},
                                            QDir::Files | QDir::Hidden);
    for (const QString &name : stale) {
        if (QFileInfo(dir.filePath(name)).lastModified().secsTo(QDateTime::currentDateTime()) > 60)
            QFile::remove(dir.filePath(name));
    }
}

bool write(const CaseData &data, const QString &path, QString *error, const DiskIdentity *expected, bool *conflict)
{
    const QFileInfo target(path);
    const QString dir = target.absolutePath();
    if (!QFileInfo(dir).isDir()) {
        *error = named(path, QStringLiteral("the folder does not exist"));
        return false;
    }
    // Checked on the permission bits, not access(2): root may write anywhere, but a case the
    // analyst made read-only is not to be replaced behind their back.
    if (target.exists() && !(QFile::permissions(path) & QFileDevice::WriteOwner)) {
        *error = named(path, QStringLiteral("the case file is read-only; save it under another name"));
        return false;
    }
    removeStaleTemporaries(target);
    QTemporaryFile temp(dir + QStringLiteral("/.") + target.fileName() + QStringLiteral(".XXXXXX.saving"));
    if (!temp.open()) {
        *error = named(path, QStringLiteral("cannot write in this folder: %1").arg(temp.errorString()));
        return false;
    }
    temp.close();
    // SQLite's rollback journal outlives a failed write; the temporary file removes itself.
    struct JournalCleanup
    {
        QString path;
        ~JournalCleanup() { QFile::remove(path); }
    } journal{temp.fileName() + QStringLiteral("-journal")};
    QString detail;
    if (!writeDatabase(data, temp.fileName(), &detail)) {
        *error = named(path, QStringLiteral("saving failed, the previous file is unchanged: %1").arg(detail));
        return false;
    }
    if (!syncFile(temp.fileName())) {
        *error = named(path, QStringLiteral("saving failed (the disk did not confirm the write); the previous file "
                                            "is unchanged"));
        return false;
    }
    if (target.exists())
        QFile::setPermissions(temp.fileName(), QFile::permissions(path));
    else
        QFile::setPermissions(temp.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ReadGroup | QFileDevice::ReadOther);
    // Checked last, after the long part: what is replaced must be what this case was read from.
    if (expected) {
        if (const QString changed = changedSince(path, *expected); !changed.isEmpty()) {
            *error = changed;
            if (conflict)
                *conflict = true;
            return false;
        }
    }
    // rename(2) replaces the old file atomically: readers see the old or the new case, never half.
    if (std::rename(QFile::encodeName(temp.fileName()).constData(), QFile::encodeName(path).constData()) != 0) {
        *error = named(path, QStringLiteral("saving failed, the previous file is unchanged: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    temp.setAutoRemove(false);
    syncFile(dir);
    return true;
}

bool save(CaseDocument &doc, const QString &path, QString *error, bool *conflict)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QList<CustodyEntry> rows = doc.custodyForSave(absolute);
    CaseData data = doc.data();
    data.custody.append(rows);
    // Save As over another existing file is the analyst's explicit choice; a save over the file
    // this case came from must find it as it was.
    const bool sameFile = absolute == doc.filePath() && !doc.diskIdentity().isNull();
    if (!write(data, path, error, sameFile ? &doc.diskIdentity() : nullptr, conflict))
        return false;
    doc.markSaved(absolute, rows);
    DiskIdentity written = identify(path, false).value_or(DiskIdentity{});
    written.custodyHead = data.custody.isEmpty() ? QString() : data.custody.last().hash;
    doc.setDiskIdentity(written);
    return true;
}

bool open(CaseDocument &doc, const QString &path, QString *error)
{
    // Taken before reading: if the file is replaced in between, a later save is refused rather
    // than overwriting what was never read.
    const std::optional<DiskIdentity> identity = identify(path, false);
    auto data = read(path, error);
    if (!data)
        return false;
    DiskIdentity id = identity.value_or(DiskIdentity{});
    // The head as read (a migrated file gains a row in memory only: take the file's own).
    id.custodyHead = identify(path, true).value_or(DiskIdentity{}).custodyHead;
    doc.reset(std::move(*data), QFileInfo(path).absoluteFilePath());
    doc.setDiskIdentity(id);
    return true;
}

} // namespace inquest::casefile
