#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace inquest {

namespace {
const QString Key = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
{
}

QStringList RecentFiles::files() const
{
    QStringList existing;
    for (const QString &f : QSettings().value(Key).toStringList()) {
        if (QFileInfo::exists(f))
            existing.append(f);
    }
    return existing;
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = QSettings().value(Key).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxFiles)
        list.removeLast();
    QSettings().setValue(Key, list);
    emit changed();
}

void RecentFiles::clear()
{
    QSettings().remove(Key);
    emit changed();
}

} // namespace inquest
