#include "inputfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace inquest {

InputFiles expandInputPaths(const QStringList &paths, qsizetype maxFiles)
{
    InputFiles out;
    qsizetype leftOut = 0;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            if (out.files.size() < maxFiles)
                out.files.append(path);
            else
                ++leftOut;
            continue;
        }
        // QDir::Files without QDir::System leaves out FIFOs, devices and sockets; without
        // QDir::Hidden, dot files, and QDirIterator then does not descend into dot folders.
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        std::sort(found.begin(), found.end());
        const qsizetype room = std::max<qsizetype>(0, maxFiles - out.files.size());
        const QString name = QDir::toNativeSeparators(path);
        if (found.isEmpty())
            out.notes.append(QStringLiteral("%1: the folder holds no file to import").arg(name));
        else
            out.notes.append(QStringLiteral("%1: %2 file(s) in the folder").arg(name).arg(found.size()));
        leftOut += std::max<qsizetype>(0, found.size() - room);
        out.files.append(found.mid(0, room));
    }
    if (leftOut)
        out.notes.append(
            QStringLiteral("%1 file(s) left out: at most %2 files are imported at once").arg(leftOut).arg(maxFiles));
    return out;
}

} // namespace inquest
