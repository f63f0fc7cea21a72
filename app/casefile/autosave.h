#pragma once

#include <QString>
#include <QStringList>

namespace inquest::autosave {

// Where unsaved work of a case is kept between autosaves: beside its file
// ("case.inquest.autosave"), or, for a case never saved, in the user's data folder by case id.
QString sidecarPath(const QString &caseFilePath, const QString &caseId);
// Sidecars of never-saved cases left behind by a crash.
QStringList orphanedSidecars();
// True when a sidecar exists that is newer than the case file (work a crash would lose).
bool hasNewerSidecar(const QString &caseFilePath, const QString &caseId);
void discard(const QString &caseFilePath, const QString &caseId);

} // namespace inquest::autosave
