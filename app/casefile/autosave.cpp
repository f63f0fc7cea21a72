#include "autosave.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace inquest::autosave {

namespace {
QString orphanFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}
} // namespace

QString sidecarPath(const QString &caseFilePath, const QString &caseId)
{
    if (!caseFilePath.isEmpty())
        return caseFilePath + QStringLiteral(".autosave");
    QDir().mkpath(orphanFolder());
    return orphanFolder() + u'/' + caseId + QStringLiteral(".inquest");
}

QStringList orphanedSidecars()
{
    QStringList files;
    const QDir dir(orphanFolder());
    for (const QString &name : dir.entryList({QStringLiteral("*.inquest")}, QDir::Files, QDir::Time))
        files.append(dir.filePath(name));
    return files;
}

bool hasNewerSidecar(const QString &caseFilePath, const QString &caseId)
{
    const QFileInfo sidecar(sidecarPath(caseFilePath, caseId));
    if (!sidecar.exists())
        return false;
    const QFileInfo file(caseFilePath);
    return !file.exists() || sidecar.lastModified() >= file.lastModified();
}

void discard(const QString &caseFilePath, const QString &caseId) { QFile::remove(sidecarPath(caseFilePath, caseId)); }

} // namespace inquest::autosave
