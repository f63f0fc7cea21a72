#pragma once

#include <QString>

namespace inquest {

// Which file a case was read from or last written to: the inode (a save replaces the file by
// rename, so every save makes a new one), its size and time, and the custody chain head it
// held. A save compares it with the file on disk before it replaces it.
struct DiskIdentity
{
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = -1;
    qint64 mtimeNs = 0;
    QString custodyHead; // hash of the file's last custody row; empty when not read

    bool isNull() const { return size < 0; }
    // Same inode, size and modification time: the file was neither replaced nor written in place.
    bool sameFile(const DiskIdentity &o) const
    {
        return device == o.device && inode == o.inode && size == o.size && mtimeNs == o.mtimeNs;
    }
};

} // namespace inquest
