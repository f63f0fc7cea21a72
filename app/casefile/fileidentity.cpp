#include "fileidentity.h"
#include "sqlconnection.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <sys/stat.h>

namespace inquest::casefile {

std::optional<DiskIdentity> identify(const QString &path, bool withHead)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    DiskIdentity id;
    id.device = quint64(st.st_dev);
    id.inode = quint64(st.st_ino);
    id.size = qint64(st.st_size);
    id.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (withHead) {
        SqlConnection conn(path, SqlConnection::Mode::ReadOnly);
        QSqlQuery q(conn.isOpen() ? conn.db() : QSqlDatabase());
        if (conn.isOpen() && q.exec(QStringLiteral("SELECT hash FROM custody ORDER BY seq DESC LIMIT 1")) && q.next())
            id.custodyHead = q.value(0).toString();
    }
    return id;
}

QString changedSince(const QString &path, const DiskIdentity &expected)
{
    if (expected.isNull())
        return {};
    const std::optional<DiskIdentity> now = identify(path, !expected.custodyHead.isEmpty());
    if (!now)
        return {};
    const QString where = QDir::toNativeSeparators(path);
    if (!now->sameFile(expected))
        return QStringLiteral("%1 was changed on disk by another program since it was opened here; it was not "
                              "overwritten (open it again, or save this version under another name)")
            .arg(where);
    if (now->custodyHead != expected.custodyHead)
        return QStringLiteral("%1 holds a different custody chain (head %2, expected %3) than when it was opened "
                              "here; it was not overwritten (open it again, or save this version under another name)")
            .arg(where, now->custodyHead.left(12), expected.custodyHead.left(12));
    return {};
}

} // namespace inquest::casefile
